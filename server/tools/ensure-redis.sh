#!/usr/bin/env bash
# The gateway's shared-state tests start a real redis-server (Debian's). Installs it when missing.
set -euo pipefail
path="${REDIS_SERVER_PATH:-$(command -v redis-server || echo /usr/bin/redis-server)}"
if [ -x "$path" ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "redis-server not found: installing Debian's redis-server (apt-get)…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq redis-server >/dev/null
  exit 0
fi
echo "redis-server not found. Install it (Debian: sudo apt-get install redis-server) or set REDIS_SERVER_PATH." >&2
exit 1
