# Shared set-up of the end-to-end tests (sourced, not a test itself): KOOP and KOOP_SOURCE_DIR must
# be set; the test runs in a temporary folder removed on exit; small assertions.
set -u
: "${KOOP:?set KOOP to the koop binary}" "${KOOP_SOURCE_DIR:?set KOOP_SOURCE_DIR to the repo}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
failures=0

# check NAME EXPECTED ACTUAL: counts a failure when they differ.
check() {
  if [ "$2" != "$3" ]; then
    echo "FAIL: $1: got [$3], expected [$2]"
    failures=$((failures + 1))
  else
    echo "ok: $1"
  fi
}

# lines FILE PATTERN: how many lines of FILE match PATTERN.
lines() { grep -c "$2" "$1" | tr -d ' '; }

# fail MESSAGE: stops the test at once.
fail() {
  echo "FAIL: $*"
  exit 1
}

# sandbox_workflow NAME < CHART: a folder wf/ holding the chart from stdin as wf/NAME.scxml and the
# test municipality 'testtown', which picks it.
sandbox_workflow() {
  mkdir -p wf
  cat >"wf/$1.scxml"
  sed "s/ref=\"testcase\"/ref=\"$1\"/" "$KOOP_SOURCE_DIR/tests/unit/instance/data/testtown.xml" \
    >wf/testtown.xml
}
