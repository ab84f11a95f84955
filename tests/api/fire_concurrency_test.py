"""Events fired concurrently through the API are committed in groups (server/fire_batcher.h):
eight clients fire at once on four cases, accepted events (consent.given, taken again and again
by the stage) mixed with refused ones (plan.signed: 409) and undeclared ones (422). Afterwards
each case's event log holds exactly the accepted events, each once, in a gapless sequence, and
no refused event; every answer is the one its own request asked for. SQLite and (under
scripts/with-postgres) PostgreSQL."""

import threading

from koopapi import Env, backends, cases_in_diagnosis, check, check_eq, finish

AT = "2027-02-01T09:00"
CLIENTS = 8
ROUNDS = 12


def run(backend):
    env = Env(backend)
    try:
        env.add_user("koord_s", "coordinator", "sieradz")
        server = env.serve("--at", AT)
        admin = server.client()
        check_eq(admin.sign_in("koord_s").status, 201, f"[{backend}] sign-in")
        cases = cases_in_diagnosis(admin, [f"MOPS/2027/{100 + n}" for n in range(4)])
        before = {c: admin.request("GET", f"/api/v1/instances/{c}").json()["lastSeq"] for c in cases}

        answers = []  # (case, event, status, seq or None)
        lock = threading.Lock()

        # Signed in before the threads start: eight Argon2id verifications at once (64 MiB
        # each) on a loaded machine are not what this test measures.
        signed = [server.client() for _ in range(CLIENTS)]
        for me in signed:
            check_eq(me.sign_in("koord_s").status, 201, f"[{backend}] a client signs in")

        def client(k):
            c = signed[k]
            for i in range(ROUNDS):
                case = cases[(k + i) % len(cases)]
                event = ["consent.given", "plan.signed", "consent.given", "no.such.event"][(k + i) % 4]
                r = c.request("POST", f"/api/v1/instances/{case}/events",
                              {"event": event, "data": {"dataProcessing": True}})
                seq = r.json().get("seq") if r.status == 200 else None
                doc_instance = r.json().get("instance") if r.status == 200 else case
                with lock:
                    answers.append((case, event, r.status, seq, doc_instance, r.body[:300]))

        threads = [threading.Thread(target=client, args=(k,)) for k in range(CLIENTS)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()

        expected_status = {"consent.given": 200, "plan.signed": 409, "no.such.event": 422}
        wrong = [a for a in answers if a[2] != expected_status[a[1]]]  # with their bodies
        check_eq(wrong, [], f"[{backend}] every request got its own event's answer")
        check(all(a[4] == a[0] for a in answers), f"[{backend}] each outcome names its own case")
        for case in cases:
            accepted = sorted(a[3] for a in answers if a[0] == case and a[2] == 200)
            doc = admin.request("GET", f"/api/v1/instances/{case}").json()
            first = before[case] + 1
            check_eq(accepted, list(range(first, first + len(accepted))),
                     f"[{backend}] {case}: the accepted events have gapless sequence numbers")
            check_eq(doc["lastSeq"], before[case] + len(accepted),
                     f"[{backend}] {case}: the log grew by exactly the accepted events")
            names = [h["event"] for h in doc["history"] if h["seq"] > before[case]]
            check_eq(sorted(set(names)), ["consent.given"] if accepted else [],
                     f"[{backend}] {case}: no refused event was written")
        # A second server whose clock is ten minutes behind: its event happens at the instance's
        # last event's time instead of being refused as out of order.
        behind = env.serve("--at", "2027-02-01T08:50").client()
        check_eq(behind.sign_in("koord_s").status, 201, f"[{backend}] sign-in on the slow server")
        last = admin.request("GET", f"/api/v1/instances/{cases[0]}").json()
        r = behind.request("POST", f"/api/v1/instances/{cases[0]}/events",
                           {"event": "consent.given", "data": {"dataProcessing": True}})
        check_eq(r.status, 200, f"[{backend}] an event from a server whose clock is behind")
        doc = admin.request("GET", f"/api/v1/instances/{cases[0]}").json()
        check_eq((doc["lastSeq"], doc["history"][-1]["at"]),
                 (last["lastSeq"] + 1, last["history"][-1]["at"]),
                 f"[{backend}] ... recorded once, at the last event's time")

        # Replaying every log reproduces every stored state, whichever of the server's
        # connections applied each event (regression: the snapshot named the workflow file as
        # the connection that first registered it was given it, relative or absolute).
        verify = env.koop("verify", check_rc=False)
        check_eq((verify.returncode, verify.stdout.strip()[-40:]), (0, "verified 4 instances: 4 ok, 0 differ"),
                 f"[{backend}] koop verify: {verify.stderr[-300:]}")
    finally:
        env.close()


for b in backends():
    run(b)
finish()
