#!/usr/bin/env bash
# `koop scxml trace` and `koop scxml test` end to end: states after start and each event, delayed
# sends on the simulated clock, exit codes for bad input.
set -u
KOOP=${KOOP:?set KOOP to the koop binary}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

cat > "$work/chart.scxml" <<'XML'
<scxml xmlns="http://www.w3.org/2005/07/scxml" version="1.0" datamodel="ecmascript" initial="a">
  <state id="a">
    <onentry><send event="tick" delay="1s"/></onentry>
    <transition event="tick" target="b"/>
    <transition event="go" target="p"/>
  </state>
  <state id="b"><transition event="go" target="p"/></state>
  <parallel id="p">
    <state id="x"><transition event="done" cond="_event.data.ok" target="end"/></state>
    <state id="y"/>
  </parallel>
  <final id="end"/>
</scxml>
XML
echo '[{"name":"go","after":500},{"name":"nothing","after":10},{"name":"done","data":{"ok":false}},{"name":"done","data":{"ok":true},"after":2000}]' > "$work/e1.json"
out=$("$KOOP" scxml trace "$work/chart.scxml" "$work/e1.json") || fail "trace exit $?"
expected='["a"]
["x","y"]
["x","y"]
["x","y"]
["end"]'
[ "$out" = "$expected" ] || fail "trace 1 printed: $out"

# The delayed tick (1 s) is delivered before an event fired 1.5 s later.
echo '[{"name":"go","after":1500}]' > "$work/e2.json"
out=$("$KOOP" scxml trace "$work/chart.scxml" "$work/e2.json")
[ "$out" = $'["a"]\n["x","y"]' ] || fail "trace 2 printed: $out"
echo '[{"name":"nothing","after":1500}]' > "$work/e3.json"
out=$("$KOOP" scxml trace "$work/chart.scxml" "$work/e3.json")
[ "$out" = $'["a"]\n["b"]' ] || fail "trace 3 printed: $out"

# The statechart test-suite shape of the events file, and a chart on the null data model.
echo '{"events":[{"event":{"name":"go"},"after":500},{"event":{"name":"done","data":{"ok":true}}}]}' \
  > "$work/e4.json"
out=$("$KOOP" scxml trace "$work/chart.scxml" "$work/e4.json") || fail "trace 4 exit $?"
[ "$out" = $'["a"]\n["x","y"]\n["end"]' ] || fail "trace 4 printed: $out"
sed 's/datamodel="ecmascript"/datamodel="null"/; s/ cond="_event.data.ok"/ cond="In(\x27y\x27)"/' \
  "$work/chart.scxml" > "$work/null.scxml"
out=$("$KOOP" scxml trace "$work/null.scxml" "$work/e4.json") || fail "null datamodel exit $?"
[ "$out" = $'["a"]\n["x","y"]\n["end"]' ] || fail "null datamodel printed: $out"
sed 's/datamodel="ecmascript"/datamodel="xpath"/' "$work/chart.scxml" > "$work/xpath.scxml"
err=$("$KOOP" scxml trace "$work/xpath.scxml" "$work/e4.json" 2>&1); [ $? -eq 65 ] || fail "xpath exit"
[[ "$err" == *"unsupported datamodel 'xpath'"* ]] || fail "xpath message: $err"

# Bad input: missing file 66, invalid chart 65, invalid events 65.
"$KOOP" scxml trace "$work/missing.scxml" "$work/e1.json" 2>/dev/null; [ $? -eq 66 ] || fail "missing chart"
echo '<scxml xmlns="http://www.w3.org/2005/07/scxml"><state id="a"><transition target="zz"/></state></scxml>' > "$work/bad.scxml"
err=$("$KOOP" scxml trace "$work/bad.scxml" "$work/e1.json" 2>&1); [ $? -eq 65 ] || fail "bad chart exit"
[[ "$err" == *"bad.scxml:1:74: unknown target state 'zz'"* ]] || fail "bad chart message: $err"
echo '{"name":"x"}' > "$work/bad.json"
"$KOOP" scxml trace "$work/chart.scxml" "$work/bad.json" 2>/dev/null; [ $? -eq 65 ] || fail "bad events"

# scxml test: pass / fail exit codes.
cat > "$work/pass.scxml" <<'XML'
<scxml xmlns="http://www.w3.org/2005/07/scxml" version="1.0" datamodel="ecmascript">
  <state id="s"><onentry><send event="later" delay="30s"/></onentry><transition event="later" target="pass"/></state>
  <final id="pass"/>
</scxml>
XML
out=$("$KOOP" scxml test "$work/pass.scxml") || fail "scxml test pass exit"
[ "$out" = pass ] || fail "scxml test printed $out"
sed 's/target="pass"/target="fail"/; s/id="pass"/id="fail"/' "$work/pass.scxml" > "$work/fail.scxml"
out=$("$KOOP" scxml test "$work/fail.scxml"); [ $? -eq 1 ] || fail "scxml test fail exit"
[ "$out" = "fail: ended in 'fail'" ] || fail "scxml test printed $out"
echo "ok"
