#!/usr/bin/env bash
# Reminder scenario at simulated dates around Christmas 2026 (24-26 Dec days off): a GGK meeting on
# 29 Dec needs invitations 5 working days before (18 Dec); `koop remind` sends the reminder two
# days before once, raises deadline.*.due and .overdue into the instance (which moves to "late"),
# and `koop deadlines` lists it as text, JSON and iCalendar. Nothing personal anywhere.
. "$KOOP_SOURCE_DIR/tests/cli/lib.sh"
data="$KOOP_SOURCE_DIR/tests/cli/remind_data"

db=koop.db
common=(--workflows "$data" --municipalities "$data")
"$KOOP" --db $db init >/dev/null 2>&1; check "init" 0 $?
echo '{"family": {"name": "Jan Kowalski"}}' >family.json
id=$("$KOOP" --db $db start remindcase "${common[@]}" --municipality remindtown --data family.json --at 2026-12-10T09:00 2>err)
check "start" 0 $?
echo '{"date": "2026-12-29"}' >meeting.json
"$KOOP" --db $db fire "$id" ggk.convened --data meeting.json --at 2026-12-10T10:00 >/dev/null 2>&1
check "fire ggk.convened" 0 $?

"$KOOP" --db $db deadlines >list.txt 2>&1; check "deadlines" 0 $?
check "due date: 5 working days before 29 Dec over Christmas" "2026-12-18 $id ggk.invitations Wysłanie zaproszeń na posiedzenie GGK" "$(cat list.txt)"
"$KOOP" --db $db deadlines --json >list.json 2>&1
/usr/bin/python3 -c "import json,sys; d=json.load(open('list.json')); assert d[0]['dueDate']=='2026-12-18' and d[0]['dueAt']=='2026-12-18T23:00:00Z', d" && echo "ok: json" || { echo "FAIL: json"; failures=$((failures+1)); }
"$KOOP" --db $db deadlines --ics >feed.ics 2>&1
check "ics uses CRLF on every line" "$(wc -l <feed.ics | tr -d ' ')" "$(grep -c $'\r$' feed.ics)"
check "ics event date" 1 "$(lines feed.ics 'DTSTART;VALUE=DATE:20261218')"
check "ics alarm from remind" 1 "$(lines feed.ics 'TRIGGER:-P2D')"
"$KOOP" --db $db deadlines --until 2026-12-17 >until.txt 2>&1; check "until excludes" "" "$(cat until.txt)"
"$KOOP" --db $db deadlines --until 2026-13-01 >/dev/null 2>&1; check "bad --until" 64 $?

r() { "$KOOP" --db $db remind --now "$1" >>"out.$1" 2>>remind.err; }
r 2026-12-16T06:59; check "nothing before 07:00" 0 "$(cat out.2026-12-16T06:59 | wc -l | tr -d ' ')"
"$KOOP" --db $db remind --now 2026-12-16T07:00 --dry-run >dry.txt 2>&1
check "dry run lists" 1 "$(lines dry.txt 'reminder.P2D')"
r 2026-12-16T07:00; check "reminder two days before, once" 1 "$(lines out.2026-12-16T07:00 'to coordinator: Przypomnienie: Wysłanie zaproszeń na posiedzenie GGK – termin 2026-12-18')"
r 2026-12-16T07:01; check "cron a minute later sends nothing" 0 "$(cat out.2026-12-16T07:01 | wc -l | tr -d ' ')"
# The scheduler was down from the due day until after it: one message, both events.
r 2026-12-21T08:00; check "catch-up sends once" 1 "$(cat out.2026-12-21T08:00 | wc -l | tr -d ' ')"
check "the overdue text" 1 "$(lines out.2026-12-21T08:00 'Termin minął')"
"$KOOP" --db $db show "$id" >show.txt 2>&1
check "instance reacted to the overdue event" 1 "$(lines show.txt "Stage:.*late")"
check "due event in history, by the scheduler" 1 "$(grep 'deadline.ggk.invitations.due' show.txt | grep -c scheduler)"
check "overdue event in history" 1 "$(grep -c 'deadline.ggk.invitations.overdue' show.txt)"
r 2026-12-22T08:00; check "nothing after that" 0 "$(cat out.2026-12-22T08:00 | wc -l | tr -d ' ')"
# RODO: the personal field's value appears in nothing the scheduler or the feeds produced.
check "no personal data" 0 "$(cat out.* dry.txt list.txt list.json feed.ics remind.err | grep -c 'Kowalski')"
"$KOOP" --db $db remind --now yesterday >/dev/null 2>&1; check "bad --now" 64 $?
"$KOOP" --db missing.db remind >/dev/null 2>&1; check "missing database" 66 $?
echo "$failures failures"
exit $((failures > 0))
