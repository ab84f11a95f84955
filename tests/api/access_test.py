"""The role x tenant matrix (DESIGN.md section 12) against a real `koop serve`: every account
tries every instance (show, list, fire, packs); no cell may leak. Also: refused events write
nothing, the access log grows by exactly the personal reads, the actor is the signed-in login.
SQLite and (under scripts/with-postgres) PostgreSQL."""

import json
import os
import subprocess

from koopapi import Env, backends, check, check_eq, finish

AT = "2027-02-01T09:00"

ACCOUNTS = [
    # login, role, municipality, institution
    ("admin_s", "admin", "sieradz", None),
    ("koord_s", "coordinator", "sieradz", None),
    ("czlonek_sp5", "member", "sieradz", "sp5"),
    ("czlonek_kpp", "member", "sieradz", "kpp"),
    ("rops_10", "rops", "10", None),
    ("rops_12", "rops", "12", None),
    ("audytor_s", "auditor", "sieradz", None),
    ("koord_z", "coordinator", "zielony-gaj", None),
]

RODZINA = {"czlonkowie": [{"nr": 1, "imie_nazwisko": "Karolina Testowa", "wiek": 34}]}
SYTUACJA = {"materialna": "Dochód z pracy dorywczej."}
TEAM = {"instytucje": [{"nr": 1, "id": "mops", "nazwa": "MOPS"}, {"nr": 2, "id": "sp5", "nazwa": "SP 5"}],
        "posiedzenie": {"data": "2027-02-17", "godzina": "10:00", "minuty": 90}}


def audit_rows(env):
    return json.loads(env.koop("audit", "--json").stdout)["reads"]


