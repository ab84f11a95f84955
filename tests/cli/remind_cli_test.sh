#!/usr/bin/env bash
# The command-line side of `koop deadlines` and `koop remind` (their behaviour over time is in
# tests/scenario/remind/*.test): bad option values are usage errors (64) and a missing database is
# 66, each with its exact message, and nothing is created.
. "$KOOP_SOURCE_DIR/tests/cli/lib.sh"

"$KOOP" --db k.db init >/dev/null 2>&1; check "init" 0 $?
"$KOOP" --db k.db deadlines --until 2026-13-01 >out 2>err; check "bad --until" 64 $?
check "bad --until message" "koop: --until: invalid date '2026-13-01': no such day" "$(cat err)"
check "bad --until prints nothing" "" "$(cat out)"
"$KOOP" --db k.db remind --now yesterday >out 2>err; check "bad --now" 64 $?
check "bad --now message" \
  "koop remind: --at/--now: invalid time 'yesterday': expected YYYY-MM-DD[THH:MM[:SS]][Z|+HH:MM]" \
  "$(cat err)"
"$KOOP" --db missing.db remind >out 2>err; check "missing database" 66 $?
check "missing database message" \
  "koop: missing.db: no such database (create it with \`koop init\`)" "$(cat err)"
check "missing database not created" "no" "$([ -e missing.db ] && echo yes || echo no)"
echo "$failures failures"
exit $((failures > 0))
