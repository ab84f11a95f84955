#!/usr/bin/env bash
# The Debian package, installed as a municipality's IT person would, into a throw-away root:
# builds it with CPack, installs it with dpkg --root (maintainer scripts run chrootless with
# DPKG_ROOT) over a database left by release 0.1 (schema 5), and checks that
# - postinst created the koop user, /var/lib/koop owned by it, and migrated the old database once,
#   keeping every instance, event, deadline and outbox row; every instance verifies;
# - a reinstall applies no migration; a database newer than the binary makes configure fail;
# - from an empty folder outside the repository the installed koop runs `demo`, `validate` on the
#   installed workflows and municipalities, and renders a pack — with no repository present;
# - removal keeps the data; purge removes only what the package created.
# Needs root (dpkg into a root, chown); without it the test says SKIPPED and exits 77 (a skip, not
# a pass).
set -euo pipefail
: "${KOOP_BINARY_DIR:?}" "${KOOP_SOURCE_DIR:?}"
if [ "$(id -u)" -ne 0 ]; then
  echo "SKIPPED: package_test needs root (dpkg --root, chown)" >&2
  exit 77
fi
for tool in dpkg dpkg-deb cpack useradd python3; do
  command -v "$tool" >/dev/null || { echo "FAIL: $tool not found"; exit 1; }
done
work=$(mktemp -d /tmp/koop-package-XXXXXX)
trap 'rm -rf "$work"' EXIT
failures=0
check() {
  if [ "$2" != "$3" ]; then echo "FAIL: $1: got [$3], expected [$2]"; failures=$((failures + 1));
  else echo "ok: $1"; fi
}
sql() { python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])' "$@"; }

# 1. Build the package.
(cd "$work" && cpack --config "$KOOP_BINARY_DIR/CPackConfig.cmake" -B "$work/pkg" >cpack.log 2>&1) ||
  { cat "$work/cpack.log"; echo "FAIL: cpack"; exit 1; }
deb=$(ls "$work"/pkg/koop_*.deb)
dpkg-deb --info "$deb" >"$work/info.txt"
grep -q '^ Depends: .*adduser' "$work/info.txt" || { echo "FAIL: Depends"; cat "$work/info.txt"; exit 1; }
dpkg-deb --contents "$deb" >"$work/contents.txt"
for path in ./usr/bin/koop ./usr/share/koop/workflows/case.scxml ./usr/share/koop/rules/ \
    ./usr/share/koop/doc-templates/ ./usr/share/koop/samples/municipalities/sieradz.xml \
    ./etc/koop/koop.properties ./lib/systemd/system/koop-serve.service \
    ./lib/systemd/system/koop-remind.timer ./var/lib/koop/; do
  grep -q " $path" "$work/contents.txt" || { echo "FAIL: $path not in the package"; failures=$((failures + 1)); }
done

# 2. A throw-away root with an empty dpkg database, /etc/passwd and a release-0.1 database.
root="$work/root"
mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates" "$root/etc" "$root/var/lib/koop"
touch "$root/var/lib/dpkg/status" "$root/var/lib/dpkg/available"
printf 'root:x:0:0:root:/root:/bin/sh\n' >"$root/etc/passwd"
printf 'root:x:0:\n' >"$root/etc/group"
printf 'root:*::0:99999:7:::\n' >"$root/etc/shadow"
printf 'root:*::\n' >"$root/etc/gshadow"
db="$root/var/lib/koop/koop.db"
# The fixture's stored definitions name their workflow files as @WORKFLOWS@/…: rules are read
# beside them on replay, so they point at the workflows the package installs.
python3 -c 'import sqlite3,sys; sqlite3.connect(sys.argv[1]).executescript(open(sys.argv[2]).read().replace("@WORKFLOWS@", sys.argv[3]))' \
  "$db" "$KOOP_SOURCE_DIR/tests/data/upgrade/schema5.sql" "$root/usr/share/koop/workflows"
before=""
for t in instances events deadlines outbox; do before="$before $t=$(sql "$db" "select count(*) from $t")"; done
dpkg_root() { dpkg --root="$root" --force-script-chrootless --force-depends --log=/dev/null "$@"; }

dpkg_root -i "$deb" >"$work/install.log" 2>&1 || { cat "$work/install.log"; echo "FAIL: dpkg -i"; exit 1; }
grep -q 'schema version' "$work/install.log" || { cat "$work/install.log"; echo "FAIL: no migration report"; }
koop_latest=$("$root/usr/bin/koop" --version | sed -n 's/.*database schema \([0-9]*\).*/\1/p')
if [ "$koop_latest" -gt 5 ]; then expect_init='(applied'; else expect_init='(up to date)'; fi
grep -qF "$expect_init" "$work/install.log" && echo "ok: postinst brought the release-0.1 database to schema $koop_latest" ||
  { echo "FAIL: postinst: expected '$expect_init'"; cat "$work/install.log"; failures=$((failures + 1)); }
