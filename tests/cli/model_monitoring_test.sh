#!/usr/bin/env bash
# Zał. 7 (001; 002 §4.4) through the CLI: every member reports its progress, the monitoring meeting
# makes its own zał. 7 record ("Ze spotkania spisywana jest informacja (załącznik nr 7.)") ticked as
# the meeting's, with the members' reports as rows; the month's record the coordinator files next
# is a new one: not ticked as a meeting, no rows of an earlier record carried over.
set -euo pipefail
: "${KOOP:?}" "${KOOP_SOURCE_DIR:?}"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$KOOP_SOURCE_DIR/workflows"
DB="$WORK/t.db"
DIRS=(--workflows . --municipalities ../samples)
k() { "$KOOP" --db "$DB" "$@"; }
fail=0
err() { echo "FAIL: $*" >&2; fail=1; }
fire() { # EVENT AT [JSON]
  echo "${3:-{\}}" >"$WORK/ev.json"
  k fire "$id" "$1" --data "$WORK/ev.json" --at "$2" >/dev/null
}
text() { unzip -p "$1" word/document.xml | sed 's/<[^>]*>//g'; }

echo '{"sprawa":{"numer":"ZG/2027/002"}}' >"$WORK/start.json"
id=$(k start case --municipality zielony-gaj --at 2027-01-04T09:00 --data "$WORK/start.json" "${DIRS[@]}")
fire diagnosis.started 2027-01-04T10:00
fire interview.done 2027-01-05T10:00 '{"sytuacja":{"wnioski":"Potrzeba wsparcia w nauce."}}'
fire consent.given 2027-01-05T11:00 '{"dataProcessing":true}'
fire team.convened 2027-01-05T12:00 '{"instytucje":[{"nr":1,"nazwa":"GOPS"},{"nr":2,"nazwa":"SP nr 1"}],"posiedzenie":{"data":"2027-01-20","godzina":"10:00","minuty":90}}'
fire invitations.sent 2027-01-07T09:00
fire team.met 2027-01-20T11:30
fire plan.signed 2027-01-20T12:00 '{"plan":{"cel_glowny":"Poprawa wyników w nauce","zadania":[{"nr":1,"opis":"Zajęcia wyrównawcze","odpowiedzialny":"SP nr 1","termin":"2027-06-30"}]}}'
fire member.reported 2027-02-15T09:00 '{"nr":2,"instytucja":"SP nr 1","zadanie":"Zajęcia wyrównawcze","postep":"Uczeń uczęszcza dwa razy w tygodniu."}'
fire monitoring.held 2027-02-17T10:00 '{"rodzinaObecna":true,"data":"2027-02-17"}'

k pack "$id" case.monitoring -o "$WORK/m1" "${DIRS[@]}" --templates ../doc-templates >/dev/null || err "pack case.monitoring after the meeting failed"
text "$WORK/m1/monitoring.docx" >"$WORK/m1.txt"
grep -qF '☒ informacja ze spotkania monitorującego z dnia 17 lutego 2027 r.' "$WORK/m1.txt" ||
  err "the meeting's zał. 7 is not ticked as the meeting's: $(grep -o '.\{2\}informacja ze spotkania[^.]*' "$WORK/m1.txt")"
grep -qF 'Uczeń uczęszcza dwa razy w tygodniu.' "$WORK/m1.txt" || err "the meeting's zał. 7 lacks the member's report"
grep -qF 'ZG/2027/002' "$WORK/m1.txt" || err "zał. 7 lacks the case number"

fire report.filed 2027-02-20T09:00 '{"monitoring":{"okres":"luty 2027"}}'
k pack "$id" case.monitoring -o "$WORK/m2" "${DIRS[@]}" --templates ../doc-templates >/dev/null || err "pack case.monitoring after the report failed"
text "$WORK/m2/monitoring.docx" >"$WORK/m2.txt"
grep -qF '☐ informacja ze spotkania monitorującego' "$WORK/m2.txt" || err "the month's zał. 7 is ticked as a meeting's"
grep -qF 'informacja za okres luty 2027' "$WORK/m2.txt" || err "the month's zał. 7 lacks its period"
grep -qF 'Uczeń uczęszcza dwa razy w tygodniu.' "$WORK/m2.txt" || err "the month's zał. 7 lacks the member's report"

# The next month, filed with nothing given and no report received: nothing of February's record
# (its period, its rows) is carried over.
fire report.filed 2027-03-20T09:00
# The record is personal data (the family's situation): read with --personal, as a coordinator would.
k show "$id" --json --personal >"$WORK/show.json"
march=$(/usr/bin/python3 -c "import json; m = json.load(open('$WORK/show.json'))['data']['monitoring']; print(len(m['pozycje']), m.get('okres'))")
[ "$march" = "0 None" ] || err "March's zał. 7 carries February's record over (rows, period: $march)"

[ "$fail" = 0 ] && echo "model monitoring: OK"
exit "$fail"
