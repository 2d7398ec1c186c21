#!/usr/bin/env bash
# Builds both presets: native (relay, tests, benchmarks) and web (the app, the core tests in wasm).
# INBOX_WERROR=ON (the test script sets it) turns warnings into errors for the project's own code; when unset,
# the cached choice stays, so running the app after the tests does not rebuild everything.
set -euo pipefail
cd "$(dirname "$0")/.."
options=()
[ -z "${INBOX_WERROR:-}" ] || options+=("-DINBOX_WERROR=$INBOX_WERROR")
for preset in native web; do
  cmake --preset "$preset" "${options[@]}" >/dev/null
  cmake --build --preset "$preset"
done
