#!/usr/bin/env bash
# The model through the CLI on a fresh SQLite database: a partnership founded by the rural sample
# municipality (workflows/pzk-founding.scxml), its document packs (`koop pack`) and the deadlines
# the seeds prescribe, computed on the Polish calendar:
#   - agreement signed on Friday 18 December 2026 → information to ROPS (002 §3.5, 7 days) is due
#     on Monday 28 December 2026 (25–26 December are holidays, 27 a Sunday);
#   - a GGK meeting on Wednesday 13 January 2027 → written invitations at least 5 working days
#     before (002 §4.2), counted back over working days 12, 11, 8, 7 and — 6 January being
#     Epiphany — 5 January: due Tuesday 5 January 2027.
# The founding's last event starts the operation (register = the agreement's parties, verified by
# replay; a second start refused), whose meeting notice goes to every member. Also: unknown pack → 66; the invitation pack has one invitation per institution and a manifest;
# the GGK invitation on paper carries the information about the family, the one sent by e-mail
# only the case number (002 §4.2 with footnote 7); consent, data-protection and resignation packs.
set -euo pipefail
: "${KOOP:?}" "${KOOP_SOURCE_DIR:?}" "${KOOP_SHARED_DIR:?}"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
# Run in workflows/: the definitions name their rules relative to themselves ("../rules/…").
cd "$KOOP_SOURCE_DIR/workflows"
DB="$WORK/t.db"
DIRS=(--workflows . --municipalities ../samples)
k() { "$KOOP" --db "$DB" "$@"; }
kpack() { "$KOOP" --db "$DB" pack "$@" "${DIRS[@]}" --templates ../doc-templates; }
fail=0
err() { echo "FAIL: $*" >&2; fail=1; }
json() { /usr/bin/python3 -c "import json,sys; d=json.load(open('$1')); print($2)"; }
fire() { # INSTANCE EVENT AT [JSON]
  echo "${4:-{\}}" >"$WORK/ev.json"
  k fire "$1" "$2" --data "$WORK/ev.json" --at "$3" >/dev/null
}

# ---- founding ---------------------------------------------------------------------------------
id=$(k start pzk-founding --municipality zielony-gaj --at 2026-10-01T09:00 "${DIRS[@]}")
fire "$id" analysis.diagnosis.done 2026-10-12T10:00 '{"data":"2026-10-12"}'
fire "$id" analysis.resources.done 2026-10-19T10:00
fire "$id" analysis.network.done 2026-10-20T10:00 '{"data":"2026-10-20"}'
fire "$id" initiation.self 2026-10-21T10:00
fire "$id" authorities.met 2026-11-18T12:00 '{"data":"2026-11-18","minutes":40,"protocol":true}'
# The meeting plan of the demo scenario: the JSON lines after "fire meeting.planned ... with".
/usr/bin/python3 - "$KOOP_SOURCE_DIR/samples/demo/10-zielony-gaj-founding.scenario" >"$WORK/planned.json" <<'EOF'
import json, sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
i = next(n for n, l in enumerate(lines) if l.startswith("fire meeting.planned ") and l.endswith(" with"))
body = []
for l in lines[i + 1:]:
    if not l.strip() or l.startswith("----"):
        break
    body.append(l)
print(json.dumps(json.loads("\n".join(body))))
EOF
k fire "$id" meeting.planned --data "$WORK/planned.json" --at 2026-11-23T09:00 >/dev/null

set +e
kpack "$id" no.such.pack -o "$WORK/x" >/dev/null 2>"$WORK/err"; rc=$?
set -e
[ "$rc" = 66 ] || err "unknown pack: exit $rc, want 66 ($(cat "$WORK/err"))"

kpack "$id" founding.meeting -o "$WORK/meeting" >"$WORK/list" || err "pack founding.meeting failed"
n_inv=$(ls "$WORK/meeting"/zaproszenie-*.docx 2>/dev/null | wc -l)
[ "$n_inv" = 5 ] || err "founding.meeting: $n_inv invitations, want 5 (one per institution)"
for f in program-spotkania.docx lista-obecnosci.docx projekt-porozumienia.docx manifest.json; do
  [ -f "$WORK/meeting/$f" ] || err "founding.meeting: $f missing"
