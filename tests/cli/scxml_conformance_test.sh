#!/usr/bin/env bash
# W3C SCXML conformance (issue 6): runs every automatic IRP test of ../shared/scxml-w3c through
# `koop scxml test` with a per-test time limit, prints a table (test, class, result, reason) and
# the closing line "N passed, N failed". Exits non-zero only when a test expected to pass fails:
# the BasicHTTP tests are skipped, and the known failures listed in docs/scxml-conformance.md
# (lines "- NNN: reason" under "## Known failures") are reported but tolerated.
# Usage: KOOP=path/to/koop KOOP_SHARED_DIR=... KOOP_SOURCE_DIR=... scxml_conformance_test.sh
#        [--markdown]   (prints the table as Markdown for the doc)
set -u
KOOP=${KOOP:?set KOOP to the koop binary}
KOOP=$(cd "$(dirname "$KOOP")" && pwd)/$(basename "$KOOP")
SRC=${KOOP_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
SHARED=${KOOP_SHARED_DIR:-$SRC/../shared}
SUITE=$SHARED/scxml-w3c
LIMIT=${SCXML_TEST_TIMEOUT:-10}
MARKDOWN=0
[ "${1:-}" = "--markdown" ] && MARKDOWN=1

declare -A known
while IFS= read -r line; do
  id=${line#- }; id=${id%%:*}; known[$id]=${line#*: }
done < <(sed -n '/^## Known failures/,/^## /p' "$SRC/docs/scxml-conformance.md" 2>/dev/null |
         grep -E '^- [0-9a-z]+: ')

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A missing suite is a failure, not zero tests passed.
if [ ! -f "$SUITE/manifest.csv" ]; then
  echo "FAIL: the W3C suite is missing: no $SUITE/manifest.csv (set KOOP_SHARED_DIR)"
  exit 1
fi

# One job per test document: "id conformance needs".
jobs=()
while IFS=, read -r test conformance kind needs; do
  [ "$test" = "test" ] && continue
  [ "$kind" = "auto" ] || continue
  if [ "$test" = "403" ]; then
    for v in a b c; do jobs+=("403$v $conformance $needs"); done
  else
    jobs+=("$test $conformance $needs")
  fi
done < "$SUITE/manifest.csv"
if [ ${#jobs[@]} -eq 0 ]; then
  echo "FAIL: $SUITE/manifest.csv lists no automatic test"
  exit 1
fi

# The charts run in one koop process (each in its own JavaScript heap, with an in-process time
# limit); a test whose line is missing (the batch crashed or hung) is re-run on its own under
# `timeout`.
declare -A res why
files=()
for j in "${jobs[@]}"; do
  read -r id conformance needs <<< "$j"
  if [[ "$needs" == *basichttp* ]]; then res[$id]=skip; why[$id]="needs BasicHTTP"; continue; fi
  files+=("test$id.scxml")
done
(cd "$SUITE/tests" && timeout 300 "$KOOP" scxml test --time-limit "$LIMIT" "${files[@]}") \
  > "$work/batch.txt" 2>&1
while IFS= read -r line; do
  case $line in
    test*.scxml:\ *) ;;
    *) continue;;
  esac
  id=${line%%.scxml:*}; id=${id#test}; verdict=${line#*.scxml: }
  if [ "$verdict" = pass ]; then res[$id]=pass; why[$id]=""
  else verdict=${verdict#fail: }; res[$id]=fail; why[$id]=${verdict:0:150}; fi
done < "$work/batch.txt"
for f in "${files[@]}"; do
  id=${f#test}; id=${id%.scxml}
  [ -n "${res[$id]:-}" ] && continue
  msg=$(cd "$SUITE/tests" && timeout "$LIMIT" "$KOOP" scxml test "$f" 2>&1); rc=$?
  if [ $rc -eq 0 ]; then res[$id]=pass; why[$id]=""
  elif [ $rc -eq 124 ]; then res[$id]=fail; why[$id]="time limit of ${LIMIT}s"
  else msg=${msg##*$'\n'}; res[$id]=fail; why[$id]=${msg:0:150}; fi
done

passed=0; failed=0; skipped=0; unexpected=0
if [ $MARKDOWN -eq 1 ]; then
  echo "| test | class | result | reason |"; echo "|---|---|---|---|"
else
  printf '%-6s %-10s %-6s %s\n' test class result reason
fi
for j in "${jobs[@]}"; do
  read -r id conformance needs <<< "$j"
  result=${res[$id]}; reason=${why[$id]}
  base=${id%[abc]}
  case $result in
    pass) passed=$((passed + 1)); [ -n "${known[$base]:-}" ] && reason="passes (listed as known failure)";;
    skip) skipped=$((skipped + 1));;
    fail) failed=$((failed + 1))
          if [ -n "${known[$base]:-}" ]; then reason="known: ${known[$base]}"
          else unexpected=$((unexpected + 1)); reason="UNEXPECTED: $reason"; fi;;
  esac
  if [ $MARKDOWN -eq 1 ]; then
    echo "| $id | $conformance | $result | ${reason//|/\\|} |"
  else
    printf '%-6s %-10s %-6s %s\n' "$id" "$conformance" "$result" "$reason"
  fi
done
echo
echo "$skipped skipped (BasicHTTP), $unexpected unexpected failures"
echo "$passed passed, $failed failed"
if [ $passed -eq 0 ]; then
  echo "FAIL: no test passed (is the suite complete?)"
  exit 1
fi
[ $unexpected -eq 0 ]
