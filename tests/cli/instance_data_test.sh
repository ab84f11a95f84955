#!/usr/bin/env bash
# koop start --data: the initial data is in place before the first macrostep (the initial state's
# eventless transition sees it), replay reproduces it (show --verify), and wrong keys or field
# types are refused with 65, every problem at once, leaving nothing in the database.
set -u
: "${KOOP:?}" "${KOOP_SOURCE_DIR:?}"
data="$KOOP_SOURCE_DIR/tests/unit/instance/data"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
check() {  # check NAME EXPECTED_STATUS ACTUAL_STATUS
  if [ "$2" != "$3" ]; then fail "$1: exit $3, expected $2"; else echo "ok: $1"; fi
}
instances() { /usr/bin/python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from instances').fetchone()[0])" koop.db; }
start() { "$KOOP" --db koop.db start seeded --workflows "$data" --municipalities "$data" \
            --municipality seedtown --at 2026-11-23T10:00 "$@"; }

"$KOOP" --db koop.db init >/dev/null 2>&1 || fail "init"
echo '{"pilne": true, "sprawa": {"numer": "ZS/2026/7"}, "zgloszenie": {"data": "2026-11-27"}}' >urgent.json
id=$(start --data urgent.json 2>err); check "start with --data" 0 $?
"$KOOP" --db koop.db show "$id" --verify >out 2>err; check "show --verify replays the seeded start" 0 $?
grep -qF "Stage:        urgent" out || { fail "seeded start did not take the eventless transition:"; cat out; }
grep -qF "2026-12-01  contact  open" out || { fail "deadline not anchored on the seeded date:"; cat out; }

echo '{"pilne": "tak", "sprwa": {}}' >bad.json
start --data bad.json >out 2>err; check "wrong --data is 65" 65 $?
cat >want <<'TXT'
koop: bad.json: 'sprwa' is not a top-level <data> id of workflow 'seeded'
bad.json: field 'pilne' must be true or false
TXT
diff want err >/dev/null || { fail "--data messages:"; diff want err; }
[ "$(instances)" = 1 ] || fail "a refused start left an instance behind ($(instances) instances)"

# A syntax error names the file, line and column (the byte where the text stops being JSON).
printf '{\n  "pilne": true,\n  "sprawa" {}\n}\n' >syntax.json
start --data syntax.json >out 2>err; check "invalid JSON is 65" 65 $?
check "invalid JSON message" "koop: syntax.json:3:12: invalid JSON: expected ':' after member name" "$(cat err)"
printf '{"pilne": true' >cut.json
start --data cut.json >out 2>err; check "cut JSON is 65" 65 $?
check "cut JSON message" "koop: cut.json:1:15: invalid JSON: expected ',' or '}' after member value" "$(cat err)"
echo '[1, 2]' >list.json
start --data list.json >out 2>err; check "a list is 65" 65 $?
check "a list message" "koop: list.json: not a JSON object" "$(cat err)"
[ "$(instances)" = 1 ] || fail "refused JSON left an instance behind ($(instances) instances)"

[ "$failures" = 0 ] && echo "instance data: OK"
exit "$failures"
