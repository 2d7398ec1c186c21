#!/usr/bin/env bash
# Builds both presets: native (relay, tests, benchmarks) and web (the app, the core tests in wasm).
# INBOX_WERROR=ON (the test script sets it) turns warnings into errors for the project's own code.
set -euo pipefail
cd "$(dirname "$0")/.."
werror="${INBOX_WERROR:-OFF}"
for preset in native web; do
  cmake --preset "$preset" -DINBOX_WERROR="$werror" >/dev/null
  cmake --build --preset "$preset"
done