done
[ "$(json "$WORK/meeting/manifest.json" 'len(d["documents"])')" = 8 ] || err "manifest: want 8 documents"
[ "$(json "$WORK/meeting/manifest.json" 'd["pack"]')" = founding.meeting ] || err "manifest: pack id"
unzip -p "$WORK/meeting/zaproszenie-3.docx" word/document.xml | sed 's/<[^>]*>//g' >"$WORK/inv3.txt"
grep -q 'Szkoła Podstawowa nr 1 w Zielonym Gaju' "$WORK/inv3.txt" || err "invitation 3: institution name"
grep -q '9 grudnia 2026 r.' "$WORK/inv3.txt" || err "invitation 3: meeting date in Polish"
grep -q '4 grudnia 2026 r.' "$WORK/inv3.txt" || err "invitation 3: RSVP date"
xmllint --noout --schema "$KOOP_SHARED_DIR/ooxml-xsd/wml.xsd" \
  <(unzip -p "$WORK/meeting/zaproszenie-3.docx" word/document.xml) 2>/dev/null || err "invitation 3: not valid WordprocessingML"
# The rural variant swaps the agreement template for the county–municipality agreement (seed 000).
unzip -p "$WORK/meeting/projekt-porozumienia.docx" word/document.xml | sed 's/<[^>]*>//g' >"$WORK/agr.txt"
grep -q 'POROZUMIENIE DOTYCZĄCE POWOŁANIA PARTNERSKIEGO ZESPOŁU KOOPERACJI' "$WORK/agr.txt" || err "agreement overlay not applied"

fire "$id" meeting.held 2026-12-09T13:00 '{"protocol":true}'
fire "$id" agreement.signed 2026-12-18T13:00 '{"porozumienie":{"data":"2026-12-18","egzemplarze":"pięciu"}}'
k show "$id" --json >"$WORK/show.json"
due=$(json "$WORK/show.json" '[x["dueDate"] for x in d["deadlines"] if x["id"]=="rops.information"][0]')
[ "$due" = 2026-12-28 ] || err "rops.information due $due, want 2026-12-28 (Friday before Christmas + 7 days, KPA)"
kpack "$id" founding.agreement -o "$WORK/agreement" >/dev/null || err "pack founding.agreement failed"
[ "$(ls "$WORK/agreement"/porozumienie-egz-*.docx | wc -l)" = 5 ] || err "founding.agreement: want a copy per partner"
kpack "$id" rops.information -o "$WORK/rops" >/dev/null || err "pack rops.information failed"
fire "$id" copies.sent 2026-12-21T09:00
echo '{}' >"$WORK/ev.json"
k fire "$id" rops.informed --data "$WORK/ev.json" --at 2026-12-28T09:00 >"$WORK/out"
k show "$id" --json >"$WORK/show.json"
[ "$(json "$WORK/show.json" 'd["status"]')" = finished ] || err "founding not finished after ROPS informed"

# ---- operation: started by the founding's last event (<k:successor>), its register the agreement's
# parties; the start event records them, so replaying the log reproduces the instance ------------
oid=$(sed -n "s/^$id continued by //p" "$WORK/out")
[ -n "$oid" ] || err "the founding's last event printed no 'continued by' line: $(cat "$WORK/out")"
k show "$oid" --verify >/dev/null || err "koop show --verify of the operation started from the founding failed"
set +e
k start pzk-operation --municipality zielony-gaj --from "$id" --at 2027-01-04T09:00 "${DIRS[@]}" >/dev/null 2>"$WORK/err"
rc=$?
set -e
[ "$rc" = 65 ] || err "a second start from the founding: exit $rc, want 65"
want="koop: instance $id was already continued by $oid"
[ "$(cat "$WORK/err")" = "$want" ] || err "a second start from the founding: stderr [$(cat "$WORK/err")], want [$want]"

# One source: the regulation's meeting and basket periods are the municipality's parameters
# pzk.meetingEveryMonths and basket.updateMonths in words, not copies in the wording file; binding
# another period changes the document.
kpack "$oid" regulation -o "$WORK/reg" >/dev/null || err "pack regulation failed"
unzip -p "$WORK/reg/regulamin-pzk.docx" word/document.xml | sed 's/<[^>]*>//g' >"$WORK/reg.txt"
grep -q 'nie rzadziej niż raz na kwartał' "$WORK/reg.txt" || err "regulation: meeting period (3 months) not in words"
grep -q 'nie rzadziej niż raz w roku' "$WORK/reg.txt" || err "regulation: basket period (12 months) not in words"
mkdir -p "$WORK/m/documents"
sed 's|<param name="pzk.meetingEveryMonths" value="3"/>|<param name="pzk.meetingEveryMonths" value="2"/>|' \
  ../samples/municipalities/zielony-gaj.xml >"$WORK/m/zielony-gaj.xml"
