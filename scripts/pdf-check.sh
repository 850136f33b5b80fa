#!/usr/bin/env bash
# Checks the PDF reports made by the release binary, end to end: starts a demo server, records a
# deliberation and its decision through the API, downloads the deliberation report and a meldcode
# trajectory report through the web routes, and checks both files.
#
# No full PDF/A validator is used: veraPDF is distributed through Maven Central and GitHub, which
# this project's machines and CI cannot reach (only crates.io, PyPI, Debian and npm), and no
# package on those registries ships it. So the checks are the strongest available there:
#   pdfa_check.py       the PDF/A-2b requirements decidable from the file's structure, object by
#                       object, with pikepdf from PyPI (version 1.7 at most, file id, no
#                       encryption, XMP pdfaid part 2 conformance B, titles agree, GTS_PDFA1
#                       output intent with an ICC profile that fits the colours used, every font
#                       embedded, no forbidden actions or JavaScript, no external or LZW streams,
#                       printable annotations); first proven on damaged copies (--self-test)
#   qpdf --check        the file's structure (xref, objects, streams) is sound
#   pdfinfo             PDF/A-2b identification in the XMP metadata (pdfaid part 2, conformance
#                       B), tagged, title set
#   pdffonts            every font is embedded
#   pdftoppm            page 1 renders
#   pdftotext           the text a reader needs: the answer, the organisation, "Grondslag", a
#                       source title, "pagina 1 van", the entry numbers, the verification status
# The crate's tests (cargo test -p grondslag-report-pdf) check the same identification on every
# branch of the templates; the web tests check authorisation and access logging.
#
# Needs: qpdf, poppler-utils, curl, python3 with venv (.ci/run installs the first two); installs
# pikepdf into a virtual environment under ~/.cache on first use.
# Usage: GRONDSLAG_BIN=path/to/grondslag bash scripts/pdf-check.sh   (keeps the PDFs with
# GRONDSLAG_PDF_KEEP=DIR)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BIN="${GRONDSLAG_BIN:-${CARGO_TARGET_DIR:-$ROOT/target}/release/grondslag}"
if [ ! -x "$BIN" ]; then
  echo "pdf-check: no grondslag binary at $BIN; build it (cargo build --release -p grondslag-cli) or set GRONDSLAG_BIN" >&2
  exit 2
fi
for tool in qpdf pdfinfo pdffonts pdftoppm pdftotext curl python3; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "pdf-check: $tool is missing (apt-get install qpdf poppler-utils curl python3)" >&2
    exit 2
  fi
done

PIKEPDF_VERSION="10.18.0"
VENV="${GRONDSLAG_PDFA_VENV:-$HOME/.cache/grondslag-pikepdf}"
if ! "$VENV/bin/python" -c "import pikepdf, sys; sys.exit(pikepdf.__version__ != '$PIKEPDF_VERSION')" 2>/dev/null; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q "pikepdf==$PIKEPDF_VERSION"
fi

# shellcheck source=scripts/demo-server.sh
. "$(dirname "$0")/demo-server.sh"
start_demo_server pdf-check

token() {
  curl -fsS -X POST -H 'Content-Type: application/json' \
    -d "{\"inlognaam\":\"$1\",\"wachtwoord\":\"demo-wachtwoord-oost\"}" "$BASE/api/v1/sessies" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])'
}
client_id() { # token, name
  curl -fsS -H "Authorization: Bearer $1" "$BASE/api/v1/clienten" |
    python3 -c 'import json, sys; print(next(c["id"] for c in json.load(sys.stdin) if c["naam"] == sys.argv[1]))' "$2"
}

# A deliberation for Noor (the demo's registered consent for her mantelzorger) and its decision.
HUISARTS="$(token huisarts)"
NOOR="$(client_id "$HUISARTS" "Noor Bakker")"
curl -fsS -X POST -H "Authorization: Bearer $HUISARTS" -H 'Content-Type: application/json' \
  -d '{"facts":{"sender_role":"huisarts","recipient_role":"mantelzorger","request_from":"none","purpose":"inform_relatives","data_categories":["health"],"client_age":42,"client_competent":true,"client_deceased":false}}' \
  "$BASE/api/v1/clienten/$NOOR/beraden" >"$WORK/beraad.json"
SEQ="$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["ontvangstbewijs"]["seq"])' "$WORK/beraad.json")"
curl -fsS -X POST -H "Authorization: Bearer $HUISARTS" -H 'Content-Type: application/json' \
  -d "{\"deliberation_seq\":$SEQ,\"shared\":true,\"what\":\"diagnose en behandelplan\",\"recipient\":\"dochter (mantelzorger)\",\"client_informed\":\"mondeling, bij het consult\",\"reasons\":\"Toestemming van Noor geregistreerd; alleen wat de dochter nodig heeft.\"}" \
  "$BASE/api/v1/clienten/$NOOR/besluiten" >"$WORK/besluit.json"
DSEQ="$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["seq"])' "$WORK/besluit.json")"

# The PDFs through the web routes (a bearer token works there as a session does).
curl -fsS -H "Authorization: Bearer $HUISARTS" -D "$WORK/beraad.headers" -o "$WORK/beraad.pdf" \
  "$BASE/clienten/$NOOR/dossier/$SEQ/verslag.pdf"
WIJK="$(token wijkteam)"
MILAN="$(client_id "$WIJK" "Milan Hoekstra")"
curl -fsS -H "Authorization: Bearer $WIJK" -D "$WORK/meldcode.headers" -o "$WORK/meldcode.pdf" \
  "$BASE/clienten/$MILAN/meldcode.pdf"

