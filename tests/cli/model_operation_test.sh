#!/usr/bin/env bash
# A missed quarterly PZK meeting (seed 004 §2 ust. 3; 001 zał. 5 §2): the Sieradz sample's
# partnership starts on Monday 4 January 2027; the meeting is due 3 months later, on Sunday
# 4 April 2027, moved by KPA art. 57 to Monday 5 April. The scheduler (`koop remind`) sends the
# reminder 14 days before, then on 6 April the overdue reminder to the Leader and raises
# deadline.pzk.meeting.overdue into the instance, which records a warning. A meeting held
# afterwards re-arms the obligation from that day. Reminders carry no personal data.
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
grep -q '2027-04-05  pzk.meeting  open' "$WORK/s0.txt" || err "quarterly meeting not due on 2027-04-05"
k remind --now 2027-03-22T08:00 >"$WORK/r1.txt" 2>&1
grep -q 'to leader: Przypomnienie: Spotkanie PZK .* termin 2027-04-05' "$WORK/r1.txt" || err "no reminder 14 days before: $(cat "$WORK/r1.txt")"
k remind --now 2027-04-06T08:00 >"$WORK/r2.txt" 2>&1
grep -q 'to leader: Termin minął: Spotkanie PZK' "$WORK/r2.txt" || err "no overdue reminder: $(cat "$WORK/r2.txt")"
k show "$id" >"$WORK/show.txt"
grep -q 'deadline.pzk.meeting.overdue  handled' "$WORK/show.txt" || err "overdue event not raised into the instance"
grep -q 'Minął termin kwartalnego spotkania PZK.' "$WORK/show.txt" || err "overdue warning not recorded"
echo '{"protocol":true,"spotkanie":{"data":"2027-04-14"}}' >"$WORK/m.json"
k fire "$id" meeting.held --data "$WORK/m.json" --at 2027-04-14T12:00 >/dev/null
k show "$id" >"$WORK/s1.txt"
grep -q '2027-07-14  pzk.meeting  open' "$WORK/s1.txt" || err "next meeting not re-armed for 2027-07-14"
k remind --now 2027-04-15T08:00 >"$WORK/r3.txt" 2>&1
grep -q 'Termin minął' "$WORK/r3.txt" && err "overdue reminder repeated after the meeting"

[ "$fail" = 0 ] && echo "model operation: OK"
exit "$fail"
