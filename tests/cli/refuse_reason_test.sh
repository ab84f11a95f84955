#!/usr/bin/env bash
# A rule's refusal whose wording fails. Guards against: when the `reason` expression of
# <k:refuse> threw, the refusal was lost and the event was recorded as handled, with only an
# error.execution in the log. Now the event is refused (65) with a Polish sentence saying the
# rule refused it, and nothing of it is written.
. "$KOOP_SOURCE_DIR/tests/cli/lib.sh"
sandbox_workflow refusing <<'XML'
<scxml xmlns="http://www.w3.org/2005/07/scxml" xmlns:k="urn:kooperacja:workflow:1"
       version="1.0" datamodel="ecmascript" name="refusing" initial="open">
  <datamodel><data id="n" expr="0"/></datamodel>
  <state id="open">
    <transition event="go"><assign location="n" expr="n + 1"/>
      <k:refuse reason="nothing.here.at.all"/></transition>
    <transition event="count"><assign location="n" expr="n + 1"/></transition>
  </state>
</scxml>
XML
db="--db k.db"
"$KOOP" $db init >/dev/null || fail "init"
id=$("$KOOP" $db start refusing --workflows wf --municipalities wf --municipality testtown \
       --at 2026-11-23T10:00) || fail "start"
events() { /usr/bin/python3 -c 'import sqlite3; print(sqlite3.connect("k.db").execute("SELECT count(*) FROM events").fetchone()[0])'; }
before=$(events)
"$KOOP" $db fire "$id" go --at 2026-11-23T11:00 >out 2>err; check "refused" 65 $?
check "the refusal in Polish" \
  "koop: event 'go' refused: Reguła odrzuciła zdarzenie, ale nie udało się ustalić uzasadnienia." \
  "$(cat err)"
check "nothing written" "$before" "$(events)"
"$KOOP" $db fire "$id" count --at 2026-11-23T12:00 >/dev/null 2>&1; check "the instance goes on" 0 $?
"$KOOP" $db show "$id" --verify >/dev/null 2>&1; check "verify" 0 $?
echo "$failures failures"
exit $((failures > 0))
