#!/usr/bin/env bash
# `koop validate` and `koop graph` end to end: all problems at once as file:line:col, rule files,
# exit codes, DOT and SVG output with Polish titles.
set -u
KOOP=${KOOP:?set KOOP to the koop binary}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

cat > "$work/ok.scxml" <<'XML'
<scxml xmlns="http://www.w3.org/2005/07/scxml" xmlns:k="urn:kooperacja:workflow:1" version="1.0"
       datamodel="ecmascript" initial="diagnoza" k:title="Praca z rodziną">
  <state id="diagnoza" k:title="Diagnoza sytuacji">
    <transition event="zgoda" target="ggk" k:title="Zgoda na współpracę"/>
  </state>
  <state id="ggk" k:title="Posiedzenie Gminnej Grupy Kooperacji">
    <transition event="koniec" target="koniec"/>
  </state>
  <final id="koniec"/>
</scxml>
XML
cat > "$work/bad.scxml" <<'XML'
<scxml xmlns="http://www.w3.org/2005/07/scxml" version="1.0" datamodel="ecmascript">
  <state id="a">
    <transition event="x" target="nowhere"/>
  </state>
  <state id="a"/>
</scxml>
XML
out=$("$KOOP" validate "$work/ok.scxml") || fail "valid chart exit $?"
[ "$out" = "$work/ok.scxml: ok" ] || fail "validate printed $out"
err=$("$KOOP" validate "$work/ok.scxml" "$work/bad.scxml" 2>&1 >/dev/null); rc=$?
[ $rc -eq 65 ] || fail "invalid chart exit $rc"
expected="$work/bad.scxml:3:27: unknown target state 'nowhere'
$work/bad.scxml:5:3: state 'a' is unreachable
$work/bad.scxml:5:10: duplicate state id 'a'"
[ "$err" = "$expected" ] || fail "validate printed: $err"
"$KOOP" validate "$work/none.scxml" 2>/dev/null; [ $? -eq 66 ] || fail "missing file"
# <k:recurring every="param(...)">: the parameter must exist and be of a fitting type.
cat > "$work/every.scxml" <<'XML'
<scxml xmlns="http://www.w3.org/2005/07/scxml" xmlns:k="urn:kooperacja:workflow:1" version="1.0"
       datamodel="ecmascript" initial="a">
  <k:param name="n" type="int" default="3"/>
  <state id="a">
    <k:recurring id="ok" every="param('n') months" satisfied-by="met"/>
    <k:recurring id="r1" every="param('missing') months" satisfied-by="met"/>
    <k:recurring id="r2" every="param('n')" satisfied-by="met"/>
  </state>
</scxml>
XML
err=$("$KOOP" validate "$work/every.scxml" 2>&1 >/dev/null); rc=$?
[ $rc -eq 65 ] || fail "recurring parameter errors exit $rc"
expected="$work/every.scxml:6:5: recurring 'r1' uses unknown parameter 'missing' in every
$work/every.scxml:7:5: recurring 'r2': parameter 'n' is of type int; every=\"param('n')\" needs a duration parameter (or a count with a unit: param('n') months)"
[ "$err" = "$expected" ] || fail "validate printed: $err"
printf 'function ok(x) { return x; }\n' > "$work/ok.js"
printf 'function bad(x) {\n  return x +;\n}\n' > "$work/bad.js"
"$KOOP" validate "$work/ok.js" >/dev/null || fail "valid rule"
err=$("$KOOP" validate "$work/bad.js" 2>&1); [ $? -eq 65 ] || fail "invalid rule exit"
[[ "$err" == *"SyntaxError"*"line 2"* ]] || fail "rule error: $err"

"$KOOP" graph "$work/ok.scxml" -o "$work/ok.dot" >/dev/null || fail "graph dot"
grep -q 'Posiedzenie Gminnej Grupy Kooperacji\\n(ggk)' "$work/ok.dot" || fail "dot lacks the title"
grep -q 'Zgoda na współpracę' "$work/ok.dot" || fail "dot lacks the transition title"
if command -v dot >/dev/null; then
  "$KOOP" graph "$work/ok.scxml" -o "$work/ok.svg" >/dev/null || fail "graph svg"
  grep -q '<svg' "$work/ok.svg" || fail "not an SVG"
  grep -q 'Diagnoza sytuacji' "$work/ok.svg" || fail "svg lacks the title"
fi
"$KOOP" graph "$work/bad.scxml" -o "$work/bad.svg" 2>/dev/null; [ $? -eq 65 ] || fail "graph of a bad chart"
[ ! -e "$work/bad.svg" ] || fail "graph left a file behind"
"$KOOP" graph "$work/ok.scxml" -o "$work/ok.png" 2>/dev/null; [ $? -eq 64 ] || fail "graph usage"
echo "ok"
