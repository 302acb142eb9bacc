#!/usr/bin/env bash
# Tests need programs that npm cannot bring: e2e runs on Debian's Chromium (Playwright's own browser download
# needs the internet), the gateway's shared-state tests start a real redis-server and the audit trail's tests a
# real PostgreSQL 15. Installs the missing ones with apt-get (one update for all).
set -euo pipefail
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
redis="${REDIS_SERVER_PATH:-/usr/bin/redis-server}"
pg_bin="${PG_BIN:-/usr/lib/postgresql/15/bin}"
missing=()
[ -x "$chromium" ] || missing+=(chromium)
[ -x "$redis" ] || missing+=(redis-server)
{ [ -x "$pg_bin/postgres" ] && [ -x "$pg_bin/initdb" ]; } || missing+=(postgresql)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's ${missing[*]} (apt-get)…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
  exit 0
fi
echo "Missing ${missing[*]}: install them (Debian: sudo apt-get install ${missing[*]}) or set CHROMIUM_PATH / REDIS_SERVER_PATH / PG_BIN." >&2
exit 1
