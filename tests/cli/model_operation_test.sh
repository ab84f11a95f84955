#!/usr/bin/env bash
# A missed quarterly PZK meeting (seed 004 §2 ust. 3; 001 zał. 5 §2), a <k:recurring> series whose
# period is the municipality's `pzk.meetingEveryMonths`: the Sieradz sample's partnership starts on
# Monday 4 January 2027; the meeting is due 3 months later, on Sunday 4 April 2027 (a series keeps
# its anchor and is not moved off days off: it can be met before). The scheduler (`koop remind`)
# sends the reminder 14 days before (Sunday 21 March → Friday 19 March), then on 6 April the overdue
# reminder to the Leader and raises deadline.pzk.meeting.overdue into the instance, which records a
# warning; the escalation (7 days: Sunday 11 April → Monday 12 April) goes to the Leader. `koop show`
# lists the series and the escalation. A meeting held afterwards opens the next period from that
# day. Reminders carry no personal data.
set -euo pipefail
: "${KOOP:?}" "${KOOP_SOURCE_DIR:?}"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$KOOP_SOURCE_DIR/workflows"   # the definitions name their rules relative to themselves
printf 'workflows.dir = .\nmunicipalities.dir = ../samples\n' >"$WORK/koop.properties"
k() { "$KOOP" --db "$WORK/t.db" --config "$WORK/koop.properties" "$@"; }
fail=0
err() { echo "FAIL: $*" >&2; fail=1; }

id=$(k start pzk-operation --municipality sieradz --at 2027-01-04T09:00)
k show "$id" >"$WORK/s0.txt"
grep -q '2027-04-04  pzk.meeting  open' "$WORK/s0.txt" || err "quarterly meeting not due on 2027-04-04"
grep -q 'recurring every P3M from 2027-01-04 (period 1 of the series)' "$WORK/s0.txt" ||
  err "show does not list the series: $(cat "$WORK/s0.txt")"
grep -q 'escalation P7D after the due date to leader on 2027-04-12' "$WORK/s0.txt" ||
  err "show does not list the escalation"
k show "$id" --json >"$WORK/s0.json"
/usr/bin/python3 - "$WORK/s0.json" <<'PY' || err "show --json: series or escalation missing"
import json, sys
d = [x for x in json.load(open(sys.argv[1]))["deadlines"] if x["id"] == "pzk.meeting"][0]
assert d["recurring"] == {"every": "P3M", "anchor": "2027-01-04", "count": 0}, d
assert d["escalation"] == {"after": "P7D", "to": ["leader"], "date": "2027-04-12"}, d
b = [x for x in json.load(open(sys.argv[1]))["deadlines"] if x["id"] == "basket.update"][0]
assert b["recurring"]["every"] == "P12M" and b["escalation"] is None, b
PY
k remind --now 2027-03-22T08:00 >"$WORK/r1.txt" 2>&1
grep -q 'to leader: Przypomnienie: Spotkanie PZK .* termin 2027-04-04' "$WORK/r1.txt" || err "no reminder 14 days before: $(cat "$WORK/r1.txt")"
k remind --now 2027-04-06T08:00 >"$WORK/r2.txt" 2>&1
grep -q 'to leader: Termin minął: Spotkanie PZK' "$WORK/r2.txt" || err "no overdue reminder: $(cat "$WORK/r2.txt")"
k show "$id" >"$WORK/show.txt"
grep -q 'deadline.pzk.meeting.overdue  handled' "$WORK/show.txt" || err "overdue event not raised into the instance"
grep -q 'Minął termin kwartalnego spotkania PZK.' "$WORK/show.txt" || err "overdue warning not recorded"
k remind --now 2027-04-12T08:00 >"$WORK/r2e.txt" 2>&1
grep -q 'to leader: Eskalacja: Spotkanie PZK' "$WORK/r2e.txt" || err "no escalation on 2027-04-12: $(cat "$WORK/r2e.txt")"
echo '{"protocol":true,"spotkanie":{"data":"2027-04-14"}}' >"$WORK/m.json"
k fire "$id" meeting.held --data "$WORK/m.json" --at 2027-04-14T12:00 >/dev/null
k show "$id" >"$WORK/s1.txt"
grep -q '2027-07-14  pzk.meeting  open' "$WORK/s1.txt" || err "next period not opened for 2027-07-14"
grep -q 'recurring every P3M from 2027-04-14 (period 1 of the series)' "$WORK/s1.txt" ||
  err "a late meeting does not restart the series from its day"
k remind --now 2027-04-15T08:00 >"$WORK/r3.txt" 2>&1
grep -q 'Termin minął' "$WORK/r3.txt" && err "overdue reminder repeated after the meeting"

[ "$fail" = 0 ] && echo "model operation: OK"
exit "$fail"
