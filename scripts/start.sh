#!/usr/bin/env bash
# Sets up the machine, builds everything, and starts the relay serving the inbox on localhost: the authority
# of a seeded demo workspace kept in a SQLite file (INBOX_DB, default build/inbox.db; delete it to start
# afresh). PORT picks the port (default 8080; 0 takes any free one). The relay prints the URL to open.
# The demo users sign in with INBOX_DEMO_PASSWORD (a random one is made and printed when it is unset). The
# demo's customers keep writing in, through the WhatsApp webhook as Meta would post it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
if [ -z "${INBOX_DEMO_PASSWORD:-}" ]; then
  INBOX_DEMO_PASSWORD="demo-$(head -c 9 /dev/urandom | base64 | tr -d '/+=')"
  echo "Demo password (for every seeded user): $INBOX_DEMO_PASSWORD"
fi
export INBOX_DEMO_PASSWORD
# The demo's customers post signed WhatsApp webhooks to the relay (INBOX_DEMO_CUSTOMERS messages an hour,
# default 90; 0 for a quiet inbox): a random app secret signs them unless WHATSAPP_APP_SECRET is set.
export WHATSAPP_APP_SECRET="${WHATSAPP_APP_SECRET:-$(head -c 24 /dev/urandom | base64 | tr -d '/+=')}"
export WHATSAPP_VERIFY_TOKEN="${WHATSAPP_VERIFY_TOKEN:-$(head -c 12 /dev/urandom | base64 | tr -d '/+=')}"
exec build/native/inbox-relay --root build/web/site --host 127.0.0.1 --port "${PORT:-8080}" \
  --db "${INBOX_DB:-build/inbox.db}" --demo --demo-customers "${INBOX_DEMO_CUSTOMERS:-90}"
