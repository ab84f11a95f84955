#!/usr/bin/env bash
# `koop daemon`: runs ticks on its interval and stops cleanly (exit 0) on SIGTERM; bad options are
# usage errors.
set -u
: "${KOOP:?}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
failures=0
check() { if [ "$2" != "$3" ]; then echo "FAIL: $1: got [$3], expected [$2]"; failures=$((failures + 1)); else echo "ok: $1"; fi; }

"$KOOP" --db k.db init >/dev/null 2>&1; check "init" 0 $?
"$KOOP" --db k.db daemon --interval PT1S >out 2>err &
pid=$!
sleep 2
kill -0 $pid 2>/dev/null; check "still running after two intervals" 0 $?
kill -TERM $pid
for _ in $(seq 1 50); do kill -0 $pid 2>/dev/null || break; sleep 0.1; done
kill -0 $pid 2>/dev/null && { echo "FAIL: did not stop"; kill -9 $pid; failures=$((failures + 1)); }
wait $pid; check "exit status after SIGTERM" 0 $?
check "says why it stopped" "koop daemon: stopping on SIGTERM" "$(grep 'stopping' err)"
"$KOOP" --db k.db daemon --interval P1M >/dev/null 2>err; check "calendar interval refused" 64 $?
check "calendar interval message" "koop: --interval: expected a fixed duration like PT30S or PT5M" \
  "$(cat err)"
"$KOOP" --db k.db daemon --interval 5 >/dev/null 2>err; check "malformed interval" 64 $?
check "malformed interval message" "koop: --interval: invalid duration '5' at character 1: must \
start with 'P' (expected a fixed duration like PT30S or PT5M)" "$(cat err)"
"$KOOP" --db missing.db daemon --interval PT1S >/dev/null 2>err; check "missing database" 66 $?
check "missing database message" "koop: missing.db: no such database (create it with \`koop init\`)" \
  "$(cat err)"
exit $((failures > 0))