fail=0
bad() { echo "pdf-check: $*" >&2; fail=1; }

check() { # name, file, headers, then words pdftotext must find (whitespace and hyphens ignored)
  local name="$1" pdf="$2" headers="$3"
  shift 3
  echo "== $name ($(wc -c <"$pdf") bytes)"
  grep -qi '^content-type: application/pdf' "$headers" || bad "$name: Content-Type is not application/pdf"
  grep -qi '^content-disposition: attachment; filename="[a-z0-9-]*\.pdf"' "$headers" || bad "$name: no attachment file name"
  if ! qpdf --check "$pdf" >"$WORK/qpdf.txt" 2>&1; then bad "$name: qpdf --check failed"; cat "$WORK/qpdf.txt" >&2; fi
  grep -q "No syntax or stream encoding errors" "$WORK/qpdf.txt" && echo "qpdf --check: no syntax or stream encoding errors"
  # Poppler reads the tagged-PDF flag /MarkInfo /Suspects (a boolean, as ISO 32000 defines it)
  # as the wrong type and says so on stderr; that line is dropped, any other message is shown.
  pdfinfo "$pdf" >"$WORK/info.txt" 2>"$WORK/poppler.txt"
  pdfinfo -meta "$pdf" >"$WORK/meta.txt" 2>>"$WORK/poppler.txt"
  grep -v 'Suspects object is wrong type' "$WORK/poppler.txt" >&2 || true
  grep -Eq 'pdfaid:part(>|=")2' "$WORK/meta.txt" || bad "$name: no pdfaid:part 2 in the XMP metadata"
  grep -Eq 'pdfaid:conformance(>|=")B' "$WORK/meta.txt" || bad "$name: no pdfaid:conformance B in the XMP metadata"
  grep -Eq '^Tagged: +yes' "$WORK/info.txt" || bad "$name: not tagged"
  grep -Eq '^Title: +.+' "$WORK/info.txt" || bad "$name: no title"
  echo "pdfinfo: PDF/A-2b identification, $(grep -E '^(Pages|Tagged|PDF version):' "$WORK/info.txt" | tr -s ' ' | paste -sd ';' -)"
  pdffonts "$pdf" >"$WORK/fonts.txt"
  # Columns: name type encoding emb sub uni object ID; "emb" is the 4th field from the right.
  if tail -n +3 "$WORK/fonts.txt" | awk '{ if ($(NF-4) != "yes") exit 1 }'; then
    echo "pdffonts: $(tail -n +3 "$WORK/fonts.txt" | wc -l) fonts, all embedded"
  else
    bad "$name: a font is not embedded"; cat "$WORK/fonts.txt" >&2
  fi
  pdftoppm -r 50 -png -f 1 -l 1 "$pdf" "$WORK/page" || bad "$name: page 1 does not render"
  [ -s "$WORK/page-1.png" ] || [ -s "$WORK/page-01.png" ] || bad "$name: page 1 rendered empty"
  rm -f "$WORK"/page-*.png
  pdftotext -enc UTF-8 "$pdf" "$WORK/text.txt"
  python3 - "$WORK/text.txt" "$name" "$@" <<'EOF' || fail=1
import re, sys
norm = lambda s: re.sub(r"[\s\-\u00ad]+", "", s).lower()
text = norm(open(sys.argv[1], encoding="utf-8").read())
missing = [w for w in sys.argv[3:] if norm(w) not in text]
for w in missing:
    print(f"pdf-check: {sys.argv[2]}: pdftotext does not find {w!r}", file=sys.stderr)
print(f"pdftotext: {len(sys.argv) - 3 - len(missing)} of {len(sys.argv) - 3} expected texts found")
sys.exit(1 if missing else 0)
EOF
  if [ -n "${GRONDSLAG_PDF_KEEP:-}" ]; then mkdir -p "$GRONDSLAG_PDF_KEEP"; cp "$pdf" "$GRONDSLAG_PDF_KEEP/"; fi
}

ORG="Demo: Wijkteam en huisartsenpraktijk Oost (fictief)"
# The answer's outcome and its first source's title, as the API returned them.
OUTCOME="$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["report"]["outcome_label"])' "$WORK/beraad.json")"
SOURCE="$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["report"]["sources"][0]["title"])' "$WORK/beraad.json")"
check "verslag van een beraad" "$WORK/beraad.pdf" "$WORK/beraad.headers" \
  "Grondslag" "$ORG" "pagina 1 van" "Noor Bakker" "$OUTCOME" "$SOURCE" \
  "Laag 1 — beroepsgeheim" "Laag 2 — AVG" "Dossierregel $SEQ" "Dossierregel $DSEQ" \
  "Toestemming van Noor geregistreerd" "keten van het dossier is intact" "Recht van"
check "meldcodetraject" "$WORK/meldcode.pdf" "$WORK/meldcode.headers" \
  "Grondslag" "$ORG" "pagina 1 van" "Meldcode — Milan Hoekstra" "Stap 1: signalen" \
  "Milan (9) zei in de klas" "Dossierregel" "keten van het dossier is intact" "De professional beslist zelf"

echo "== PDF/A-2b structure (pikepdf $PIKEPDF_VERSION)"
"$VENV/bin/python" "$ROOT/scripts/pdfa_check.py" --self-test "$WORK/beraad.pdf" || fail=1
"$VENV/bin/python" "$ROOT/scripts/pdfa_check.py" "$WORK/beraad.pdf" "$WORK/meldcode.pdf" || fail=1

if [ "$fail" -ne 0 ]; then
  echo "pdf-check: FAILED" >&2
  exit 1
fi
echo "pdf-check: both PDF reports pass"
