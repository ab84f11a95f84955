#!/usr/bin/env bash
# The koop shell: help, version, usage errors and exit codes (DESIGN.md §9).
set -u
fail=0
check() {  # check DESCRIPTION EXPECTED_CODE ACTUAL_CODE
  if [ "$2" != "$3" ]; then echo "FAIL: $1: expected exit $2, got $3"; fail=1; else echo "ok: $1"; fi
}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cd "$tmp"

out=$("$KOOP" --help); check "koop --help" 0 $?
for cmd in render tags validate graph "calendar holidays" "calendar deadline" start fire show \
           deadlines remind daemon pack demo "scxml test" "scxml trace"; do
  if ! grep -q "^  $cmd " <<<"$out"; then echo "FAIL: --help does not list '$cmd'"; fail=1; fi
  # shellcheck disable=SC2086
  "$KOOP" $cmd --help >/dev/null; check "koop $cmd --help" 0 $?
done

v=$("$KOOP" --version); check "--version" 0 $?
grep -Eq '^koop [0-9]+\.[0-9]+\.[0-9]+ \(database schema [0-9]+\)$' <<<"$v" || { echo "FAIL: version line '$v'"; fail=1; }

"$KOOP" >/dev/null 2>&1; check "no command" 64 $?
"$KOOP" frobnicate 2>err.txt; check "unknown command" 64 $?
[ "$(head -n 1 err.txt)" = "koop: unknown command 'frobnicate'" ] || { echo "FAIL: message"; cat err.txt; fail=1; }
"$KOOP" --bogus 2>/dev/null; check "unknown global option" 64 $?
"$KOOP" calendar holidays --bogus 2026 2>err.txt; check "unknown command option" 64 $?
"$KOOP" calendar 2>/dev/null; check "group without subcommand" 64 $?
"$KOOP" graph "$KOOP_SOURCE_DIR/workflows/case.scxml" 2>err.txt; check "missing required option" 64 $?
[ "$(head -n 1 err.txt)" = "koop graph: Required option not specified: output" ] ||
  { echo "FAIL: message"; cat err.txt; fail=1; }
"$KOOP" render --output 2>/dev/null; check "option without its value" 64 $?
"$KOOP" calendar holidays 2026 --at yesterday 2>/dev/null; check "malformed --at" 64 $?
"$KOOP" --config missing.properties --help >/dev/null 2>&1; check "help ignores config" 0 $?
"$KOOP" --config missing.properties render 2>/dev/null; check "missing --config" 66 $?
printf 'log.level = shouting\n' > bad.properties
"$KOOP" --config bad.properties render 2>/dev/null; check "bad log.level" 65 $?

# A command group without its subcommand lists the group (help: 0 on stdout; bare: 64 on stderr).
out=$("$KOOP" calendar --help); check "koop calendar --help" 0 $?
for sub in holidays deadline; do
  grep -q "^  calendar $sub " <<<"$out" || { echo "FAIL: calendar --help lacks $sub"; fail=1; }
done
err=$("$KOOP" scxml 2>&1 >/dev/null); check "koop scxml" 64 $?
grep -q "^  scxml trace " <<<"$err" || { echo "FAIL: bare 'koop scxml' lacks trace"; fail=1; }
"$KOOP" render --help >/dev/null; check "plain command help still works" 0 $?

# Tally for ctest's log.
[ $fail -eq 0 ] && echo "shell: all checks passed"
exit $fail
