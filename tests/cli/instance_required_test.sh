#!/usr/bin/env bash
# <k:field required="true">: `koop start` refuses (65) an instance whose required fields have no
# value after its first macrostep, naming every missing field and writing nothing; a value from
# --data or from the <data> default satisfies it.
. "$KOOP_SOURCE_DIR/tests/cli/lib.sh"
sandbox_workflow needs <<'XML'
<scxml xmlns="http://www.w3.org/2005/07/scxml" xmlns:k="urn:kooperacja:workflow:1"
       version="1.0" datamodel="ecmascript" name="needs" initial="open">
  <k:field name="sprawa.numer" type="string" required="true" title="Numer sprawy"/>
  <k:field name="rodzina" type="object" required="true" personal="true"/>
  <k:field name="kanal" type="string" required="true"/>
  <datamodel>
    <data id="sprawa" expr="({numer: null})"/>
    <data id="rodzina"/>
    <data id="kanal" expr="'OPS'"/>
  </datamodel>
  <state id="open"/>
</scxml>
XML
"$KOOP" --db k.db init >/dev/null || fail "init"
start() { "$KOOP" --db k.db start needs --workflows wf --municipalities wf --municipality testtown \
            --at 2026-11-23T10:00 "$@"; }
start >out 2>err; [ $? -eq 65 ] || fail "missing required fields: exit not 65"
expected="koop: data: required field 'sprawa.numer' has no value after the start
data: required field 'rodzina' has no value after the start"
[ "$(cat err)" = "$expected" ] || fail "message: $(cat err)"
echo '{"sprawa": {"numer": "OPS.2026.17"}, "rodzina": {"nazwisko": "X"}}' > d.json
id=$(start --data d.json) || fail "start with the fields exit $?"
[ -n "$id" ] || fail "no id"
count=$(/usr/bin/python3 -c 'import sqlite3; print(sqlite3.connect("k.db").execute("SELECT count(*) FROM instances").fetchone()[0])')
[ "$count" = 1 ] || fail "the refused starts left $count instances"
echo "required fields: all checks passed"
