#!/usr/bin/env bash
# Sets up the machine, builds everything, and starts the relay serving the inbox on localhost.
# PORT picks the port (default 8080; 0 takes any free one). The relay prints the URL to open.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
exec build/native/inbox-relay --root build/web/site --host 127.0.0.1 --port "${PORT:-8080}"
