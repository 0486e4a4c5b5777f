#!/usr/bin/env bash
# De eerste job van .github/workflows/omzetten.yml, ook zonder GitHub te draaien (tests/test_omzetten.py):
#   voorstel.sh GEBEURTENIS.json TIJDELIJKE-MAP >> "$GITHUB_OUTPUT"
# Leest de tekst van het issue uit het JSON-bestand van de gebeurtenis (nooit uit een ${{ }} in een shellregel),
# draait gids voorstel en schrijft voor de tweede job: praktijk (het pad), bestand en reactie (in base64, zodat
# geen regel van het issue een uitvoer of een opdracht kan worden).
set -euo pipefail
event=$1
tmp=$2
python3 -c 'import json, sys; print(json.load(open(sys.argv[1], encoding="utf-8"))["issue"].get("body") or "", end="")' \
  "$event" > "$tmp/issue.md"
status=0
gids voorstel "$tmp/issue.md" --commentaar "$tmp/reactie.md" >&2 || status=$?
if [ ! -s "$tmp/reactie.md" ]; then
  exit "$status"  # nothing to say on the issue: a fault of the tool, not of the proposal; the run fails
fi
if [ "$status" -le 1 ]; then
  changed=$(git ls-files --modified --others --exclude-standard -- praktijken)
  if [ "$(printf '%s' "$changed" | grep -c .)" -eq 1 ]; then
    echo "praktijk=$changed"
    echo "bestand=$(base64 -w0 "$changed")"
  fi
fi
echo "reactie=$(base64 -w0 "$tmp/reactie.md")"