def run(backend):
    env = Env(backend)
    try:
        for login, role, mun, inst in ACCOUNTS:
            env.add_user(login, role, mun, inst)
        server = env.serve("--at", AT)
        clients = {}
        for login, *_ in ACCOUNTS:
            c = server.client()
            check_eq(c.sign_in(login).status, 201, f"[{backend}] {login} signs in")
            clients[login] = c

        ks, kz = clients["koord_s"], clients["koord_z"]
        r = ks.request("POST", "/api/v1/instances", {"workflow": "case", "data": {
            "sprawa": {"numer": "MOPS/2027/003"}}})
        check_eq(r.status, 201, f"[{backend}] coordinator starts a case")
        case_a = r.json()["instance"]
        for event, data in [("diagnosis.started", {}),
                            ("interview.done", {"rodzina": RODZINA, "sytuacja": SYTUACJA}),
                            ("consent.given", {"dataProcessing": True, "team": True}),
                            ("network.informed", {}),
                            ("team.convened", TEAM)]:
            r = ks.request("POST", f"/api/v1/instances/{case_a}/events", {"event": event, "data": data})
            check_eq(r.status, 200, f"[{backend}] coordinator fires {event}")
        r = kz.request("POST", "/api/v1/instances", {"workflow": "case", "data": {
            "sprawa": {"numer": "GOPS/2027/001"}}})
        check_eq(r.status, 201, f"[{backend}] the other tenant's coordinator starts a case")
        case_b = r.json()["instance"]
        r = kz.request("POST", f"/api/v1/instances/{case_b}/events", {
            "event": "interview.done", "data": {"rodzina": RODZINA}})
        check_eq(r.status, 409, f"[{backend}] interview.done before diagnosis.started is refused")
        kz.request("POST", f"/api/v1/instances/{case_b}/events", {"event": "diagnosis.started"})
        r = kz.request("POST", f"/api/v1/instances/{case_b}/events", {
            "event": "interview.done", "data": {"rodzina": RODZINA}})
        check_eq(r.status, 200, f"[{backend}] case B gets personal data")

        r = kz.request("POST", "/api/v1/instances", {"workflow": "case", "municipality": "sieradz"})
        check_eq(r.status, 403, f"[{backend}] no start in another municipality")
        r = clients["czlonek_sp5"].request("POST", "/api/v1/instances", {"workflow": "case"})
        check_eq(r.status, 403, f"[{backend}] a member starts nothing")

        # who sees what: login -> {instance: personal?} (absent = 404)
        sees = {
            "admin_s": {case_a: True}, "koord_s": {case_a: True},
            "czlonek_sp5": {case_a: True}, "czlonek_kpp": {},
            "rops_10": {case_a: False, case_b: False}, "rops_12": {},
            "audytor_s": {case_a: False}, "koord_z": {case_b: True},
        }
        before = len(audit_rows(env))
        personal_reads = 0
        for login, *_ in ACCOUNTS:
            c = clients[login]
            listed = {i["id"] for i in c.request("GET", "/api/v1/instances").json()["instances"]}
            check_eq(listed, set(sees[login]), f"[{backend}] {login} lists exactly its instances")
            for inst in (case_a, case_b):
                r = c.request("GET", f"/api/v1/instances/{inst}")
                if inst not in sees[login]:
                    check_eq(r.status, 404, f"[{backend}] {login} gets 404 for {inst}")
                    check("Karolina" not in r.body.decode(), f"[{backend}] 404 leaks nothing")
                    continue
                check_eq(r.status, 200, f"[{backend}] {login} shows {inst}")
                data = r.json()["data"]
                personal = sees[login][inst]
                check_eq("rodzina" in data, personal,
                         f"[{backend}] {login} {'gets' if personal else 'never gets'} personal fields")
                if not personal:
                    check("Karolina" not in r.body.decode(), f"[{backend}] no personal text for {login}")
                if personal:
                    personal_reads += 1
            tasks = c.request("GET", "/api/v1/tasks?until=2027-12-31")
            check_eq(tasks.status, 200, f"[{backend}] {login} reads tasks")
            task_instances = {t["instance"] for t in tasks.json()["tasks"]}
            check(task_instances <= set(sees[login]), f"[{backend}] {login} tasks stay in scope")
        after = audit_rows(env)
        check_eq(len(after) - before, personal_reads,
                 f"[{backend}] the access log grew by exactly the personal reads")
        check(all(row["request"] for row in after), f"[{backend}] every access row names its request")

        # the access log is append-only in the database itself
        for sql in ("DELETE FROM access_log", "UPDATE access_log SET login = 'x'"):
            if backend == "sqlite":
                proc = subprocess.run(["sqlite3", env.db.uri, sql], capture_output=True, text=True)
            else:
                proc = subprocess.run(["psql", os.environ["KOOP_TEST_PG_URI"], "-v", "ON_ERROR_STOP=1",
                                       "-c", f"SET search_path TO {env.db.schema}; {sql}"],
                                      capture_output=True, text=True)
            check(proc.returncode != 0 and "append-only" in proc.stderr,
                  f"[{backend}] {sql} is refused: {proc.stderr.strip()[:80]}")
        check_eq(len(audit_rows(env)), len(after), f"[{backend}] the access log kept every row")

        # firing: roles and the workflow's <k:event by>
        sp5, kpp = clients["czlonek_sp5"], clients["czlonek_kpp"]
        r = sp5.request("POST", f"/api/v1/instances/{case_a}/events", {"event": "invitations.sent"})
        check_eq(r.status, 403, f"[{backend}] a member may not fire a coordinator's event")
        r = sp5.request("POST", f"/api/v1/instances/{case_a}/events", {"event": "member.reported"})
        check_eq(r.status, 409, f"[{backend}] a member's event the stage does not take is 409")
        r = kpp.request("POST", f"/api/v1/instances/{case_a}/events", {"event": "member.reported"})
        check_eq(r.status, 404, f"[{backend}] a member outside the team gets 404")
        for login in ("rops_10", "audytor_s"):
            r = clients[login].request("POST", f"/api/v1/instances/{case_a}/events",
                                       {"event": "invitations.sent"})
            check_eq(r.status, 403, f"[{backend}] {login} fires nothing")
        r = kz.request("POST", f"/api/v1/instances/{case_a}/events", {"event": "invitations.sent"})
        check_eq(r.status, 404, f"[{backend}] another tenant's coordinator gets 404")

        # a refused event leaves the log unchanged
        seq = ks.request("GET", f"/api/v1/instances/{case_a}").json()["lastSeq"]
        r = ks.request("POST", f"/api/v1/instances/{case_a}/events", {"event": "plan.signed"})
        check_eq(r.status, 409, f"[{backend}] plan.signed in 'convening' is refused")
        check_eq(r.json()["type"], "urn:kooperacja:problem:event-refused", f"[{backend}] its type")
        check("nie przyjmuje zdarzenia „Podpisano kartę planu pracy”" in r.json()["reason"],
              f"[{backend}] the reason is Polish: {r.json().get('reason')}")
        r = ks.request("POST", f"/api/v1/instances/{case_a}/events", {"event": "no.such.event"})
        check_eq(r.status, 422, f"[{backend}] an undeclared event is 422")
        doc = ks.request("GET", f"/api/v1/instances/{case_a}").json()
        check_eq(doc["lastSeq"], seq, f"[{backend}] nothing was written by refused events")
        check_eq([h["actor"] for h in doc["history"]][:2], ["koord_s", "koord_s"],
                 f"[{backend}] the event log records the signed-in login")
        r = ks.request("POST", f"/api/v1/instances/{case_a}/events", {"event": "invitations.sent"})
        check_eq(r.status, 200, f"[{backend}] an accepted event")
        check_eq(ks.request("GET", f"/api/v1/instances/{case_a}").json()["lastSeq"], seq + 1,
                 f"[{backend}] ... is recorded once")

        # packs: closed to rops and auditor; another tenant 404
        for login in ("rops_10", "audytor_s"):
            r = clients[login].request("POST", f"/api/v1/instances/{case_a}/packs/team.invitations")
            check_eq(r.status, 403, f"[{backend}] {login} renders no pack")
        r = kz.request("GET", f"/api/v1/instances/{case_a}/packs")
        check_eq(r.status, 404, f"[{backend}] another tenant's packs are 404")
    finally:
        env.close()


for b in backends():
    run(b)
finish()
