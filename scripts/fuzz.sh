#!/usr/bin/env bash
# Builds the `fuzz` preset (clang-14, libFuzzer + ASan + UBSan) and runs every fuzz target for SECONDS each
# (default 20), as many at once as there are cores. Prints one line per target (runs, coverage, corpus) and closes with
# "fuzz: N passed, M failed"; exits non-zero when a target crashed, leaked, timed out or ran out of memory.
#   scripts/fuzz.sh [SECONDS] [TARGET...]     e.g. scripts/fuzz.sh 600 fuzz_command_json
# Inputs: tests/fuzz/corpus/TARGET/ (committed seeds), build/fuzz/seeds/TARGET/ (made by fuzz_seeds from the
# current code) and build/fuzz/corpus/TARGET/ (what earlier runs found; new finds go there). Crashes:
# build/fuzz/crashes/TARGET-crash-<sha1> (replay one: build/fuzz/fuzz/TARGET FILE); logs: build/fuzz/logs/.
# INBOX_FUZZ_RUNS=N with INBOX_FUZZ_SEED=S gives a run a fixed budget: N inputs from seed S, from the seeds alone
# (build/fuzz/corpus/ left out; SECONDS stays the cap), so the test suite on a fresh clone explores close to what
# the last passing run explored (libFuzzer's coverage feedback still varies a little). Without them a run is
# random and time-boxed, and grows build/fuzz/corpus/ (for exploring).
set -uo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
shift || true
[[ "$seconds" =~ ^[0-9]+$ ]] || { echo "usage: scripts/fuzz.sh [SECONDS] [TARGET...]" >&2; exit 2; }

out=build/fuzz
mkdir -p "$out"
options=()
[ -z "${INBOX_WERROR:-}" ] || options+=("-DINBOX_WERROR=$INBOX_WERROR")  # as in scripts/build.sh
if ! { cmake --preset fuzz "${options[@]}" >/dev/null && cmake --build --preset fuzz >"$out/build.log" 2>&1; }; then
  tail -n 40 "$out/build.log"
  echo "fuzz: build failed (log: $out/build.log)"
  echo "fuzz: 0 passed, 1 failed"
  exit 1
fi
rm -rf "$out/seeds"
"$out/fuzz/fuzz_seeds" "$out/seeds" >/dev/null || { echo "fuzz: fuzz_seeds failed"; echo "fuzz: 0 passed, 1 failed"; exit 1; }

targets=("$@")
if [ "${#targets[@]}" -eq 0 ]; then
  for exe in "$out"/fuzz/fuzz_*; do
    name=$(basename "$exe")
    [ "$name" != fuzz_seeds ] && [ -x "$exe" ] && targets+=("$name")
  done
fi

mkdir -p "$out/logs" "$out/crashes"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

# run_target NAME: fuzzes one target; writes its report line(s) to build/fuzz/logs/NAME.result and the word
# ok or failed to NAME.status.
run_target() {
  local t=$1
  local exe="$out/fuzz/$t" log="$out/logs/$t.log" result="$out/logs/$t.result"
  if [ ! -x "$exe" ]; then
    echo "$t: no such fuzz target in $out/fuzz" >"$result"
    echo failed >"$out/logs/$t.status"
    return
  fi
  # A fixed-budget run starts from the committed and generated seeds only, as on a fresh clone.
  local found="$out/corpus/$t"
  if [ -n "${INBOX_FUZZ_RUNS:-}" ]; then
    found="$out/corpus-budget/$t"
    rm -rf "$found"
  fi
  mkdir -p "$found"
  local inputs=("$found") dir
  for dir in "tests/fuzz/corpus/$t" "$out/seeds/$t"; do [ -d "$dir" ] && inputs+=("$dir"); done
  local options=(-max_total_time="$seconds" -timeout=5 -rss_limit_mb=2048 -print_final_stats=1
                 -artifact_prefix="$out/crashes/$t-")
  [ -z "${INBOX_FUZZ_RUNS:-}" ] || options+=(-runs="$INBOX_FUZZ_RUNS")
  [ -z "${INBOX_FUZZ_SEED:-}" ] || options+=(-seed="$INBOX_FUZZ_SEED")
  [ -f "tests/fuzz/$t.dict" ] && options+=(-dict="tests/fuzz/$t.dict")
  echo "$exe ${options[*]} ${inputs[*]}" >"$log"
  "$exe" "${options[@]}" "${inputs[@]}" >>"$log" 2>&1
  local rc=$?
  local runs last cov ft corp summary
  runs=$(grep -E '^stat::number_of_executed_units:' "$log" | awk '{print $2}')
  last=$(grep -E '^#[0-9]+' "$log" | tail -n1)
  cov=$(sed -nE 's/.* cov: ([0-9]+).*/\1/p' <<<"$last")
  ft=$(sed -nE 's/.* ft: ([0-9]+).*/\1/p' <<<"$last")
  corp=$(sed -nE 's/.* corp: ([0-9]+)\/.*/\1/p' <<<"$last")
  local took
  took=$(sed -nE 's/^Done [0-9]+ runs in ([0-9]+) second.*/\1/p' "$log" | tail -n1)
  summary="${runs:-?} runs in ${took:-$seconds}s, coverage ${cov:-?} edges / ${ft:-?} features, corpus ${corp:-?}"
  if [ "$rc" -eq 0 ]; then
    echo "$t: ok, $summary" >"$result"
    echo ok >"$out/logs/$t.status"
  else
    local artifact
    artifact=$(grep -oE "Test unit written to [^ ]+" "$log" | tail -n1 | sed 's/Test unit written to //')
    {
      echo "$t: FAILED (exit $rc), $summary; input: ${artifact:-none}; log: $log"
      grep -E 'ERROR: |SUMMARY: |runtime error|fuzz check failed|assertion failed|what\(\)' "$log" | head -n5 | sed 's/^/    /'
    } >"$result"
    echo failed >"$out/logs/$t.status"
  fi
}

# As many targets at once as there are cores (INBOX_FUZZ_JOBS overrides): each still gets SECONDS to itself.
jobs=${INBOX_FUZZ_JOBS:-$(nproc)}
running=0
for t in "${targets[@]}"; do
  rm -f "$out/logs/$t.result" "$out/logs/$t.status"
  run_target "$t" &
  running=$((running + 1))
  if [ "$running" -ge "$jobs" ]; then
    wait -n
    running=$((running - 1))
  fi
done
wait

passed=0
failed=0
for t in "${targets[@]}"; do
  cat "$out/logs/$t.result" 2>/dev/null || echo "$t: no result"
  if [ "$(cat "$out/logs/$t.status" 2>/dev/null)" = ok ]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
  fi
done
echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
