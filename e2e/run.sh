#!/usr/bin/env bash
# Browser end-to-end tests: starts `grondslag start --demo` on a free port with a fresh data
# directory, waits until it answers, runs `node --test` on e2e/tests with BASE_URL set, and
# always stops the server. Builds nothing: the binary comes from $GRONDSLAG_BIN (default
# $CARGO_TARGET_DIR/release/grondslag, else target/release/grondslag).
#
#   e2e/run.sh                 run every journey and the axe sweep
#   e2e/run.sh --screenshots   also write the documentation screenshots to docs/screenshots/
#
# Needs Debian's chromium (/usr/bin/chromium, or $CHROMIUM) and `npm ci` done in e2e/ (this
# script runs `npm ci` itself when node_modules is missing). Exit code: node's (non-zero on any
# failing test), or 2 when the server does not start.
set -euo pipefail
E2E="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$E2E")"

SCREENSHOTS=""
for arg in "$@"; do
  case "$arg" in
    --screenshots) SCREENSHOTS="$ROOT/docs/screenshots" ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "e2e/run.sh: unknown option '$arg' (only --screenshots)" >&2; exit 2 ;;
  esac
done

if [ -n "${GRONDSLAG_BIN:-}" ]; then
  BIN="$GRONDSLAG_BIN"
elif [ -n "${CARGO_TARGET_DIR:-}" ]; then
  BIN="$CARGO_TARGET_DIR/release/grondslag"
else
  BIN="$ROOT/target/release/grondslag"
fi
if [ ! -x "$BIN" ]; then
  echo "e2e/run.sh: no grondslag binary at $BIN; build it (cargo build --release -p grondslag-cli) or set GRONDSLAG_BIN" >&2
  exit 2
fi
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM" ]; then
  echo "e2e/run.sh: no Chromium at $CHROMIUM; install it with: apt-get install -y chromium" >&2
  exit 2
fi
export CHROMIUM
if [ ! -d "$E2E/node_modules/playwright-core" ]; then
  (cd "$E2E" && npm ci --no-audit --no-fund)
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/grondslag-e2e.XXXXXX")"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  if [ -n "${E2E_KEEP:-}" ]; then echo "e2e/run.sh: kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A free port: ask the kernel for one, then hand it to the server (a tiny race, retried below).
free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }

started=""
for attempt in 1 2 3; do
  PORT="$(free_port)"
  BASE_URL="http://127.0.0.1:$PORT"
  rm -rf "$WORK/data"
  "$BIN" start --demo --data "$WORK/data" --adres "127.0.0.1:$PORT" >"$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  # Wait until it answers (the login page needs no session), at most ~30 s.
  for _ in $(seq 300); do
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then break; fi
    if node -e 'fetch(process.argv[1]).then(r=>process.exit(r.status===200?0:1),()=>process.exit(1))' "$BASE_URL/inloggen" 2>/dev/null; then
      started=1; break
    fi
    sleep 0.1
  done
  [ -n "$started" ] && break
  echo "e2e/run.sh: server did not start on port $PORT (attempt $attempt):" >&2
  sed 's/^/  /' "$WORK/server.log" >&2
  kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""
done
if [ -z "$started" ]; then exit 2; fi
echo "e2e/run.sh: grondslag ($BIN) on $BASE_URL, data in $WORK/data"

mkdir -p "$WORK/state"
export BASE_URL E2E_STATE_DIR="$WORK/state" E2E_ARTIFACTS="${E2E_ARTIFACTS:-$WORK/artifacts}"
if [ -n "$SCREENSHOTS" ]; then export E2E_SCREENSHOTS="$SCREENSHOTS"; fi

set +e
(cd "$E2E" && node --test --test-concurrency=1 --test-reporter=tap tests/)
status=$?
set -e
if [ "$status" -ne 0 ]; then
  if [ -d "$E2E_ARTIFACTS" ] && [ -z "${E2E_KEEP:-}" ]; then
    # Keep the failure screenshots: copy them out of the work directory before it goes.
    KEEP_DIR="$(mktemp -d "${TMPDIR:-/tmp}/grondslag-e2e-artifacts.XXXXXX")"
    cp -r "$E2E_ARTIFACTS"/. "$KEEP_DIR"/
    echo "e2e/run.sh: failure screenshots in $KEEP_DIR" >&2
  fi
  echo "e2e/run.sh: server log (last 40 lines):" >&2
  tail -n 40 "$WORK/server.log" | sed 's/^/  /' >&2
fi
exit "$status"
