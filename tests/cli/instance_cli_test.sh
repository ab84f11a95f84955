#!/usr/bin/env bash
# End-to-end: koop init/start/fire/show on a SQLite file (and on PostgreSQL when
# KOOP_TEST_PG_URI is set), exit codes of bad --db values, and nothing created by a failure.
set -u
: "${KOOP:?}" "${KOOP_SOURCE_DIR:?}"
data="$KOOP_SOURCE_DIR/tests/unit/instance/data"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
failures=0

check() {  # check NAME EXPECTED_STATUS ACTUAL_STATUS
  if [ "$2" != "$3" ]; then
    echo "FAIL: $1: exit $3, expected $2"
    failures=$((failures + 1))
  else
    echo "ok: $1"
  fi
}

contains() {  # contains NAME FILE TEXT
  if grep -qF -- "$3" "$2"; then echo "ok: $1"; else
    echo "FAIL: $1: '$3' not in:"; sed 's/^/  /' "$2"; failures=$((failures + 1)); fi
}

run_scenario() {  # run_scenario DB
  local db="$1"
  "$KOOP" --db "$db" init >out 2>err; check "init $db" 0 $?
  id=$("$KOOP" --db "$db" start case --workflows "$data" --municipalities "$data" \
        --municipality testtown --at 2026-11-23T10:00 2>err); check "start" 0 $?
  [ -n "$id" ] || { echo "FAIL: no instance id"; failures=$((failures + 1)); return; }
  "$KOOP" --db "$db" fire "$id" consent.given --at 2026-11-23T11:00 >out 2>err
  check "fire consent.given" 0 $?
  "$KOOP" --db "$db" fire "$id" unknown.event --at 2026-11-23T12:00 >out 2>err
  check "fire unknown event exits 0" 0 $?
  contains "unknown event notice" err "koop: notice: event 'unknown.event' is not handled in diagnosis; recorded as #2 and ignored"
  echo '{"date": "2026-12-10"}' >meeting.json
  "$KOOP" --db "$db" fire "$id" ggk.convened --data meeting.json --at 2026-11-26T10:00 >out 2>err
  check "fire with --data" 0 $?
  "$KOOP" --db "$db" fire "$id" ggk.convened --data missing.json >out 2>err
  check "missing --data file is 66" 66 $?
  echo 'not json' >bad.json
  "$KOOP" --db "$db" fire "$id" consent.given --data bad.json --at 2026-11-27 >out 2>err
  check "bad --data is 65" 65 $?
  "$KOOP" --db "$db" show "$id" --verify >out 2>err; check "show --verify" 0 $?
  contains "stage title" out "Stage:        ggk — Posiedzenie Gminnej Grupy Kooperacji"
  contains "deadline" out "2026-12-07  ggk.invitations  open  Wysłanie zaproszeń na posiedzenie GGK"
  contains "history" out "#2  2026-11-23T11:00:00Z  unknown.event  ignored  by $(id -un)"
  "$KOOP" --db "$db" show "$id" --json >show.json 2>err; check "show --json" 0 $?
  /usr/bin/python3 - show.json <<'PY' || { echo "FAIL: show --json shape"; failures=$((failures + 1)); }
import json, sys
d = json.load(open(sys.argv[1]))
assert d["format"] == 1 and d["status"] == "active" and d["lastSeq"] == 3, d
assert [s["id"] for s in d["stages"]] == ["ggk"]
assert d["deadlines"][0]["dueDate"] == "2026-12-07"
assert d["data"]["ggk"]["meetingDate"] == "2026-12-10"
assert [h["outcome"] for h in d["history"]] == ["started", "handled", "ignored", "handled"]
print("ok: show --json shape")
PY
  "$KOOP" --db "$db" show no-such-instance >out 2>err; check "unknown instance is 66" 66 $?
}

run_scenario "$work/koop.db"
if [ -n "${KOOP_TEST_PG_URI:-}" ] && command -v psql >/dev/null; then
  # A schema of our own so parallel tests do not meet.
  schema="koop_cli_$$"
  psql "$KOOP_TEST_PG_URI" -q -c "CREATE SCHEMA $schema" || failures=$((failures + 1))
  run_scenario "$KOOP_TEST_PG_URI?options=-csearch_path%3D$schema"
  psql "$KOOP_TEST_PG_URI" -q -c "DROP SCHEMA $schema CASCADE" >/dev/null 2>&1
elif [ "${KOOP_REQUIRE_PG:-0}" = 1 ]; then
  echo "FAIL: KOOP_REQUIRE_PG=1 but PostgreSQL is not usable (KOOP_TEST_PG_URI or psql missing)"
  failures=$((failures + 1))
else
  echo "SKIPPED: the PostgreSQL part (KOOP_TEST_PG_URI not set or no psql)"
fi

# Bad --db values touch nothing.
"$KOOP" --db "$work/no/such/dir/k.db" init >out 2>err; check "uncreatable path is 74" 74 $?
contains "uncreatable message" err "cannot create the database: directory '$work/no/such/dir' does not exist"
[ ! -e "$work/no" ] || { echo "FAIL: something was created"; failures=$((failures + 1)); }
"$KOOP" --db "$work/absent.db" show x >out 2>err; check "missing database for show is 66" 66 $?
[ ! -e "$work/absent.db" ] || { echo "FAIL: show created a database"; failures=$((failures + 1)); }
printf 'plain text, not a database\n%.0s' {1..200} >notes.txt
sum_before=$(md5sum <notes.txt)
"$KOOP" --db notes.txt init >out 2>err; check "non-database file is 65 (bad data: not a SQLite header)" 65 $?
[ "$(md5sum <notes.txt)" = "$sum_before" ] || { echo "FAIL: notes.txt changed"; failures=$((failures + 1)); }
cp koop.db newer.db
sqlite3 newer.db "UPDATE koop_meta SET value = '99' WHERE key = 'schema_version'"
sum_before=$(md5sum <newer.db)
"$KOOP" --db newer.db init >out 2>err; check "newer schema is 65" 65 $?
contains "newer schema message" err "database schema version 99 is newer than this koop supports"
[ "$(md5sum <newer.db)" = "$sum_before" ] || { echo "FAIL: newer.db changed"; failures=$((failures + 1)); }
"$KOOP" --db "mysql://x/y" init >out 2>err; check "unknown scheme is 64" 64 $?

echo "failures: $failures"
[ "$failures" -eq 0 ]
