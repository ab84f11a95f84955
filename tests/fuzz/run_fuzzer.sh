#!/usr/bin/env bash
# Runs one fuzzer for a short time on its seed corpus (ctest; label "fuzz"):
#   run_fuzzer.sh FUZZER_BINARY CORPUS_NAME SECONDS
# The seeds are collected into $KOOP_BINARY_DIR/fuzz-seeds once; what the run adds goes to a
# scratch corpus that is thrown away. A crash, leak, sanitizer report or timeout fails the test
# and leaves the reproducer in $KOOP_BINARY_DIR/fuzz-artifacts/.
set -euo pipefail
bin="$1" name="$2" seconds="$3"
here="$(cd "$(dirname "$0")" && pwd)"
build="${KOOP_BINARY_DIR:?}"
seeds="$build/fuzz-seeds"
if [ ! -d "$seeds/$name" ]; then
  rm -rf "$seeds.new" && bash "$here/collect_seeds.sh" "$seeds.new" >/dev/null
  rm -rf "$seeds" && mv "$seeds.new" "$seeds"
fi
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$build/fuzz-artifacts"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}"
"$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
  -artifact_prefix="$build/fuzz-artifacts/$name-" -print_final_stats=1 \
  "$scratch" "$seeds/$name" 2>&1 | tail -25
exit "${PIPESTATUS[0]}"
