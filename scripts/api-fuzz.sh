#!/usr/bin/env bash
# Schema-driven fuzzing of the JSON API with Schemathesis: starts `grondslag start --demo` on a
# free port with a fresh data directory, signs in through the API as a demo professional, and
# lets Schemathesis generate requests from /api/openapi.json for a fixed time. It fails on any
# 5xx and on any response that does not match the OpenAPI document (body schema, content
# type, documented status codes). Builds nothing: the binary comes from $GRONDSLAG_BIN
# (default $CARGO_TARGET_DIR/release/grondslag).
#
#   scripts/api-fuzz.sh              90 seconds (what CI runs)
#   GRONDSLAG_FUZZ_SECONDS=600 scripts/api-fuzz.sh
#
# Schemathesis (pinned) is installed from PyPI into a virtual environment under ~/.cache the
# first time. Exit code: Schemathesis's (non-zero on any finding), or 2 when the server does
# not start.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
ST_VERSION="4.32.5"
SECONDS_BUDGET="${GRONDSLAG_FUZZ_SECONDS:-90}"
VENV="${GRONDSLAG_FUZZ_VENV:-$HOME/.cache/grondslag-schemathesis}"
BIN="${GRONDSLAG_BIN:-${CARGO_TARGET_DIR:-$ROOT/target}/release/grondslag}"
if [ ! -x "$BIN" ]; then
  echo "api-fuzz: no grondslag binary at $BIN; build it (cargo build --release -p grondslag-cli) or set GRONDSLAG_BIN" >&2
  exit 2
fi
if ! "$VENV/bin/schemathesis" --version 2>/dev/null | grep -q "$ST_VERSION"; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q "schemathesis==$ST_VERSION"
fi

# shellcheck source=scripts/demo-server.sh
. "$(dirname "$0")/demo-server.sh"
start_demo_server api-fuzz

TOKEN="$(curl -fsS -X POST -H 'Content-Type: application/json' \
  -d '{"inlognaam":"huisarts","wachtwoord":"demo-wachtwoord-oost"}' "$BASE/api/v1/sessies" |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])')"

# Signing out (DELETE of the current session) would end the run's own session; the login
# endpoint is fuzzed but counts towards the rate limits, which then answer 429 as documented.
fuzz() {
  "$VENV/bin/schemathesis" run "$BASE/api/openapi.json" \
    --header "Authorization: Bearer $TOKEN" \
    --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
    --exclude-path /api/v1/sessies/huidig \
    --max-time "$SECONDS_BUDGET" \
    --workers 2 \
    --request-timeout 20 \
    --suppress-health-check all \
    --warnings off
}

# A failed check (a 5xx, a response outside the document) always fails the run. Schemathesis
# can also stop on an error inside itself while generating cases (seen once: Hypothesis's
# "AST constructor recursion depth mismatch" in its coverage phase); such a run, with no failed
# check, is repeated once, and fails only if it happens again.
set +e
fuzz 2>&1 | tee "$WORK/fuzz.log"
rc=${PIPESTATUS[0]}
set -e
if [ "$rc" -ne 0 ] && ! grep -q "= FAILURES =" "$WORK/fuzz.log" && grep -q "Runtime Error" "$WORK/fuzz.log"; then
  echo "api-fuzz: Schemathesis stopped on an internal error and no check failed; running it once more" >&2
  fuzz
  rc=$?
fi
exit "$rc"
