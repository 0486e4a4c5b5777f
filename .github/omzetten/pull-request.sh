#!/usr/bin/env bash
# De tweede job van .github/workflows/omzetten.yml: de praktijk die de eerste job maakte op een eigen tak,
# een pull request die het issue sluit. Draait geen pakket en geen tekst van het issue: die komt alleen via
# de omgeving (BESTAND in base64, ISSUE_TITEL als tekst) en wordt nooit als opdracht gelezen.
set -euo pipefail
[[ "$PRAKTIJK" =~ ^praktijken/[a-z0-9]+(-[a-z0-9]+)*\.md$ ]] || { echo "onverwacht pad: $PRAKTIJK" >&2; exit 1; }
[[ "$ISSUE" =~ ^[0-9]+$ ]] || { echo "onverwacht issuenummer" >&2; exit 1; }
tak="omzetten/issue-$ISSUE"
naam=$(basename "$PRAKTIJK" .md)
if git ls-files --error-unmatch -- "$PRAKTIJK" >/dev/null 2>&1; then
  soort="Wijziging"
else
  soort="Nieuwe praktijk"
fi
rest=${ISSUE_TITEL#"$soort:"}
rest=${rest#"${rest%%[![:space:]]*}"}  # without the spaces after the form's prefix
titel="$soort: ${rest:-$naam}"  # the proposer may have left the title at the form's prefix
git switch --create "$tak"
printf '%s' "$BESTAND" | base64 -d > "$PRAKTIJK"
git add -- "$PRAKTIJK"
git -c user.name="github-actions[bot]" -c user.email="41898282+github-actions[bot]@users.noreply.github.com" \
  commit --quiet --message "$titel" --message "Omgezet uit #$ISSUE met gids voorstel."
gh auth setup-git  # git pushes with GH_TOKEN through gh, which keeps it out of .git/config
git push origin "HEAD:refs/heads/$tak"
gh pr create --repo "$GITHUB_REPOSITORY" --head "$tak" --title "$titel" --body "Omgezet uit #$ISSUE met \`gids voorstel\`.

Redacteur: leg de praktijk naast de bron, vul aan wat \`gids check\` meldt (zie de reactie op het issue), zet
\`laatst_gecontroleerd\` op vandaag en voeg samen. Deze pull request werd door de workflow geopend, dus de controle
start pas na een nieuwe commit of na sluiten en heropenen.

Closes #$ISSUE"
