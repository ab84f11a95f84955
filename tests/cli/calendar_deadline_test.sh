#!/usr/bin/env bash
# Runs every case of calendar_deadline_cases.txt through `koop calendar deadline`.
set -u
KOOP=${KOOP:?path of the koop binary}
here=$(dirname "$0")
fail=0 count=0
while IFS= read -r line; do
  line=${line%%#*}
  [[ -z "${line// /}" ]] && continue
  args=${line%%=>*}
  expected=${line#*=>}
  expected=${expected# }
  expected=${expected%"${expected##*[! ]}"}
  # shellcheck disable=SC2086
  out=$("$KOOP" calendar deadline $args 2>/tmp/koop_cal_err.$$)
  rc=$?
  err=$(cat /tmp/koop_cal_err.$$)
  count=$((count + 1))
  if [[ $expected == exit* ]]; then
    want_rc=${expected#exit }
    want_rc=${want_rc%% *}
    want_msg=""
    [[ $expected == *"|"* ]] && want_msg=${expected#*| }
    if [[ $rc != "$want_rc" || ( -n $want_msg && $err != "$want_msg" ) ]]; then
      echo "FAIL: $args => expected $expected, got exit $rc: $out $err"
      fail=1
    fi
  elif [[ $rc != 0 || $out != "$expected" ]]; then
    echo "FAIL: $args => expected $expected, got [$out] exit $rc $err"
    fail=1
  fi
done <"$here/calendar_deadline_cases.txt"
rm -f /tmp/koop_cal_err.$$
echo "$count cases"
exit $fail
