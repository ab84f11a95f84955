"""GET /healthz when the database goes away (docs/server.md, "Operation"): the server's
PostgreSQL connections are terminated by the database server (pg_terminate_backend, found by
their application_name); the next /healthz is 503 `unavailable` naming nothing of the database,
the broken connection is dropped, and the server answers 200 again without a restart. A SQLite
file cannot be taken away from an open connection, so this test runs on PostgreSQL only and
says SKIPPED without it."""

import os
import subprocess
import sys
import uuid

from koopapi import Env, check, check_eq, finish

if not os.environ.get("KOOP_TEST_PG_URI"):
    print("SKIPPED: needs PostgreSQL (run under scripts/with-postgres)", file=sys.stderr)
    sys.exit(77)

env = Env("postgresql")
try:
    app = "koop_healthz_" + uuid.uuid4().hex[:8]
    env.db.uri += "&application_name=" + app
    server = env.serve()
    c = server.client()
    for i in range(3):
        check_eq(c.request("GET", "/healthz").status, 200, f"/healthz {i + 1} before")
    killed = subprocess.run(
        ["psql", os.environ["KOOP_TEST_PG_URI"], "-Atq", "-c",
         f"SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = '{app}'"],
        capture_output=True, text=True, check=True).stdout.strip()
    check(int(killed) >= 1, f"the server's connections terminated ({killed})")
    r = c.request("GET", "/healthz")
    check_eq(r.status, 503, "/healthz with the connection gone")
    check_eq(r.header("Content-Type"), "application/problem+json", "a problem document")
    check_eq((r.json()["type"], r.json().get("detail")),
             ("urn:kooperacja:problem:unavailable", "the database cannot be reached"),
             "its type and detail")
    check(app not in r.body.decode() and "postgres" not in r.body.decode().lower(),
          "the answer names nothing of the database")
    statuses = [c.request("GET", "/healthz").status for _ in range(10)]
    first_ok = statuses.index(200) if 200 in statuses else None
    check(first_ok is not None and all(s == 200 for s in statuses[first_ok:]),
          f"reconnects and stays up without a restart ({statuses})")
finally:
    env.close()
finish()
