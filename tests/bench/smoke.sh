#!/bin/bash
# Runs every benchmark program once in a short mode, so that none of them rots unnoticed: each must
# exit 0 and print its figures. The figures of these runs mean nothing (tiny sizes, a CI machine);
# docs/benchmarks.md has the real runs and their commands. Usage: smoke.sh BENCH_DIR
set -u
dir=${1:?usage: smoke.sh BENCH_DIR}
failures=0
run() {
  local name=$1
  shift
  local out
  # SQLite only: a benchmark writing into the shared test PostgreSQL would disturb the tests
  # running beside it.
  if ! out=$(cd "$KOOP_SOURCE_DIR" && env -u KOOP_TEST_PG_URI timeout 300 "$dir/$name" "$@" 2>&1); then
    echo "FAIL: $name $* exited non-zero:"
    echo "$out" | tail -20
    failures=$((failures + 1))
  elif [ -z "$out" ]; then
    echo "FAIL: $name $* printed nothing"
    failures=$((failures + 1))
  else
    echo "ok: $name $*: $(echo "$out" | head -1)"
  fi
}
run bench_statechart 2000
run bench_rules 20000
run bench_store 100
run bench_docx loop-table 0.2
run bench_docx rows 500
run bench_docx merge 20
run bench_deadlines --deadlines 20000 --due 50
run bench_server 40 400 2 1
run bench_warsaw_time
[ "$failures" -eq 0 ] || { echo "$failures benchmark(s) failed"; exit 1; }
echo "every benchmark ran"
