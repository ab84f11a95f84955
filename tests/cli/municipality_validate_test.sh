#!/usr/bin/env bash
# koop validate on municipality files: recognised by their root element, checked against the
# workflows they pick (--workflows DIR), every problem as file:line:col: message; exit 0 when all
# files are valid, 65 when one is not, 66 when one is missing.
set -u
: "${KOOP:?}" "${KOOP_SOURCE_DIR:?}"
data="$KOOP_SOURCE_DIR/tests/unit/instance/data/validate"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
check() {  # check NAME EXPECTED_STATUS ACTUAL_STATUS
  if [ "$2" != "$3" ]; then fail "$1: exit $3, expected $2"; else echo "ok: $1"; fi
}

"$KOOP" validate --workflows "$data/workflows" "$data/good.xml" >"$work/out" 2>"$work/err"
check "valid municipality" 0 $?
grep -qxF "$data/good.xml: ok" "$work/out" || fail "no ok line: $(cat "$work/out")"

"$KOOP" validate --workflows "$data/workflows" "$data/good.xml" "$data/bad.xml" >"$work/out" 2>"$work/err"
check "one invalid municipality" 65 $?
[ "$(wc -l <"$work/err")" = 14 ] || fail "want 14 problems, got: $(cat "$work/err")"
grep -qxF "$data/bad.xml:19:5: close time '25:00' is not a time of day HH:MM (00:00-23:59)" "$work/err" ||
  fail "office hours message missing: $(cat "$work/err")"
grep -qxF "$data/bad.xml:12:3: role 'director' (addressed by workflow 'intake') is held by no institution or contact" "$work/err" ||
  fail "role message missing"

"$KOOP" validate --workflows "$data/workflows" "$data/bad.xml" "$data/no-such.xml" >"$work/out" 2>"$work/err"
check "a missing file wins" 66 $?

# The samples fit the shipped workflows (default folder: ./workflows).
(cd "$KOOP_SOURCE_DIR" && "$KOOP" validate samples/municipalities/*.xml) >"$work/out" 2>"$work/err"
check "sample municipalities" 0 $?

# A workflow and a municipality in one call; the workflow is still checked as a workflow.
"$KOOP" validate --workflows "$data/workflows" "$data/workflows/intake.scxml" "$data/good.xml" >"$work/out" 2>"$work/err"
check "workflow and municipality together" 0 $?
[ "$(wc -l <"$work/out")" = 2 ] || fail "want 2 ok lines: $(cat "$work/out")"

[ "$failures" = 0 ] && echo "municipality validate: OK"
exit "$failures"
