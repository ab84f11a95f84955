#!/usr/bin/env bash
# `koop backup` while writers keep writing, `koop restore`, `koop verify` (issue 16). Guards
# against a torn copy: an event whose row is in the backup but whose snapshot is not (or the
# reverse), a backup that blocks the writers, and a failed backup leaving a file behind.
# Four writers run `koop fire` in a loop on one SQLite database while five backups are taken; each
# backup is restored into a new file where every instance must verify, each instance's last_seq
# must equal its count of event rows, and the backup's count of events must lie between the
# count committed before the backup started and the count committed after it ended.
source "$(dirname "$0")/lib.sh"

sandbox_workflow ticker <<'XML'
<scxml xmlns="http://www.w3.org/2005/07/scxml" xmlns:k="urn:kooperacja:workflow:1"
       version="1.0" datamodel="ecmascript" name="ticker" initial="open">
  <datamodel><data id="n" expr="0"/><data id="log" expr="[]"/></datamodel>
  <state id="open">
    <transition event="tick"><assign location="n" expr="n + 1"/>
      <script>log.push(n); if (log.length > 5) log.shift();</script></transition>
  </state>
</scxml>
XML
count() { python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1], timeout=30).execute(sys.argv[2]).fetchone()[0])' "$@"; }
"$KOOP" --db k.db init >/dev/null || fail "init"
ids=()
for i in 1 2 3 4; do
  ids+=("$("$KOOP" --db k.db start ticker --workflows wf --municipalities wf --municipality testtown \
    --at 2026-11-23T10:00)") || fail "start"
done
# Writers: bounded loops, one instance each.
for id in "${ids[@]}"; do
  (for j in $(seq 1 120); do "$KOOP" --db k.db fire "$id" tick --at 2026-11-23T11:00 >/dev/null || exit 1; done) &
done
sleep 0.5
for b in 1 2 3 4 5; do
  before=$(count k.db "select count(*) from events")
  "$KOOP" --db k.db backup "b$b.db" >"backup$b.txt" 2>&1 || fail "backup $b: $(cat backup$b.txt)"
  after=$(count k.db "select count(*) from events")
  in_copy=$(count "b$b.db" "select count(*) from events")
  if [ "$in_copy" -lt "$before" ] || [ "$in_copy" -gt "$after" ]; then
    fail "backup $b holds $in_copy events, committed were $before before and $after after"
  fi
  echo "ok: backup $b holds $in_copy events (committed: $before before, $after after)"
  "$KOOP" --db "r$b.db" restore "b$b.db" >/dev/null 2>"restore$b.err" || fail "restore $b: $(cat restore$b.err)"
  "$KOOP" --db "r$b.db" verify >"verify$b.txt" 2>&1 || fail "verify $b: $(cat verify$b.txt)"
  check "backup $b verifies" "verified 4 instances: 4 ok, 0 differ" "$(cat verify$b.txt)"
  torn=$(count "r$b.db" "select count(*) from instances i where i.last_seq + 1 <> (select count(*) from events e where e.instance_id = i.instance_id)")
  check "backup $b: every instance's last_seq matches its events" "0" "$torn"
  sleep 0.3
done
wait || fail "a writer failed (the backup blocked it?)"
check "all writes committed" "$((4 * 121))" "$(count k.db "select count(*) from events")"

# A backup is a self-contained file: no -wal beside it, journal mode delete.
check "backup journal mode" "delete" "$(count b5.db "pragma journal_mode")"
[ ! -e b5.db-wal ] || fail "b5.db-wal left beside the backup"

# Refusals, each with nothing written.
mkfifo fifo
"$KOOP" --db k.db backup fifo >out 2>err
check "backup onto a FIFO exit" "74" "$?"
check "backup onto a FIFO message" "koop: fifo: exists and is not a regular file; not replaced" "$(cat err)"
"$KOOP" --db k.db backup k.db >out 2>err
check "backup onto itself exit" "64" "$?"
"$KOOP" --db missing.db backup x.db >out 2>err
check "backup of a missing database exit" "66" "$?"
[ ! -e x.db ] && [ ! -e missing.db ] || fail "a refused backup wrote a file"
printf 'not a database at all, just text that is long enough to look like a header....' >junk.db
"$KOOP" --db new.db restore junk.db >out 2>err
check "restore of junk exit" "65" "$?"
"$KOOP" --db r1.db restore b5.db >out 2>err
check "restore over instances without --replace exit" "64" "$?"
check "restore over instances message" "koop: r1.db: already holds 4 instances; restore over it only to replace them (--replace)" "$(cat err)"
"$KOOP" --db r1.db restore b5.db --replace >/dev/null || fail "restore --replace"
check "replaced database has the newer copy" "$(count b5.db "select count(*) from events")" "$(count r1.db "select count(*) from events")"

[ "$failures" -eq 0 ] || exit 1
echo "backup_test: ok"
