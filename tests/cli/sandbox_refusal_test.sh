#!/usr/bin/env bash
# The rule sandbox seen from the command line. Guards against: a runaway inside one native
# built-in ran seconds past its limit while `koop fire` held the database write lock (every other
# writer failed), and was then recorded as a handled event; a script that stored a 600-deep array
# bricked its instance (every later fire and show exited 65); src="/etc/passwd" was read into the
# database. Now: the event is refused (65) with the rule's place, nothing of it is written, the
# lock is released, the instance keeps working and `koop show --verify` holds.
. "$KOOP_SOURCE_DIR/tests/cli/lib.sh"
sandbox_workflow guarded <<'XML'
<scxml xmlns="http://www.w3.org/2005/07/scxml" version="1.0" datamodel="ecmascript"
       name="guarded" initial="open">
  <datamodel><data id="n" expr="0"/><data id="deep" expr="null"/></datamodel>
  <state id="open">
    <transition event="count"><assign location="n" expr="n + 1"/></transition>
    <transition event="scan"><assign location="n" expr="n + 100"/>
      <script>var a = []; a.length = 4e9; a.forEach(function (x) { n = x; });</script></transition>
    <transition event="nest"><script>
      var v = []; for (var i = 0; i &lt; 600; i++) v = [v]; deep = v;
    </script></transition>
  </state>
</scxml>
XML
db="--db k.db"
"$KOOP" $db init >/dev/null || fail "init"
id=$("$KOOP" $db start guarded --workflows wf --municipalities wf --municipality testtown \
       --at 2026-11-23T10:00) || fail "start"
fire() { "$KOOP" $db fire "$id" "$@"; }
events() { /usr/bin/python3 -c 'import sqlite3; print(sqlite3.connect("k.db").execute("SELECT count(*) FROM events").fetchone()[0])'; }

fire count --at 2026-11-23T11:00 >/dev/null || fail "count"
before=$(events)

# A runaway native call while another process writes: the runaway is refused, the writer waits
# at most for the limit and then succeeds.
fire scan --at 2026-11-23T12:00 >scan.out 2>scan.err &
scan_pid=$!
sleep 0.02
fire count --at 2026-11-23T12:00 >/dev/null 2>count.err
count_rc=$?
wait $scan_pid
scan_rc=$?
check "runaway exit" 65 "$scan_rc"
check "runaway message" \
  "koop: instance $id: $PWD/wf/guarded.scxml:7:7: time limit of 50 ms exceeded; the event is refused" \
  "$(cat scan.err)"
check "concurrent writer exit" 0 "$count_rc"
check "events after (one count, no scan)" $((before + 1)) "$(events)"
check "n after (the scan's assign rolled back)" 2 "$("$KOOP" $db show "$id" --json | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["n"])')"

# A value the snapshot reader could not read back is refused when it is stored.
fire nest --at 2026-11-23T13:00 >/dev/null 2>nest.err
check "deep value exit" 65 "$?"
check "deep value message" \
  "koop: instance $id: $PWD/wf/guarded.scxml: variable 'deep' is nested deeper than 128 levels; such a value cannot be stored" \
  "$(cat nest.err)"
fire count --at 2026-11-23T14:00 >/dev/null
check "instance usable after the refusals" 0 "$?"
"$KOOP" $db show "$id" --verify >/dev/null
check "show --verify" 0 "$?"

# Files outside the workflow's folder are refused by validate and start alike.
sed 's|<datamodel>|<datamodel><data id="p" src="/etc/passwd"/>|' wf/guarded.scxml >wf/leaky.scxml
sed -i 's/name="guarded"/name="leaky"/' wf/leaky.scxml
"$KOOP" validate wf/leaky.scxml >/dev/null 2>validate.err
check "validate exit" 65 "$?"
check "validate message" \
  "wf/leaky.scxml:3:27: '/etc/passwd' is an absolute path (only files in the workflow's folder can be loaded)" \
  "$(head -1 validate.err)"
exit $((failures > 0))
