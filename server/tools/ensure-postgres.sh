#!/usr/bin/env bash
# The audit trail's PostgreSQL tests start a real PostgreSQL 15 (server/tools/postgres-server.ts). Installs
# Debian's postgresql when missing; the tests start their own servers, so the packaged cluster is not needed.
set -euo pipefail
bin="${PG_BIN:-/usr/lib/postgresql/15/bin}"
if [ -x "$bin/postgres" ] && [ -x "$bin/initdb" ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "PostgreSQL not found in $bin: installing Debian's postgresql (apt-get)…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql >/dev/null
  exit 0
fi
echo "PostgreSQL not found in $bin. Install it (Debian: sudo apt-get install postgresql) or set PG_BIN." >&2
exit 1
