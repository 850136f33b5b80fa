#!/usr/bin/env bash
# Checks the FHIR R4 export against HL7's own R4 (4.0.1) definitions, not against our reading of
# them: starts `grondslag start --demo` on a free port with a fresh data directory, records a
# consent, a deliberation, a decision and a withdrawal for a demo client through the API (so
# every resource kind and several access-log events exist), fetches the client's FHIR bundle
# from the API, stops the server, writes the same client's bundle with the CLI
# (`grondslag exporteer --fhir`), and parses both with the Python package fhir.resources: the
# Bundle and then every resource on its own, with the models generated from the R4
# StructureDefinitions (required elements, cardinality, data types and their regexes, choice
# types, unknown elements refused). Then checks what those models do not: each fullUrl once and
# every reference resolving to one. Fails on any error. Builds nothing: the binary comes from
# $GRONDSLAG_BIN (default $CARGO_TARGET_DIR/release/grondslag).
#
# Why fhir.resources 6.4.0: it is the last release whose top-level models are FHIR R4 4.0.1
# (`fhir.resources.__fhir_version__ == "4.0.1"`); 6.5.0 replaced them by R4B (4.3.0, its
# changelog: "FHIR R4B release has been overlapped on current R4 as default release"), and 7.x
# and 8.x default to R5 with R4B (not R4) as a subpackage. 6.4.0 is written for pydantic 1, so
# pydantic is pinned below 2. Both are installed from PyPI into a virtual environment under
# ~/.cache the first time (like scripts/api-fuzz.sh installs Schemathesis).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
FHIR_RESOURCES_VERSION="6.4.0"
PYDANTIC_VERSION="1.10.26"
VENV="${GRONDSLAG_FHIR_VENV:-$HOME/.cache/grondslag-fhir-resources}"
BIN="${GRONDSLAG_BIN:-${CARGO_TARGET_DIR:-$ROOT/target}/release/grondslag}"
if [ ! -x "$BIN" ]; then
  echo "fhir-validate: no grondslag binary at $BIN; build it (cargo build --release -p grondslag-cli) or set GRONDSLAG_BIN" >&2
  exit 2
fi
if ! "$VENV/bin/python" -c "import fhir.resources as f, sys; sys.exit(f.__version__ != '$FHIR_RESOURCES_VERSION')" 2>/dev/null; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q "fhir.resources==$FHIR_RESOURCES_VERSION" "pydantic[email]==$PYDANTIC_VERSION"
fi

# shellcheck source=scripts/demo-server.sh
. "$(dirname "$0")/demo-server.sh"
start_demo_server fhir-validate

# The demo huisarts and her client Noor Bakker (synthetic), who has a registered consent.
CLIENT="$("$VENV/bin/python" - "$BASE" "$WORK/api.json" <<'PY'
import json, sys, urllib.request
base, out = sys.argv[1], sys.argv[2]

def call(method, path, token=None, body=None):
    req = urllib.request.Request(base + path, method=method, data=None if body is None else json.dumps(body).encode())
    req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(req) as r:
        return r.headers.get("Content-Type"), r.read()

_, t = call("POST", "/api/v1/sessies", body={"inlognaam": "huisarts", "wachtwoord": "demo-wachtwoord-oost"})
token = json.loads(t)["token"]
clients = json.loads(call("GET", "/api/v1/clienten", token)[1])
noor = next(c["id"] for c in clients if c["naam"] == "Noor Bakker")
c = f"/api/v1/clienten/{noor}"
call("POST", c + "/toestemmingen", token, {
    "given_by": "Noor Bakker", "capacity": "client", "recipient_roles": ["verzekeraar"], "data_categories": ["health"],
    "purposes": ["insurance_or_employment"], "valid_from": "2026-01-01", "form": "written", "freely_given": True,
    "informed_of_consequences": True, "note": "synthetisch"})
facts = {"sender_role": "huisarts", "recipient_role": "verzekeraar", "request_from": "verzekeraar",
         "recipient_in_treatment_relation": False, "data_categories": ["health"], "purpose": "insurance_or_employment",
         "client_age": "adult", "client_competent": True}
d = json.loads(call("POST", c + "/beraden", token, {"facts": facts})[1])
seq = d["ontvangstbewijs"]["seq"]
call("POST", c + "/besluiten", token, {"deliberation_seq": seq, "shared": False, "recipient": "verzekeraar",
                                        "client_informed": "telefonisch", "reasons": "synthetisch: niets gedeeld"})
first = min(x["seq"] for x in json.loads(call("GET", c + "/toestemmingen", token)[1]))
call("POST", f"{c}/toestemmingen/{first}/intrekking", token, {"door": "Noor Bakker"})
ctype, body = call("GET", c + "/fhir", token)
if not ctype.startswith("application/fhir+json"):
    sys.exit(f"fhir-validate: the API answered {ctype}, not application/fhir+json")
open(out, "wb").write(body)
print(noor)
PY
)"
stop_demo_server

"$BIN" exporteer --fhir --client "$CLIENT" --data "$WORK/data" --naar "$WORK/cli.json" >/dev/null

"$VENV/bin/python" - "$WORK/api.json" "$WORK/cli.json" <<'PY'
import collections, importlib, json, re, sys
import fhir.resources
from fhir.resources.bundle import Bundle

assert fhir.resources.__fhir_version__ == "4.0.1", fhir.resources.__fhir_version__
UUID = re.compile(r"^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
EXPECTED = {"Patient", "Organization", "Consent", "DocumentReference", "Provenance", "AuditEvent"}
failed = False

def references(v):
    if isinstance(v, dict):
        for k, x in v.items():
            if k == "reference" and isinstance(x, str):
                yield x
            else:
                yield from references(x)
    elif isinstance(v, list):
        for x in v:
            yield from references(x)

for path in sys.argv[1:]:
    raw = json.load(open(path))
    name = path.rsplit("/", 1)[-1]
    errors = []
    try:
        Bundle.parse_obj(raw)
    except Exception as e:  # pydantic's ValidationError names every failing element
        errors.append(f"Bundle: {e}")
    counts = collections.Counter()
    for i, entry in enumerate(raw.get("entry", [])):
        res = entry.get("resource", {})
        kind = res.get("resourceType", "?")
        counts[kind] += 1
        try:
            model = getattr(importlib.import_module("fhir.resources." + kind.lower()), kind)
            model.parse_obj(res)
        except Exception as e:
            errors.append(f"entry {i} ({kind}): {e}")
    urls = [e.get("fullUrl", "") for e in raw.get("entry", [])]
    errors += [f"fullUrl is not a urn:uuid: {u!r}" for u in urls if not UUID.match(u)]
    errors += [f"fullUrl twice: {u}" for u, n in collections.Counter(urls).items() if n > 1]
    errors += [f"reference does not resolve in the bundle: {r}" for r in set(references(raw)) if r not in set(urls)]
    errors += [f"no {k} in the bundle" for k in sorted(EXPECTED - set(counts))]
    if raw.get("type") != "collection":
        errors.append(f"Bundle.type is {raw.get('type')!r}")
    summary = ", ".join(f"{n} {k}" for k, n in sorted(counts.items()))
    if errors:
        failed = True
        print(f"fhir-validate: {name}: NOT valid FHIR R4 ({summary})")
        for e in errors:
            print("  " + e)
    else:
        print(f"fhir-validate: {name}: valid FHIR R4 4.0.1 (fhir.resources {fhir.resources.__version__}): {summary}")
sys.exit(1 if failed else 0)
PY
