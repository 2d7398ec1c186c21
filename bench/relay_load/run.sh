#!/usr/bin/env bash
# The relay load benchmark (bench/relay_load/run.mjs): inbox-relay and the Node + ws reference relay under the
# same load in one run, then a table. Needs the relay built (scripts/build.sh) and tests/crash's npm packages
# (scripts/setup.sh); builds the C++ load generator (load_gen.cpp) into build/relay_load/ when it is missing or
# older than its source. Settings through the environment: CLIENTS RATE SECONDS WARMUP ONLY JSON_OUT,
# GENERATOR (cpp, or node with WORKERS processes), NODELAY=1 (adds the relay with TCP_NODELAY forced on), INBOX_RELAY_BIN (default: build/native/inbox-relay).
set -euo pipefail
cd "$(dirname "$0")/../.."
gen=build/relay_load/relay_load_gen
if [ "${GENERATOR:-cpp}" = cpp ] && { [ ! -x "$gen" ] || [ bench/relay_load/load_gen.cpp -nt "$gen" ]; }; then
  mkdir -p build/relay_load
  echo "building $gen"
  g++ -std=c++17 -O2 -Wall -Wextra -Werror -o "$gen" bench/relay_load/load_gen.cpp -pthread
fi
shim=build/relay_load/nodelay_shim.so
if [ "${NODELAY:-0}" = 1 ] && { [ ! -f "$shim" ] || [ bench/relay_load/nodelay_shim.c -nt "$shim" ]; }; then
  mkdir -p build/relay_load
  gcc -O2 -Wall -Werror -shared -fPIC -o "$shim" bench/relay_load/nodelay_shim.c -ldl
fi
exec node bench/relay_load/run.mjs "$@"
