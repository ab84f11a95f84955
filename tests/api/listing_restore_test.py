"""A listing cache across `koop restore` under a running server (docs/server.md, "Paging and the
listing cache"; docs/operations.md says to stop the server first, this is what happens when
nobody did). The restored database carries the listing versions of the backup; were versions
counted up by one, writes after the restore would pass through a version the running server
had cached an answer at, with other rows behind it, and it would serve that stale answer. A
bump goes to at least the database's clock in milliseconds (migration 12), so the first write
after the restore lands past every version handed out before. The test writes after the
restore until the version reaches the one of the cached answer and asks again: the answer must
be the restored database's. SQLite (`koop restore` is SQLite's; PostgreSQL uses pg_restore)."""

import os
import sqlite3

from koopapi import Env, check, check_eq, finish

AT = "2027-02-01T09:00"
RODZINA = {"czlonkowie": [{"nr": 1, "imie_nazwisko": "Karolina Testowa", "wiek": 34}]}


def version(env):
    with sqlite3.connect(env.db.uri) as db:
        return db.execute("SELECT COALESCE(SUM(version), 0) FROM listing_versions "
                          "WHERE municipality_id = 'sieradz'").fetchone()[0]


def tasks(c):
    r = c.request("GET", "/api/v1/tasks")
    check_eq(r.status, 200, "GET /api/v1/tasks")
    return r.header("X-Koop-Cache"), {t["instance"] for t in r.json()["tasks"]}


env = Env("sqlite")
try:
    env.add_user("koord", "coordinator", "sieradz")
    server = env.serve("--at", AT)
    c = server.client()
    c.sign_in("koord")
    iid = c.request("POST", "/api/v1/instances",
                    {"workflow": "case", "data": {"sprawa": {"numer": "MOPS/2027/001"}}}).json()["instance"]
    team = {"instytucje": [{"nr": 1, "id": "mops", "nazwa": "MOPS"}],
            "posiedzenie": {"data": "2027-02-17", "godzina": "10:00", "minuty": 90}}
    for event, data in [("diagnosis.started", {}), ("interview.done", {"rodzina": RODZINA}),
                        ("consent.given", {"dataProcessing": True, "team": True}),
                        ("network.informed", {}), ("team.convened", team)]:
        check_eq(c.request("POST", f"/api/v1/instances/{iid}/events",
                           {"event": event, "data": data}).status, 200, event)
    backup = os.path.join(env.dir, "before.db")
    env.koop("backup", backup)
    check_eq(tasks(c)[1], {iid}, "the task before the backup")

    # After the backup: the task is closed, and the server caches the empty list.
    check_eq(c.request("POST", f"/api/v1/instances/{iid}/events", {"event": "invitations.sent"}).status,
             200, "invitations.sent")
    tasks(c)
    state, cached = tasks(c)
    check_eq((state, cached), ("hit", set()), "the empty list is cached")
    cached_at = version(env)

    env.koop("restore", backup, "--replace")
    check(version(env) < cached_at, "the restored database is at an older version")
    # Writes that leave the task open (members.authorised only records a flag), until the
    # version reaches the cached answer's.
    writes = 0
    while version(env) < cached_at and writes < 50:
        r = c.request("POST", f"/api/v1/instances/{iid}/events", {"event": "members.authorised"})
        check_eq(r.status, 200, "members.authorised after the restore")
        writes += 1
    check_eq(writes, 1, "one write after the restore passes every earlier version")
    check(version(env) != cached_at, "no version is handed out twice")
    state, now = tasks(c)
    check_eq((state, now), ("miss", {iid}), "the restored database's task, not the cached list")
finally:
    env.close()
finish()