check "koop user" "koop" "$(awk -F: '$1=="koop"{print $1}' "$root/etc/passwd")"
koop_uid=$(awk -F: '$1=="koop"{print $3}' "$root/etc/passwd")
check "state folder owner" "$koop_uid" "$(stat -c %u "$root/var/lib/koop")"
check "database owner" "$koop_uid" "$(stat -c %u "$db")"
check "configuration mode" "640" "$(stat -c %a "$root/etc/koop/koop.properties")"
after=""
for t in instances events deadlines outbox; do after="$after $t=$(sql "$db" "select count(*) from $t")"; done
check "rows kept by the upgrade" "$before" "$after"
koop="$root/usr/bin/koop"
latest=$("$koop" --version | sed -n 's/.*database schema \([0-9]*\).*/\1/p')
check "schema migrated to the binary's" "$latest" "$(sql "$db" "select value from koop_meta where key='schema_version'")"
"$koop" --db "$db" verify >"$work/verify.txt" 2>&1 || { cat "$work/verify.txt"; failures=$((failures + 1)); }
grep -q ' 0 differ' "$work/verify.txt" && echo "ok: every upgraded instance verifies"

# 3. Reinstall (same version): nothing left to migrate.
dpkg_root -i "$deb" >"$work/reinstall.log" 2>&1 || { cat "$work/reinstall.log"; echo "FAIL: reinstall"; exit 1; }
grep -q '(up to date)' "$work/reinstall.log" && echo "ok: reinstall applies no migration" ||
  { echo "FAIL: reinstall migrated again"; cat "$work/reinstall.log"; failures=$((failures + 1)); }

# 4. From an empty folder outside the repository, with the repository out of reach.
run="$work/elsewhere"
mkdir -p "$run"
cd "$run"
[ ! -e workflows ] && [ ! -e samples ] || { echo "FAIL: not an empty folder"; exit 1; }
"$koop" demo -o demo-out >demo.txt 2>demo.err || { cat demo.err; echo "FAIL: koop demo"; failures=$((failures + 1)); }
n_docs=$(find demo-out -name '*.docx' | wc -l)
[ "$n_docs" -gt 0 ] && echo "ok: demo rendered $n_docs documents" || { echo "FAIL: demo rendered no documents"; failures=$((failures + 1)); }
"$koop" validate "$root"/usr/share/koop/workflows/*.scxml "$root"/usr/share/koop/samples/municipalities/*.xml \
  >validate.txt 2>&1 || { cat validate.txt; echo "FAIL: validate installed files"; failures=$((failures + 1)); }
grep -q "$KOOP_SOURCE_DIR" demo.txt demo.err validate.txt && { echo "FAIL: output names the repository"; failures=$((failures + 1)); }
instance=$(sql demo-out/demo.db "select instance_id from instances where workflow_id='case'")
pack=$("$koop" --db demo-out/demo.db pack "$instance" --list | head -n 1 | cut -f1)
"$koop" --db demo-out/demo.db pack "$instance" "$pack" -o pack-out >pack.txt 2>&1 ||
  { cat pack.txt; echo "FAIL: pack $pack"; failures=$((failures + 1)); }
n_pack=$(find pack-out -name '*.docx' | wc -l)
[ "$n_pack" -gt 0 ] && echo "ok: pack $pack rendered $n_pack documents" || { echo "FAIL: empty pack"; failures=$((failures + 1)); }
# A folder that is missing is named with every place looked at.
mkdir -p "$work/nothing" && cd "$work/nothing"
set +e
"$KOOP_BINARY_DIR/runner/koop" demo --workflows missing-dir >out.txt 2>err.txt
code=$?
set -e
check "explicit missing folder exit" "66" "$code"
check "explicit missing folder message" "koop: --workflows: missing-dir: no such folder" "$(cat err.txt)"
cd "$run"

# 5. A database newer than the binary: configure fails, the database is untouched.
cp "$db" "$work/keep.db"
sql "$db" "select 1" >/dev/null
python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute("update koop_meta set value=? where key=?", (str(int(sys.argv[2])+1), "schema_version")); c.commit()' "$db" "$latest"
set +e
dpkg_root -i "$deb" >"$work/newer.log" 2>&1
code=$?
set -e
[ "$code" -ne 0 ] && echo "ok: a newer database fails configure" || { echo "FAIL: newer database accepted"; failures=$((failures + 1)); }
grep -q 'newer' "$work/newer.log" || { cat "$work/newer.log"; echo "FAIL: no clear message"; failures=$((failures + 1)); }
cp "$work/keep.db" "$db"; rm -f "$db-wal" "$db-shm"
dpkg_root --configure -a >/dev/null 2>&1 || { echo "FAIL: configure after fixing the database"; failures=$((failures + 1)); }

# 6. Remove keeps data; purge removes only what the package created.
touch "$root/var/lib/koop/backup-2026-12-01.db"
dpkg_root -r koop >/dev/null 2>&1
[ -f "$db" ] && [ ! -e "$root/usr/bin/koop" ] && echo "ok: remove keeps the database" ||
  { echo "FAIL: remove"; failures=$((failures + 1)); }
dpkg_root -P koop >"$work/purge.log" 2>&1
[ ! -e "$db" ] && [ -f "$root/var/lib/koop/backup-2026-12-01.db" ] && echo "ok: purge keeps what it did not create" ||
  { echo "FAIL: purge"; failures=$((failures + 1)); }
check "user removed on purge" "" "$(awk -F: '$1=="koop"{print $1}' "$root/etc/passwd")"

echo "package_test: $failures failures"
[ "$failures" -eq 0 ]
