#!/usr/bin/env bash
# Load test of the web application on loopback (BENCHMARKS.md, "HTTP"): requests per second and
# latency percentiles for a deliberation step (a question page: evaluate the draft, consult the
# consent registry, render) and a dossier page (history with verification status, consents),
# each behind a session and with its NEN 7513 access event written synchronously.
#
#   cargo build --release -p grondslag-cli && bash scripts/bench-http.sh
#
# Needs wrk (Debian: apt-get install wrk). GRONDSLAG_BIN, DURATION (10s), CONNECTIONS (32).
set -euo pipefail
BIN=${GRONDSLAG_BIN:-${CARGO_TARGET_DIR:-$HOME/.cache/grondslag-target}/release/grondslag}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-32}
PORT=${PORT:-18088}
B=http://127.0.0.1:$PORT
command -v wrk >/dev/null || { echo "wrk ontbreekt: apt-get install wrk" >&2; exit 2; }
DATA=$(mktemp -d)
JAR=$DATA/jar
"$BIN" start --demo --data "$DATA/data" --adres 127.0.0.1:$PORT >"$DATA/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; rm -rf "$DATA"' EXIT
for _ in $(seq 1 100); do curl -fs -o /dev/null $B/inloggen && break; sleep 0.1; done
curl -fs -c "$JAR" -o /dev/null -d "inlognaam=huisarts&wachtwoord=demo-wachtwoord-oost" $B/inloggen
TOKEN=$(awk '$6=="grondslag_sessie"{print $7}' "$JAR")
COOKIE="Cookie: grondslag_sessie=$TOKEN"
NOOR=$(curl -fs -H "$COOKIE" $B/clienten | grep -o '/clienten/[0-9a-f-]\{36\}">Noor' | cut -d'"' -f1)
echo "# client: $NOOR"
# A deliberation for Noor with three answers given: the page asks the fourth question.
DRAFT=$(curl -fs -H "$COOKIE" -o /dev/null -w '%{redirect_url}' -d "client=${NOOR#/clienten/}&datum=2026-11-23" $B/beraad)
echo "# draft: $DRAFT"
for a in "vraag=recipient_role&antwoord=mantelzorger" "vraag=request_from&antwoord=none" "vraag=purpose&antwoord=inform_relatives"; do
  curl -fs -H "$COOKIE" -o /dev/null -d "$a" "$DRAFT/antwoord"
done
ASKS=$(curl -fs -H "$COOKIE" "$DRAFT" | grep -o 'name="vraag" value="[a-z_]*"' || true)
[ -n "$ASKS" ] || { echo "de beraadpagina stelt geen vraag" >&2; exit 1; }
echo "# the page asks: $ASKS"
curl -fs -H "$COOKIE" "$B$NOOR" | grep -q 'Tijdlijn' || { echo "geen dossierpagina" >&2; exit 1; }
echo "# $(nproc) cores, $(date -u +%F), wrk -t1 -c$CONNECTIONS -d$DURATION"
echo "## deliberation step: GET /beraad/{id}"
wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --latency -H "$COOKIE" "$DRAFT"
echo "## dossier page: GET /clienten/{id}"
wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --latency -H "$COOKIE" "$B$NOOR"
# Every request above wrote one NEN 7513 event, durably, before it was answered.
curl -fs -c "$JAR.p" -o /dev/null -d "inlognaam=privacy&wachtwoord=demo-wachtwoord-oost" $B/inloggen
PTOKEN=$(awk '$6=="grondslag_sessie"{print $7}' "$JAR.p")
echo "## access log: $(curl -fs -H "Cookie: grondslag_sessie=$PTOKEN" $B/verificatie | grep -o '[0-9]* gebeurtenissen, keten intact')"
