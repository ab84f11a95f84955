#!/usr/bin/env bash
# How `koop show` renders a recurring series and its escalation (text and --json, format 1): the
# Sieradz partnership started on 4 January 2027 (the behaviour over time of the same series is in
# tests/scenario/model/pzk_meeting_missed.test).
. "$KOOP_SOURCE_DIR/tests/cli/lib.sh"
dirs=(--workflows "$KOOP_SOURCE_DIR/workflows" --municipalities "$KOOP_SOURCE_DIR/samples")
id=$("$KOOP" --db t.db start pzk-operation --municipality sieradz "${dirs[@]}" --at 2027-01-04T09:00 2>err)
check "start" 0 $?
"$KOOP" --db t.db show "$id" >show.txt 2>&1; check "show" 0 $?
check "the series and its escalation" "  2027-04-04  pzk.meeting  open  Spotkanie PZK (nie rzadziej niż raz na kwartał)
              recurring every P3M from 2027-01-04 (period 1 of the series)
              escalation P7D after the due date to leader on 2027-04-12
  2028-01-04  basket.update  open  Aktualizacja lokalnego koszyka usług (co najmniej raz w roku)
              recurring every P12M from 2027-01-04 (period 1 of the series)" \
  "$(awk '/^  2027-04-04  pzk.meeting/ { f = 1 } f && n < 5 { print; n++ }' show.txt)"
"$KOOP" --db t.db show "$id" --json >show.json 2>&1; check "show --json" 0 $?
check "json series and escalation" \
  "[('pzk.meeting', {'every': 'P3M', 'anchor': '2027-01-04', 'count': 0}, {'after': 'P7D', 'to': ['leader'], 'date': '2027-04-12'}), ('basket.update', {'every': 'P12M', 'anchor': '2027-01-04', 'count': 0}, None)]" \
  "$(/usr/bin/python3 -c "import json,sys; d=json.load(open(sys.argv[1]))['deadlines']; print([(x['id'], x['recurring'], x['escalation']) for x in d])" show.json)"
echo "$failures failures"
exit $((failures > 0))
