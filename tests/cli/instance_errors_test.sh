#!/usr/bin/env bash
# A rule error in a durable instance: `koop fire` reports error.execution with the file and line,
# the event log keeps the message with the event, and `koop show` (text and --json) lists it.
. "$KOOP_SOURCE_DIR/tests/cli/lib.sh"
sandbox_workflow faulty <<'XML'
<scxml xmlns="http://www.w3.org/2005/07/scxml" xmlns:k="urn:kooperacja:workflow:1"
       version="1.0" datamodel="ecmascript" name="faulty" initial="open">
  <datamodel><data id="sprawa" expr="({numer: ''})"/></datamodel>
  <state id="open">
    <transition event="check" cond="brak.pola > 0" target="done"/>
    <transition event="error.execution" target="failed"/>
  </state>
  <state id="failed"/>
  <final id="done"/>
</scxml>
XML
"$KOOP" --db k.db init >/dev/null || fail "init"
id=$("$KOOP" --db k.db start faulty --workflows wf --municipalities wf --municipality testtown \
     --at 2026-11-23T10:00) || fail "start exit $?"
"$KOOP" --db k.db fire "$id" check --at 2026-11-23T11:00 >out 2>err || fail "fire exit $?"
[ "$(cat err)" = "koop: error.execution: $work/wf/faulty.scxml:5:31: ReferenceError: identifier 'brak' undefined
koop: notice: event 'check' is not handled in failed; recorded as #1 and ignored" ] ||
  fail "fire did not report the place: $(cat err)"
"$KOOP" --db k.db show "$id" >show.txt || fail "show exit $?"
grep -qxF "      error.execution: $work/wf/faulty.scxml:5:31: ReferenceError: identifier 'brak' undefined" show.txt ||
  fail "show lacks the error: $(cat show.txt)"
grep -q "Stage: *failed" show.txt || fail "error.execution was not raised: $(cat show.txt)"
"$KOOP" --db k.db show "$id" --json >show.json || fail "show --json exit $?"
/usr/bin/python3 - show.json "$work" <<'PY' || fail "show --json: $(cat show.json)"
import json, sys
h = json.load(open(sys.argv[1]))["history"]
assert h[0]["errors"] == [], h[0]
assert h[1]["errors"] == [sys.argv[2] + "/wf/faulty.scxml:5:31: ReferenceError: identifier 'brak' undefined"], h[1]
PY
"$KOOP" --db k.db show "$id" --verify >/dev/null || fail "replay after an error"
echo "instance errors: all checks passed"
