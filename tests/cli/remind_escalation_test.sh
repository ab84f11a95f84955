#!/usr/bin/env bash
# Escalation scenario at simulated dates in November 2026 (issue #7): a deadline on Tuesday 10 Nov,
# reminded a day before (Monday 9 Nov is the municipality's closure day, so Friday 6 Nov), escalated
# a day after (11 Nov is a day off, so Thursday 12 Nov) to the director from the registry. The
# scheduler is down when the deadline passes and the instance has a later event meanwhile: the
# catch-up sends the overdue notice and the escalation once each, and the deadline events reach the
# instance at their own times (or the last event's, if later) instead of being dropped.
. "$KOOP_SOURCE_DIR/tests/cli/lib.sh"
data="$KOOP_SOURCE_DIR/tests/cli/remind_data"

db=koop.db
common=(--workflows "$data" --municipalities "$data")
"$KOOP" --db $db init >/dev/null 2>&1; check "init" 0 $?
echo '{"family": {"name": "Jan Kowalski"}}' >family.json
id=$("$KOOP" --db $db start remindescalate "${common[@]}" --municipality escalatetown --data family.json --at 2026-11-02T09:00 2>err)
check "start" 0 $?
echo '{"date": "2026-11-10"}' >meeting.json
"$KOOP" --db $db fire "$id" ggk.convened --data meeting.json --at 2026-11-02T10:00 >/dev/null 2>&1
check "fire ggk.convened" 0 $?
check "deadline" "2026-11-10 $id ggk.invitations Wysłanie zaproszeń na posiedzenie GGK" "$("$KOOP" --db $db deadlines 2>&1)"

r() { "$KOOP" --db $db remind --now "$1" >>"out.$1" 2>>remind.err; }
r 2026-11-06T07:00; check "reminder moved off the closure day to Friday" 1 "$(lines out.2026-11-06T07:00 'to coordinator: Przypomnienie')"
r 2026-11-09T07:00; check "nothing on the closure day" 0 "$(wc -l <out.2026-11-09T07:00 | tr -d ' ')"
r 2026-11-10T07:00; check "due notice" 1 "$(lines out.2026-11-10T07:00 'to coordinator: Dziś mija termin')"
# Someone records an event with a later time before the scheduler runs again.
"$KOOP" --db $db fire "$id" note.added --at 2026-11-12T10:00 >/dev/null 2>&1; check "fire note.added" 0 $?
"$KOOP" --db $db remind --now 2026-11-12T07:00 --dry-run >dry.txt 2>&1
check "dry run lists the escalation to the director" 1 "$(grep 'escalation.P1D' dry.txt | grep -c 'to director: Eskalacja')"
check "dry run lists the overdue event" 1 "$(lines dry.txt "event $id deadline.ggk.invitations.overdue")"
r 2026-11-12T07:00
check "overdue notice once" 1 "$(lines out.2026-11-12T07:00 'to coordinator: Termin minął')"
check "escalation once, to the director" 1 "$(lines out.2026-11-12T07:00 'to director: Eskalacja: Wysłanie zaproszeń na posiedzenie GGK')"
check "nothing dropped" 0 "$(grep -c 'dropped' out.2026-11-12T07:00)"
r 2026-11-12T07:01; check "cron a minute later sends nothing" 0 "$(wc -l <out.2026-11-12T07:01 | tr -d ' ')"
r 2026-11-20T07:00; check "nothing after that" 0 "$(wc -l <out.2026-11-20T07:00 | tr -d ' ')"
"$KOOP" --db $db show "$id" >show.txt 2>&1
check "due event at its own time" 1 "$(grep -c '2026-11-10T06:00:00Z  deadline.ggk.invitations.due .*by scheduler' show.txt)"
check "late overdue event at the last event's time, not lost" 1 "$(grep -c '2026-11-12T09:00:00Z  deadline.ggk.invitations.overdue .*by scheduler' show.txt)"
check "the instance reacted to it" 1 "$(grep -c '"late":true' show.txt)"
check "no personal data" 0 "$(cat out.* dry.txt remind.err | grep -c 'Kowalski\|Dyrektorska\|Koordynatorka\|@eskalacje')"
echo "$failures failures"
exit $((failures > 0))
