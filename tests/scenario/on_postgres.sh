#!/usr/bin/env bash
# Runs scenario files on PostgreSQL (a fresh schema each) in the database KOOP_TEST_PG_URI names,
# which scripts/with-postgres sets. Without it the run is SKIPPED (exit 77, ctest's
# SKIP_RETURN_CODE), never passed; with KOOP_REQUIRE_PG=1 (CI) a missing server is a failure.
set -u
: "${KOOP:?set KOOP to the koop binary}"
if [ -z "${KOOP_TEST_PG_URI:-}" ]; then
  if [ "${KOOP_REQUIRE_PG:-0}" = 1 ]; then
    echo "FAIL: KOOP_REQUIRE_PG=1 but KOOP_TEST_PG_URI is not set (no PostgreSQL server)"
    exit 1
  fi
  echo "SKIPPED: no PostgreSQL (KOOP_TEST_PG_URI not set; run under scripts/with-postgres)"
  exit 77
fi
exec "$KOOP" scenario --postgres "$KOOP_TEST_PG_URI" ${KOOP_SCENARIO_SMTP:+--smtp "$KOOP_SCENARIO_SMTP"} "$@"