cp ../samples/documents/zielony-gaj.json "$WORK/m/documents/"
"$KOOP" --db "$DB" pack "$oid" regulation -o "$WORK/reg2" --workflows . --municipalities "$WORK/m" \
  --templates ../doc-templates >/dev/null || err "pack regulation with pzk.meetingEveryMonths = 2 failed"
unzip -p "$WORK/reg2/regulamin-pzk.docx" word/document.xml | sed 's/<[^>]*>//g' >"$WORK/reg2.txt"
grep -q 'nie rzadziej niż raz na dwa miesiące' "$WORK/reg2.txt" || err "regulation: pzk.meetingEveryMonths = 2 not followed"

# ---- operation: the notice of a PZK meeting to every member (004 §2 ust. 5-6) --------------------
fire "$oid" meeting.held 2027-01-13T13:00 '{"spotkanie":{"data":"2027-01-13"}}'
fire "$oid" meeting.called 2027-01-20T09:00 '{"spotkanie":{"data":"2027-02-10","godzina":"11:00","miejsce":"sala narad GOPS","na_wniosek":"PCPR w Olszanach"}}'
kpack "$oid" pzk.meetingNotice -o "$WORK/notice" >/dev/null || err "pack pzk.meetingNotice failed"
[ "$(ls "$WORK/notice"/informacja-o-spotkaniu-*.docx | wc -l)" = 5 ] || err "pzk.meetingNotice: want one notice per member (5)"
n=0
for f in "$WORK/notice"/informacja-o-spotkaniu-*.docx; do
  n=$((n + 1))
  unzip -p "$f" word/document.xml | sed 's/<[^>]*>//g' >"$WORK/notice.txt"
  addressee=$(k show "$oid" --json |
    /usr/bin/python3 -c "import json,sys; print(json.load(sys.stdin)['data']['kooperanci'][$n - 1]['nazwa'])")
  for want in "$addressee" '10 lutego 2027 r.' '11:00' 'sala narad GOPS' 'na wniosek: PCPR w Olszanach' \
    'Zatwierdzenie protokołu ze spotkania z dnia 13 stycznia 2027 r.' \
    'Informację otrzymują wszyscy członkowie'; do
    grep -qF "$want" "$WORK/notice.txt" || err "notice $n: '$want' missing"
  done
done

# ---- case: GGK invitations -----------------------------------------------------------------------
echo '{"sprawa":{"numer":"ZG/2026/014"}}' >"$WORK/start.json"
cid=$(k start case --municipality zielony-gaj --at 2026-12-01T09:00 --data "$WORK/start.json" "${DIRS[@]}")
fire "$cid" diagnosis.started 2026-12-01T10:00
fire "$cid" interview.done 2026-12-08T10:00 '{"rodzina":{"czlonkowie":[{"nr":1,"imie_nazwisko":"Karolina Testowa"}]}}'
fire "$cid" consent.given 2026-12-08T11:00 '{"dataProcessing":true}'
kpack "$cid" case.consent -o "$WORK/consent" >/dev/null || err "pack case.consent failed"
unzip -p "$WORK/consent/zgoda-osoby-rodziny.docx" word/document.xml | sed 's/<[^>]*>//g' >"$WORK/consent.txt"
grep -q 'NA PRZETWARZANIE DANYCH OSOBOWYCH' "$WORK/consent.txt" || err "consent: no consent to the processing of personal data"
grep -q 'Gminnej Grupy Kooperacji' "$WORK/consent.txt" || err "consent: team name from team.kind (GGK) missing"
# Institution 2 is invited by e-mail: its invitation carries the case number only (002 §4.2 fn. 7);
# institution 1 gets the written invitation with the information about the family (002 §4.2).
fire "$cid" team.convened 2026-12-09T10:00 '{"instytucje":[{"nr":1,"nazwa":"GOPS w Zielonym Gaju","adres":"ul. Lipowa 4","tajemnica":true,"uprawniony":true},{"nr":2,"nazwa":"SP nr 1","adres":"ul. Szkolna 1","kanal":"e-mail"}],"posiedzenie":{"data":"2027-01-13","godzina":"10:00","minuty":90,"czas_trwania":"1,5 godziny","miejsce":"GOPS"}}'
k show "$cid" --json >"$WORK/case.json"
due=$(json "$WORK/case.json" '[x["dueDate"] for x in d["deadlines"] if x["id"]=="team.invitations"][0]')
[ "$due" = 2027-01-05 ] || err "team.invitations due $due, want 2027-01-05 (5 working days before 13 January 2027, Epiphany skipped)"
kpack "$cid" team.invitations -o "$WORK/ggk" >/dev/null || err "pack team.invitations failed"
[ "$(ls "$WORK/ggk"/zaproszenie-*.docx | wc -l)" = 2 ] || err "team.invitations: want 2 invitations"
unzip -p "$WORK/ggk/zaproszenie-1.docx" word/document.xml | sed 's/<[^>]*>//g' >"$WORK/ggk1.txt"
unzip -p "$WORK/ggk/zaproszenie-2.docx" word/document.xml | sed 's/<[^>]*>//g' >"$WORK/ggk2.txt"
grep -q 'ZG/2026/014' "$WORK/ggk1.txt" || err "GGK invitation on paper: case number missing"
grep -q 'Karolina Testowa' "$WORK/ggk1.txt" || err "GGK invitation on paper: the information about the family is missing"
grep -q 'w godzinach pracy Gminnego Ośrodka Pomocy Społecznej w Zielonym Gaju (poniedziałek–piątek 7:30–15:30)' "$WORK/ggk1.txt" ||
  err "GGK invitation: office hours not those of office.open/office.close"
