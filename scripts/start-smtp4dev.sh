#!/usr/bin/env bash
# Starts smtp4dev (the Rnwood.Smtp4dev dotnet tool of dotnet-tools.json: an SMTP, IMAP and web/REST
# server for tests) on free 127.0.0.1 ports, in memory, and prints the variables the tests read:
#   eval "$(scripts/start-smtp4dev.sh DIR)"   starts it; DIR keeps its pid, log and env file
#   scripts/start-smtp4dev.sh --stop DIR       stops it
# Exports GUICHET_TEST_SMTP_PORT, GUICHET_TEST_IMAP_PORT and GUICHET_TEST_SMTP4DEV_URL.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = "--stop" ]; then
  dir=${2:?usage: start-smtp4dev.sh --stop DIR}
  if [ -f "$dir/smtp4dev.pid" ]; then
    pid=$(cat "$dir/smtp4dev.pid")
    # setsid made it the leader of its own process group: end the tool launcher and the server.
    kill -- "-$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true
    rm -f "$dir/smtp4dev.pid"
  fi
  exit 0
fi

dir=${1:?usage: start-smtp4dev.sh DIR}
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
dotnet tool restore >"$dir/tool-restore.log" 2>&1 || { cat "$dir/tool-restore.log" >&2; exit 1; }

read -r smtp imap web < <(python3 -c '
import socket
socks = [socket.socket() for _ in range(3)]
for s in socks: s.bind(("127.0.0.1", 0))
print(*[s.getsockname()[1] for s in socks])
for s in socks: s.close()')
url="http://127.0.0.1:$web"

# In memory (--db=""), settings locked and not read from the user's folder, no POP3, loopback only.
setsid dotnet tool run smtp4dev -- --db="" --nousersettings --locksettings --baseappdatapath="$dir/appdata" \
  --hostname=localhost --bindaddress=127.0.0.1 --smtpport="$smtp" --imapport="$imap" --pop3port="" \
  --urls="$url" --messagestokeep=1000 --tlsmode=None \
  >"$dir/smtp4dev.log" 2>&1 </dev/null &
echo $! >"$dir/smtp4dev.pid"

for _ in $(seq 1 120); do
  if curl -fs "$url/api/messages" >/dev/null 2>&1 && grep -q "IMAP Server is listening" "$dir/smtp4dev.log"; then
    cat >"$dir/smtp4dev.env" <<ENV
export GUICHET_TEST_SMTP_PORT=$smtp
export GUICHET_TEST_IMAP_PORT=$imap
export GUICHET_TEST_SMTP4DEV_URL=$url
ENV
    cat "$dir/smtp4dev.env"
    exit 0
  fi
  if ! kill -0 "$(cat "$dir/smtp4dev.pid")" 2>/dev/null; then break; fi
  sleep 0.5
done
echo "smtp4dev did not start; its log:" >&2
cat "$dir/smtp4dev.log" >&2
"$0" --stop "$dir"
exit 1
