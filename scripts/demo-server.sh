# Sourced by the CI scripts that test the release binary over HTTP (api-fuzz.sh, fhir-validate.sh,
# pdf-check.sh): one place that starts `grondslag start --demo` on a free loopback port with a
# fresh data directory, waits until it answers, and always stops it and removes the directory.
#
#   start_demo_server NAME     needs $BIN; sets WORK, BASE, SERVER_PID; exits 2 (with the
#                              server's log) when it does not start. NAME labels the messages.
#   stop_demo_server           stops the server early (the data directory stays until exit).

stop_demo_server() {
  if [ -n "${SERVER_PID:-}" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  SERVER_PID=""
}

start_demo_server() {
  local name="$1"
  WORK="$(mktemp -d "${TMPDIR:-/tmp}/grondslag-$name.XXXXXX")"
  SERVER_PID=""
  trap 'stop_demo_server; rm -rf "$WORK"' EXIT
  PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
  BASE="http://127.0.0.1:$PORT"
  "$BIN" start --demo --data "$WORK/data" --adres "127.0.0.1:$PORT" >"$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 100); do
    curl -fsS -o /dev/null "$BASE/api/openapi.json" 2>/dev/null && break
    sleep 0.2
  done
  if ! curl -fsS -o /dev/null "$BASE/api/openapi.json"; then
    echo "$name: the server did not start; its log:" >&2
    tail -20 "$WORK/server.log" >&2
    exit 2
  fi
}
