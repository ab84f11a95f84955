#!/usr/bin/env bash
# Declared fields keep their declared types after every event. `koop start --data` checked them,
# but an event's data assigned into a field was stored whatever it was: a text fired into the
# object field `rodzina` (personal) was written to the log and the snapshot, and documents and
# rules that read rodzina.czlonkowie broke later, far from the cause. Now such an event is refused
# (65) naming the field, never quoting the value, and nothing of it is written.
source "$(dirname "$0")/lib.sh"
sandbox_workflow typed <<'XML'
<scxml xmlns="http://www.w3.org/2005/07/scxml" xmlns:k="urn:kooperacja:workflow:1"
       version="1.0" datamodel="ecmascript" name="typed" initial="open">
  <k:field name="rodzina" type="object" personal="true"/>
  <k:field name="termin" type="date"/>
  <k:field name="liczba" type="int"/>
  <datamodel>
    <data id="rodzina" expr="null"/>
    <data id="termin" expr="null"/>
    <data id="liczba" expr="0"/>
  </datamodel>
  <state id="open">
    <transition event="set">
      <assign location="rodzina" expr="_event.data.rodzina"/>
      <assign location="termin" expr="_event.data.termin"/>
      <assign location="liczba" expr="liczba + (_event.data.ile || 0)"/>
    </transition>
  </state>
</scxml>
XML
"$KOOP" --db k.db init >/dev/null || fail "init"
id=$("$KOOP" --db k.db start typed --workflows wf --municipalities wf --municipality testtown \
  --at 2026-11-23T10:00) || fail "start"
events() { /usr/bin/python3 -c 'import sqlite3,sys; print(sqlite3.connect("k.db").execute("select count(*) from events").fetchone()[0])'; }
fire() { echo "$1" >d.json; "$KOOP" --db k.db fire "$id" set --data d.json --at "$2" >out 2>err; }

fire '{"rodzina": {"nazwisko": "Nowak"}, "termin": "2026-12-01", "ile": 2}' 2026-11-24T10:00
check "well-typed event" 0 $?
before=$(events)

fire '{"rodzina": "Nowak-Tajna", "termin": "2026-12-01"}' 2026-11-25T10:00
check "a text into an object field is refused" 65 $?
check "the message names the field, not the value" \
  "koop: event 'set' refused: field 'rodzina' must be an object (JSON object)" "$(cat err)"
check "nothing written" "$before" "$(events)"

fire '{"rodzina": {"nazwisko": "Nowak"}, "termin": "2026-02-30", "ile": 1.5}' 2026-11-25T11:00
check "a bad date and a fraction are refused" 65 $?
check "every misfit named" "koop: event 'set' refused: field 'termin' must be a date \"YYYY-MM-DD\"
field 'liczba' must be a whole number" "$(cat err)"
check "still nothing written" "$before" "$(events)"

"$KOOP" --db k.db show "$id" --verify --personal >out 2>err
check "the instance replays as it was" 0 $?
grep -q '"liczba":2' out || { echo "FAIL: liczba changed: $(grep Fields out)"; failures=$((failures + 1)); }
exit $((failures > 0))