grep -q 'ZG/2026/014' "$WORK/ggk2.txt" || err "GGK invitation by e-mail: case number missing"
grep -q 'Karolina' "$WORK/ggk2.txt" && err "GGK invitation by e-mail: personal data of the family leaked"
# 000 §9 ust. 2-4: only the member not bound by secrecy signs a statement and gets an authorisation.
kpack "$cid" team.dataProtection -o "$WORK/dp" >/dev/null || err "pack team.dataProtection failed"
[ "$(cd "$WORK/dp" && ls *.docx | tr '\n' ' ')" = "oswiadczenie-poufnosci-2.docx upowaznienie-2.docx " ] ||
  err "team.dataProtection: $(cd "$WORK/dp" && ls *.docx | tr '\n' ' '), want the statement and authorisation of member 2"
# 002 §4.5: a resignation is taken from a written, dated statement only. The refusal is where the
# worker acted: exit 65 and the Polish reason on stderr; nothing is recorded.
echo '{}' >"$WORK/ev.json"
set +e
k fire "$cid" family.resigned --data "$WORK/ev.json" --at 2026-12-10T10:00 >"$WORK/out" 2>"$WORK/err"
rc=$?
set -e
[ "$rc" = 65 ] || err "an unwritten resignation: exit $rc, want 65"
want="koop: event 'family.resigned' refused: Rezygnację ze współpracy przyjmuje się na podstawie pisemnego, datowanego oświadczenia osoby/rodziny."
[ "$(cat "$WORK/err")" = "$want" ] || err "an unwritten resignation: stderr [$(cat "$WORK/err")], want [$want]"
[ ! -s "$WORK/out" ] || err "a refused event printed [$(cat "$WORK/out")] on stdout"
k show "$cid" --json >"$WORK/case.json"
[ "$(json "$WORK/case.json" '[h["event"] for h in d["history"]].count("family.resigned")')" = 0 ] ||
  err "the refused resignation was recorded in the history"
[ "$(json "$WORK/case.json" 'd["status"]')" != finished ] || err "an unwritten resignation closed the case"
kpack "$cid" case.resignation -o "$WORK/res" >/dev/null || err "pack case.resignation failed"
grep -q 'REZYGNACJI' <(unzip -p "$WORK/res/rezygnacja-ze-wspolpracy.docx" word/document.xml | sed 's/<[^>]*>//g') ||
  err "case.resignation: statement text missing"
fire "$cid" family.resigned 2026-12-11T10:00 '{"pisemna":true,"data":"2026-12-11"}'
k show "$cid" --json >"$WORK/case.json"
[ "$(json "$WORK/case.json" 'd["status"]')" = finished ] || err "a written resignation did not close the case"

[ "$fail" = 0 ] && echo "model pack: OK"
exit "$fail"
