#!/usr/bin/env bash
# `koop scenario` itself (docs/scenarios.md): a malformed file is 65 with file:line:col and nothing
# run; a wrong expectation, a leaked `personal` text and a failing command without an expected
# block each make it exit 1 with the exact difference; the PostgreSQL wrapper skips (77) without a
# server and fails under KOOP_REQUIRE_PG=1.
. "$KOOP_SOURCE_DIR/tests/cli/lib.sh"
remind="$KOOP_SOURCE_DIR/tests/scenario/remind"

# bad NAME EXPECTED-MESSAGE < FILE-TEXT: the file is refused with 65 and this message.
bad() {
  cat >"$1.test"
  "$KOOP" scenario "$1.test" >out 2>err
  check "$1: exit" 65 $?
  check "$1: message" "$2" "$(cat err)"
  check "$1: nothing printed" "" "$(cat out)"
}
printf -- '----\nx\n' | bad dashes "koop: dashes.test:1:1: expected output without a command before it"
printf 'stages\n---- maybe\n' | bad mode \
  "koop: mode.test:2:6: unknown match mode 'maybe' (expected nothing or 'contains')"
printf 'workflow x\n  stages\n' | bad indent \
  "koop: indent.test:2:1: a command starts at the beginning of the line"
printf 'start at 2026-01-01 with\n' | bad nojson "koop: nojson.test:1:21: 'with' needs JSON data after it"
printf 'fire\n' | bad fire "koop: fire.test:1:1: expected fire EVENT at DATE [HH:MM] [with JSON]"
printf 'remind at 2026-02-30 07:00\n' | bad date \
  "koop: date.test:1:11: bad time '2026-02-30 07:00': invalid time '2026-02-30T07:00': no such date or time"
printf 'frobnicate\n' | bad unknown \
  "koop: unknown.test:1:1: unknown command 'frobnicate' (see docs/scenarios.md for the commands)"
"$KOOP" scenario missing.test >out 2>err; check "missing file: exit" 66 $?
check "missing file: message" "koop: missing.test: no such scenario file" "$(cat err)"

# A copy of a passing scenario with one expected date changed fails with the exact difference.
mkdir -p copy && cp -r "$remind/data" copy/
sed 's/^to coordinator: Przypomnienie: \(.*\) – termin 2026-12-18$/to coordinator: Przypomnienie: \1 – termin 2026-12-19/' \
  "$remind/christmas.test" >copy/christmas.test
"$KOOP" scenario copy/christmas.test >out 2>err; check "wrong expectation: exit" 1 $?
at=$(grep -n '^remind at 2026-12-16 07:00$' copy/christmas.test | cut -d: -f1)
check "wrong expectation: report" "FAIL copy/christmas.test on SQLite
copy/christmas.test:$at: remind printed other lines;
  expected:
    to coordinator: Przypomnienie: Wysłanie zaproszeń na posiedzenie GGK – termin 2026-12-19
  got:
    to coordinator: Przypomnienie: Wysłanie zaproszeń na posiedzenie GGK – termin 2026-12-18" \
  "$(cat out)"
"$KOOP" scenario "$remind/christmas.test" >out 2>err; check "the original passes" 0 $?
check "the original's report" "ok $remind/christmas.test on SQLite (21 commands, 27 checks)" \
  "$(cat out)"

# A `personal` text that a reminder shows is reported.
sed 's/^personal Kowalski$/personal na posiedzenie GGK/' "$remind/christmas.test" >copy/leak.test
"$KOOP" scenario copy/leak.test >out 2>err; check "personal data: exit" 1 $?
# Each line of remind and listing that shows it: listing text 1, JSON 1, iCalendar 3, remind 3.
check "personal data: reported" 8 "$(grep -c "shows personal data 'na posiedzenie GGK'" out)"

# A command that fails with no expected block fails the scenario.
printf 'workflows data\nmunicipalities data\nworkflow remindcase\nmunicipality remindtown\n%s\n' \
  'start at 2026-12-10 09:00 with {"family": ' >copy/broken.test
"$KOOP" scenario copy/broken.test >out 2>err; check "failing command: exit" 1 $?
check "failing command: first line" "copy/broken.test:5: start failed:" "$(sed -n 2p out)"

# The PostgreSQL wrapper: SKIPPED (77) without a server, a failure when one is required.
env -u KOOP_TEST_PG_URI -u KOOP_REQUIRE_PG bash "$KOOP_SOURCE_DIR/tests/scenario/on_postgres.sh" \
  "$remind/christmas.test" >out 2>&1
check "no server: skip code" 77 $?
check "no server: says SKIPPED" \
  "SKIPPED: no PostgreSQL (KOOP_TEST_PG_URI not set; run under scripts/with-postgres)" "$(cat out)"
env -u KOOP_TEST_PG_URI KOOP_REQUIRE_PG=1 bash "$KOOP_SOURCE_DIR/tests/scenario/on_postgres.sh" \
  "$remind/christmas.test" >out 2>&1
check "required server: failure" 1 $?

# A scenario that sends e-mail run without a server: the engine says what is missing, the runner
# names its flag.
printf 'smtp\n' >mail.test
env -u KOOP_SCENARIO_SMTP "$KOOP" scenario mail.test >out 2>err
check "no SMTP server: exit" 1 $?
check "no SMTP server: report" "FAIL mail.test on SQLite
mail.test:1: smtp failed:
    error 64: this scenario sends e-mail: it needs the folder of a loopback SMTP server \
(tests/scenario/with_smtp.sh starts one)
mail.test: give the SMTP server's folder with --smtp DIR (or KOOP_SCENARIO_SMTP)" "$(cat out)"

echo "$failures failures"
exit $((failures > 0))
