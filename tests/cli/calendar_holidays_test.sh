#!/usr/bin/env bash
# `koop calendar holidays YEAR` checked year by year 2000-2100 against an independent source, the npm
# package date-holidays (its public holidays of PL, dates only), installed into a temp folder. Skips
# with a notice only when npm cannot reach the registry. Also checks a few fixed facts and errors.
set -u
KOOP=${KOOP:?path of the koop binary}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

expect() {  # expect NAME EXPECTED ACTUAL
  if [[ "$2" != "$3" ]]; then
    echo "FAIL $1: expected [$2] got [$3]"
    fail=1
  fi
}

# Facts that do not depend on the independent source.
expect "2025 has Wigilia" "2025-12-24 Wigilia Bożego Narodzenia" "$("$KOOP" calendar holidays 2025 | grep 12-24)"
expect "2024 has no Wigilia" "" "$("$KOOP" calendar holidays 2024 | grep 12-24)"
expect "2010 has no 6 Jan" "" "$("$KOOP" calendar holidays 2010 | grep 01-06)"
expect "2011 has 6 Jan" "2011-01-06 Święto Trzech Króli" "$("$KOOP" calendar holidays 2011 | grep 01-06)"
expect "Easter 2026" "2026-04-05 Pierwszy dzień Wielkiej Nocy" "$("$KOOP" calendar holidays 2026 | grep Wielkiej | head -1)"
expect "Corpus Christi 2026" "2026-06-04 Dzień Bożego Ciała" "$("$KOOP" calendar holidays 2026 | grep Ciała)"
expect "count 2026" "14" "$("$KOOP" calendar holidays 2026 | wc -l | tr -d ' ')"
# One-off days off decreed by a separate act, and the legal source of every day off.
expect "12 Nov 2018" "2018-11-12 Dzień wolny od pracy w 100. rocznicę odzyskania niepodległości" "$("$KOOP" calendar holidays 2018 | grep 11-12)"
expect "no 12 Nov 2019" "" "$("$KOOP" calendar holidays 2019 | grep 11-12)"
expect "source of 12 Nov 2018" "2018-11-12 Dzień wolny od pracy w 100. rocznicę odzyskania niepodległości (ustawa z dnia 9 listopada 2018 r. o ustanowieniu dnia 12 listopada 2018 r. dniem wolnym od pracy (Dz.U. 2018 poz. 2117))" \
  "$("$KOOP" calendar holidays 2018 --sources | grep 11-12)"
for y in 1951 1960 1961 1989 1990 2011 2018 2025; do
  expect "every day off of $y names its act" "0" "$("$KOOP" calendar holidays $y --sources | grep -vc ' (ustawa ')"
done
expect "22 July 1989" "1989-07-22 Narodowe Święto Odrodzenia Polski" "$("$KOOP" calendar holidays 1989 | grep 07-22)"
expect "no 22 July 1990" "" "$("$KOOP" calendar holidays 1990 | grep 07-22)"
"$KOOP" calendar holidays 20x5 >/dev/null 2>"$tmp/err"; expect "bad year exit" 64 $?
expect "bad year message" "koop: invalid year '20x5': expected 1-9999" "$(cat "$tmp/err")"
"$KOOP" calendar holidays 1900 >/dev/null 2>&1; expect "uncovered year exit" 65 $?
"$KOOP" calendar holidays >/dev/null 2>&1; expect "missing year exit" 64 $?

# Independent source.
if ! command -v npm >/dev/null || ! (cd "$tmp" && npm install --silent --prefix "$tmp" date-holidays >"$tmp/npm.log" 2>&1); then
  echo "NOTICE: npm could not install date-holidays (no registry?); cross-check 2000-2100 skipped"
  cat "$tmp/npm.log" 2>/dev/null | tail -3
  exit $fail
fi
NODE_PATH="$tmp/node_modules" node -e '
  const Holidays = require("date-holidays");
  const hd = new Holidays("PL");
  for (let y = 2000; y <= 2100; y++)
    for (const h of hd.getHolidays(y))
      if (h.type === "public") console.log(h.date.slice(0, 10));
' | sort -u >"$tmp/theirs"
# date-holidays does not list the one-off day off of 12 November 2018 (ustawa z dnia 9 listopada
# 2018 r.); it is checked above instead.
for y in $(seq 2000 2100); do "$KOOP" calendar holidays "$y" | cut -c1-10; done | grep -v '^2018-11-12$' | sort -u >"$tmp/ours"
# Sundays are days off by rule: a public holiday of theirs on a Sunday that we do not name would be
# a real difference too, so compare the full sets.
if ! diff "$tmp/ours" "$tmp/theirs" >"$tmp/diff"; then
  echo "FAIL: differences against date-holidays (< ours, > theirs):"
  head -40 "$tmp/diff"
  fail=1
else
  echo "cross-check 2000-2100 against date-holidays: $(wc -l <"$tmp/ours") dates identical"
fi
exit $fail
