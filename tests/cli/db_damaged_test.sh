#!/usr/bin/env bash
# Guards against: a 0-byte, foreign or truncated database file being taken for a new, empty
# database — `remind`, `deadlines` and `init` exited 0 on an empty file and wrote a fresh schema
# into it, so a case register that had been truncated vanished unnoticed. Every command must refuse
# such a file with exit 65 naming it, and leave it byte for byte as it was; commands that only read
# must not create a database that does not exist.
. "$KOOP_SOURCE_DIR/tests/cli/lib.sh"
data="$KOOP_SOURCE_DIR/tests/scenario/remind/data"
printf 'workflows.dir=%s\nmunicipalities.dir=%s\n' "$data" "$data" >koop.properties
restore="; restore it from a backup (a new register is made with \`koop init\` on a path that does not exist)"

# Each command, as it would be run against the case register.
commands=(
  "init"
  "remind --now 2026-12-16T07:00"
  "deadlines"
  "deadlines --ics"
  "show case-0000000000"
  "fire case-0000000000 ggk.convened --at 2026-12-10T10:00"
  "start remindcase --municipality remindtown --at 2026-12-10T09:00"
  "pack case-0000000000 ggk -o out"
)

# damaged KIND MAKE EXPECTED-MESSAGE: each command on the file made by MAKE exits 65 with the message
# and leaves the file unchanged (same checksum, no -wal/-shm beside it).
damaged() {
  local kind=$1 make=$2 message=$3
  for c in "${commands[@]}"; do
    rm -f db.sqlite db.sqlite-wal db.sqlite-shm
    eval "$make"
    local before
    before=$(sha256sum db.sqlite)
    # shellcheck disable=SC2086
    "$KOOP" --db db.sqlite $c >out.txt 2>err.txt
    check "$kind: $c: exit 65" 65 $?
    check "$kind: $c: message" "$message" "$(grep -m1 -o 'db.sqlite: .*' err.txt)"
    check "$kind: $c: file unchanged" "$before" "$(sha256sum db.sqlite)"
    check "$kind: $c: no journal files" "" "$(ls db.sqlite-* 2>/dev/null)"
  done
}

damaged "0-byte file" ": >db.sqlite" \
  "db.sqlite: the database file is empty (0 bytes), not a koop database$restore"
damaged "text file" "printf 'case register\n%.0s' {1..200} >db.sqlite" \
  "db.sqlite: not a SQLite database, or a truncated one (2800 bytes is not a whole number of 512-byte units)$restore"

# A real register, truncated in the middle of a page.
"$KOOP" --db good.sqlite init >/dev/null 2>&1; check "init a register" 0 $?
size=$(stat -c %s good.sqlite)
damaged "truncated file" "head -c $((size - 100)) good.sqlite >db.sqlite" \
  "db.sqlite: not a SQLite database, or a truncated one ($((size - 100)) bytes is not a whole number of 512-byte units)$restore"

# A foreign file of a plausible length: SQLite refuses it at the first query, still 65.
for c in "${commands[@]}"; do
  head -c 4096 /dev/urandom >db.sqlite
  before=$(sha256sum db.sqlite)
  # shellcheck disable=SC2086
  "$KOOP" --db db.sqlite $c >out.txt 2>err.txt
  check "foreign 4096 bytes: $c: exit 65" 65 $?
  check "foreign 4096 bytes: $c: message" 1 "$(grep -c 'db.sqlite: .*file is not a database' err.txt)"
  check "foreign 4096 bytes: $c: file unchanged" "$before" "$(sha256sum db.sqlite)"
done

# Read-only commands on a path that does not exist: 66, nothing created.
for c in "remind --now 2026-12-16T07:00" "deadlines" "show case-0000000000" \
  "fire case-0000000000 ggk.convened --at 2026-12-10T10:00"; do
  # shellcheck disable=SC2086
  "$KOOP" --db none.sqlite $c >/dev/null 2>err.txt
  check "missing: $c: exit 66" 66 $?
  check "missing: $c: nothing created" "" "$(ls none.sqlite* 2>/dev/null)"
done

# init on a path that does not exist creates a complete register in one step.
"$KOOP" --db new.sqlite init >/dev/null 2>&1; check "init new" 0 $?
check "init leaves no temporary file" "new.sqlite" "$(ls new.sqlite* | grep -v -- '-wal$\|-shm$')"
"$KOOP" --db new.sqlite deadlines >/dev/null 2>&1; check "the new register opens" 0 $?

echo "$failures failures"
exit $((failures > 0))
