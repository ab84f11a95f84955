#!/usr/bin/env bash
# The README's "a case by hand", run literally: the lines between the readme-case markers, in a
# fresh folder that sees the repository's workflows/, rules/, samples/ and doc-templates/ as the
# repository root does, with the example instance id replaced by the one `koop start` printed.
# It must reach a deadline (team.invitations due Tuesday 10 November 2026: five working days
# before the meeting on 18 November, 11 November skipped), a reminder and a rendered pack.
set -euo pipefail
: "${KOOP:?}" "${KOOP_SOURCE_DIR:?}"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
fail=0
err() { echo "FAIL: $*" >&2; fail=1; }
cd "$WORK"
for d in workflows rules samples doc-templates; do ln -s "$KOOP_SOURCE_DIR/$d" "$d"; done
sed -n '/<!-- readme-case: begin -->/,/<!-- readme-case: end -->/p' "$KOOP_SOURCE_DIR/README.md" |
  sed -n 's/^    \(koop .*\)$/\1/p' | sed 's/  *#.*$//' >commands.txt
[ "$(wc -l <commands.txt)" -ge 10 ] || { echo "FAIL: README commands not found"; exit 1; }
id=""
n=0
while IFS= read -r line; do
  n=$((n + 1))
  [ -n "$id" ] && line=${line//case-b7c22cdd61/$id}
  # shellcheck disable=SC2086
  set -- $line
  shift
  if ! "$KOOP" "$@" >"out.$n" 2>"err.$n"; then
    err "README line '$line' failed: $(cat "err.$n")"
    continue
  fi
  case "$line" in koop\ start\ *) id=$(tail -1 "out.$n") ;; esac
done <commands.txt
[ -n "$id" ] || err "koop start printed no instance id"
# People's words: the case's own number and the stage's Polish title, not the instance id.
grep -q "^2026-11-10  MOPS/2027/003  Wysłanie pisemnych zaproszeń na posiedzenie zespołu (Zwołanie posiedzenia zespołu (GGK/ZZK))$" out.* ||
  err "no team.invitations deadline due 2026-11-10 of case MOPS/2027/003 in koop deadlines"
grep -q "$id" <(grep -h "^2026-11-10 " out.*) && err "koop deadlines names the instance id"
grep -q "^Case:         MOPS/2027/003$" out.* || err "koop show does not name the case by its number"
grep -q "why: Pominięto: środa, 11 listopada 2026 r. – Narodowe Święto Niepodległości" out.* ||
  err "koop show does not explain why the invitations are due on 10 November"
grep -q "to coordinator: Przypomnienie: Wysłanie pisemnych zaproszeń" out.* || err "no reminder in koop remind --dry-run"
[ "$(ls out/invitations/zaproszenie-*.docx 2>/dev/null | wc -l)" = 3 ] || err "want 3 invitations in out/invitations"
[ -s out/consent/zgoda-osoby-rodziny.docx ] || err "consent form not rendered"
[ -s case.svg ] || err "koop graph wrote no case.svg"
# The institution invited by e-mail gets the case number only; the paper ones the family's data.
unzip -p out/invitations/zaproszenie-3.docx word/document.xml | sed 's/<[^>]*>//g' >inv3.txt
unzip -p out/invitations/zaproszenie-2.docx word/document.xml | sed 's/<[^>]*>//g' >inv2.txt
grep -q 'MOPS/2027/003' inv3.txt || err "e-mail invitation: case number missing"
grep -q 'Karolina' inv3.txt && err "e-mail invitation: personal data"
grep -q 'Karolina Testowa' inv2.txt || err "paper invitation: information about the family missing"
[ "$fail" = 0 ] && echo "README case by hand: OK ($n commands)"
exit "$fail"
