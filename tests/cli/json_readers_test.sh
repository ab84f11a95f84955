#!/usr/bin/env bash
# Every JSON reader names the place of an unreadable text and refuses it (65) instead of reading an
# empty object (issue 12): render data (FILE:LINE:COL), a mail-merge line (FILE:LINE:COL of the
# .jsonl), a stored event's error list and a stored snapshot (koop show), and the stored
# municipality a reminder is addressed from (koop remind: nothing is sent, rather than every role
# going to the log).
. "$KOOP_SOURCE_DIR/tests/cli/lib.sh"
PY=/usr/bin/python3
FIX="$KOOP_SOURCE_DIR/tests/data/docx/zaproszenie"
"$PY" "$KOOP_SOURCE_DIR/tests/data/docx/make_docx.py" t.docx "$FIX/document.xml" "$FIX/header1.xml"

# Render data.
printf '{\n  "gmina": {"nazwa": "Sieradz"\n  "x": 1\n}\n' >syntax.json
"$KOOP" render t.docx syntax.json -o out.docx >out 2>err; check "render syntax: exit" 65 $?
check "render syntax: message" \
  "koop: syntax.json:3:3: invalid JSON: expected ',' or '}' after member value" "$(cat err)"
check "render syntax: no document" "no" "$([ -e out.docx ] && echo yes || echo no)"
echo '[1, 2]' >list.json
"$KOOP" render t.docx list.json -o out.docx >out 2>err; check "render list: exit" 65 $?
check "render list: message" "koop: list.json: the render data must be a JSON object" "$(cat err)"

# A mail-merge line: the line of the .jsonl file, the column in it.
printf '%s\n' '{"gmina": {"nazwa": "A"}}' '{"gmina": {"nazwa": "B"},}' >merge.jsonl
"$KOOP" render t.docx merge.jsonl -o merged/ >out 2>err; check "merge syntax: exit" 65 $?
check "merge syntax: message" "koop: merge.jsonl:2:26: invalid JSON: unexpected byte '}' in value" \
  "$(cat err)"
check "merge syntax: nothing written" "" "$(ls merged 2>/dev/null)"

# Stored JSON: an instance with an event and a reminder due.
sandbox_workflow remindme <<'XML'
<scxml xmlns="http://www.w3.org/2005/07/scxml" xmlns:k="urn:kooperacja:workflow:1"
       version="1.0" datamodel="ecmascript" name="remindme" initial="open">
  <datamodel><data id="sprawa" expr="({numer: 'GOPS/2026/9'})"/></datamodel>
  <state id="open" k:title="Otwarta">
    <onentry><k:deadline id="call" title="Telefon" due="entry + 7 days" remind="P2D"/></onentry>
    <transition event="close" target="done"/>
  </state>
  <final id="done"/>
</scxml>
XML
"$KOOP" --db k.db init >/dev/null || fail "init"
id=$("$KOOP" --db k.db start remindme --workflows wf --municipalities wf --municipality testtown \
     --at 2026-11-23T10:00) || fail "start exit $?"
"$KOOP" --db k.db fire "$id" nothing --at 2026-11-23T11:00 >/dev/null 2>&1
sql() { "$PY" -c "import sqlite3,sys; c=sqlite3.connect('k.db'); c.execute(sys.argv[1]); c.commit()" "$1" ||
  fail "sql: $1"; }
# A damaged database: the event log is append-only, so the damage drops its guard first.
sql "DROP TRIGGER events_no_update"
sql "CREATE TABLE good AS SELECT snapshot, municipality FROM instances"
sql "UPDATE events SET errors = '[\"cut' WHERE seq = 1"
"$KOOP" --db k.db show "$id" >out 2>err; check "show unreadable errors: exit" 65 $?
check "show unreadable errors: message" \
  "koop: errors of event 1 of instance $id:1:6: invalid JSON: unterminated string literal" "$(cat err)"
sql "UPDATE events SET errors = '[]'"
"$KOOP" --db k.db show "$id" >/dev/null 2>err; check "show after repairing the errors" 0 $?

# A snapshot cut short: the fast snapshot reader names the byte (the snapshot is one line).
sql "UPDATE instances SET snapshot = substr(snapshot, 1, 12) || '7}', last_seq = last_seq"
"$KOOP" --db k.db show "$id" >out 2>err; check "show cut snapshot: exit" 65 $?
check "show cut snapshot: message" \
  "koop: instance $id: invalid snapshot: JSON at offset 12: a member name is missing" "$(cat err)"
sql "UPDATE instances SET snapshot = (SELECT snapshot FROM good)"
"$KOOP" --db k.db show "$id" >/dev/null 2>err; check "show after repairing the snapshot" 0 $?

sql "UPDATE instances SET municipality = '{\"id\": \"testtown\", \"institutions\": [' "
"$KOOP" --db k.db remind --at 2026-11-28T08:00 >out 2>err; check "remind unreadable registry: exit" 65 $?
check "remind unreadable registry: message" \
  "koop: municipality of deadline call of instance $id:1:37: invalid JSON: unexpected end of text" \
  "$(cat err)"
n=$("$PY" -c "import sqlite3; print(sqlite3.connect('k.db').execute('select count(*) from outbox').fetchone()[0])")
check "remind unreadable registry: nothing queued" 0 "$n"
sql "UPDATE instances SET municipality = (SELECT municipality FROM good)"

# The deadline's stored reminder list: unreadable, the scheduler stops naming it (its reminders
# were skipped silently before).
sql "UPDATE deadlines SET remind = '[\"P2D\"' WHERE deadline_id = 'call'"
"$KOOP" --db k.db remind --at 2026-11-28T08:00 >out 2>err; check "remind unreadable list: exit" 65 $?
check "remind unreadable list: message" \
  "koop: reminders of deadline call of instance $id:1:7: invalid JSON: unexpected end of text" \
  "$(cat err)"
"$KOOP" --db k.db deadlines --ics >out 2>err; check "ics unreadable list: exit" 65 $?
check "ics unreadable list: message" \
  "koop: reminders of deadline call of instance $id:1:7: invalid JSON: unexpected end of text" \
  "$(cat err)"
sql "UPDATE deadlines SET remind = '[\"P2D\"]'"
"$KOOP" --db k.db remind --at 2026-11-28T08:00 >out 2>err; check "remind after repair" 0 $?
n=$("$PY" -c "import sqlite3; print(sqlite3.connect('k.db').execute('select count(*) from outbox').fetchone()[0])")
check "remind after repair: the reminder queued" 1 "$n"
echo "$failures failures"
exit $((failures > 0))
