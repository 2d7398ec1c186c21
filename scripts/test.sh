#!/usr/bin/env bash
# Sets up the machine, builds both presets with warnings as errors, and runs every test:
# the native doctest suite, the core tests compiled to wasm under node, the browser end-to-end tests, the
# relay's kill -9 loop (20 kills), and a fixed-budget libFuzzer run of each fuzz target (150,000 inputs from seed 1).
# Ends with one line "total: N passed, M failed" and a non-zero exit status when anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || exit 1
# Setup is idempotent: a second run must find everything in place and change nothing.
if bash scripts/setup.sh | grep -v ': present$\|: all present$\|^\[setup\] done$'; then
  echo "setup is not idempotent: its second run did the work above again"
  echo "total: 0 passed, 1 failed (setup)"
  exit 1
fi
INBOX_WERROR=ON bash scripts/build.sh || { echo "total: 0 passed, 1 failed (build)"; exit 1; }

logs=build/test-logs
mkdir -p "$logs"
passed=0
failed=0
status=0

# doctest's closing line: "[doctest] test cases: 12 | 12 passed | 0 failed | 0 skipped"
run_doctest() {
  local name=$1; shift
  echo "== $name"
  "$@" 2>&1 | tee "$logs/$name.log"
  local rc=${PIPESTATUS[0]}
  local line
  line=$(sed -E "s/\x1b\[[0-9;]*m//g" "$logs/$name.log" | grep -E '^\[doctest\] test cases:' | tail -n1)
  local p f
  p=$(sed -E 's/.*\| *([0-9]+) passed.*/\1/' <<<"$line")
  f=$(sed -E 's/.*\| *([0-9]+) failed.*/\1/' <<<"$line")
  [[ "$p" =~ ^[0-9]+$ ]] || p=0
  [[ "$f" =~ ^[0-9]+$ ]] || f=1
  passed=$((passed + p)); failed=$((failed + f))
  [ "$rc" -eq 0 ] || status=1
}

run_doctest native build/native/tests/inbox_tests
run_doctest relay build/native/tests/inbox_relay_tests
run_doctest wasm node --no-experimental-fetch build/web/tests/inbox_core_tests.js --no-colors=true

# node's test runner closes with "# pass N" and "# fail N".
echo "== browser"
(cd tests/browser && node --test --test-reporter=tap) 2>&1 | tee "$logs/browser.log"
rc=${PIPESTATUS[0]}
p=$(grep -E '^# pass ' "$logs/browser.log" | tail -n1 | awk '{print $3}')
f=$(grep -E '^# fail ' "$logs/browser.log" | tail -n1 | awk '{print $3}')
passed=$((passed + ${p:-0})); failed=$((failed + ${f:-1}))
[ "$rc" -eq 0 ] || status=1

# The relay under kill -9 (tests/crash/kill_loop.mjs): one test, passed when its summary line says PASS.
echo "== crash"
node tests/crash/kill_loop.mjs 20 2>&1 | tee "$logs/crash.log"
rc=${PIPESTATUS[0]}
if [ "$rc" -eq 0 ] && grep -q '^kill-loop: .* PASS$' "$logs/crash.log"; then
  passed=$((passed + 1))
else
  failed=$((failed + 1)); status=1
fi

# libFuzzer (clang-14): builds the fuzz preset and runs each target for a short while (scripts/fuzz.sh, one
# test per target); closes with "fuzz: N passed, M failed". A fixed budget: 150,000 inputs from seed 1, from
# the seeds alone (INBOX_FUZZ_RUNS, INBOX_FUZZ_SEED; SECONDS only caps a slow machine). Long random runs: scripts/fuzz.sh 600.
echo "== fuzz"
INBOX_WERROR=ON INBOX_FUZZ_RUNS="${INBOX_FUZZ_RUNS:-150000}" INBOX_FUZZ_SEED="${INBOX_FUZZ_SEED:-1}" \
  bash scripts/fuzz.sh "${INBOX_FUZZ_SECONDS:-120}" 2>&1 | tee "$logs/fuzz.log"
rc=${PIPESTATUS[0]}
line=$(grep -E '^fuzz: [0-9]+ passed, [0-9]+ failed' "$logs/fuzz.log" | tail -n1)
p=$(sed -E 's/^fuzz: ([0-9]+) passed.*/\1/' <<<"$line")
f=$(sed -E 's/.* ([0-9]+) failed.*/\1/' <<<"$line")
[[ "$p" =~ ^[0-9]+$ ]] || p=0
[[ "$f" =~ ^[0-9]+$ ]] || f=1
passed=$((passed + p)); failed=$((failed + f))
[ "$rc" -eq 0 ] || status=1

[ "$failed" -eq 0 ] || status=1
echo "total: $passed passed, $failed failed"
exit "$status"
