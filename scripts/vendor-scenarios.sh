#!/usr/bin/env bash
# Refreshes the vendored copy of the shared public golden scenarios
# (../shared/scenarios/public → vendor/shared/scenarios/public), which the web application's case
# library (/voorbeelden) embeds so that a deployed binary needs no ../shared beside it.
# CI still runs `toets` on ../shared itself; `cargo test -p grondslag-cases` fails while the copy
# differs from ../shared (and says to run this script).
#
#   scripts/vendor-scenarios.sh            copy (set GRONDSLAG_SHARED for another location)
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED="${GRONDSLAG_SHARED:-../shared}"
SRC="$SHARED/scenarios/public"
DEST="vendor/shared/scenarios/public"
if [ ! -d "$SRC" ]; then
  echo "scripts/vendor-scenarios.sh: no shared scenarios at $SRC" >&2
  exit 1
fi
rm -rf "$DEST"
mkdir -p "$DEST"
cp -R "$SRC"/. "$DEST"/
echo "vendored $(find "$DEST" -type f | wc -l) files from $SRC into $DEST"
