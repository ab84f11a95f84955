#!/usr/bin/env bash
# How `koop show` renders a recurring series and its escalation (text and --json, format 1): the
# Sieradz partnership started on 4 January 2027 (the behaviour over time of the same series is in
# tests/scenario/model/pzk_meeting_missed.test).
. "$KOOP_SOURCE_DIR/tests/cli/lib.sh"
dirs=(--workflows "$KOOP_SOURCE_DIR/workflows" --municipalities "$KOOP_SOURCE_DIR/samples")
id=$("$KOOP" --db t.db start pzk-operation --municipality sieradz "${dirs[@]}" --at 2027-01-04T09:00 2>err)
check "start" 0 $?
"$KOOP" --db t.db show "$id" >show.txt 2>&1; check "show" 0 $?
# Each deadline names its stage in Polish and explains its date (a series keeps its day: the
# Sunday 4 April 2027 is not moved).
check "the series and its escalation" "  2027-04-04  pzk.meeting  open  Spotkanie PZK (nie rzadziej niż raz na kwartał)
              recurring every P3M from 2027-01-04 (period 1 of the series)
              escalation P7D after the due date to leader on 2027-04-12
              stage: Spotkania PZK
              why: Obowiązek cykliczny: co najmniej co 3 miesiące; początek serii: poniedziałek, 4 stycznia 2027 r.
              why: Okres 1 serii; terminu okresu nie przesuwa się poza dni wolne (seria zachowuje swój dzień).
              why: Termin: niedziela, 4 kwietnia 2027 r.
  2028-01-04  basket.update  open  Aktualizacja lokalnego koszyka usług (co najmniej raz w roku)
              recurring every P12M from 2027-01-04 (period 1 of the series)
              stage: Lokalny koszyk usług
              why: Obowiązek cykliczny: co najmniej co 12 miesięcy; początek serii: poniedziałek, 4 stycznia 2027 r.
              why: Okres 1 serii; terminu okresu nie przesuwa się poza dni wolne (seria zachowuje swój dzień).
              why: Termin: wtorek, 4 stycznia 2028 r." \
  "$(awk '/^  2027-04-04  pzk.meeting/ { f = 1 } /^Pending timers:/ { f = 0 } f { print }' show.txt)"
"$KOOP" --db t.db show "$id" --json >show.json 2>&1; check "show --json" 0 $?
check "json series and escalation" \
  "[('pzk.meeting', {'every': 'P3M', 'anchor': '2027-01-04', 'count': 0}, {'after': 'P7D', 'to': ['leader'], 'date': '2027-04-12'}), ('basket.update', {'every': 'P12M', 'anchor': '2027-01-04', 'count': 0}, None)]" \
  "$(/usr/bin/python3 -c "import json,sys; d=json.load(open(sys.argv[1]))['deadlines']; print([(x['id'], x['recurring'], x['escalation']) for x in d])" show.json)"
check "json stage title and explanation" \
  "Spotkania PZK|Termin: niedziela, 4 kwietnia 2027 r." \
  "$(/usr/bin/python3 -c "import json,sys; x=json.load(open(sys.argv[1]))['deadlines'][0]; print(x['stageTitle'] + '|' + x['explanation'][-1])" show.json)"
echo "$failures failures"
exit $((failures > 0))
