"""A server killed (SIGKILL) in the middle of a fire loop leaves no half-applied event: six
clients fire on three cases through the group commit until the server dies at a random moment;
then `koop verify` replays every instance's log against its stored state (exit 0), every event a
client was answered 200 for is in the log (an answer comes only after a durable commit), and a
new server on the same database serves on. SQLite and (under scripts/with-postgres) PostgreSQL."""

import random
import signal
import threading
import time

from koopapi import Env, backends, cases_in_diagnosis, check, check_eq, finish

AT = "2027-02-01T09:00"


def run(backend):
    env = Env(backend)
    try:
        env.add_user("koord_s", "coordinator", "sieradz")
        server = env.serve("--at", AT)
        c = server.client()
        check_eq(c.sign_in("koord_s").status, 201, f"[{backend}] sign-in")
        cases = cases_in_diagnosis(c, [f"MOPS/2027/2{n:02d}" for n in range(3)])

        acknowledged = {case: set() for case in cases}
        lock = threading.Lock()
        stop = threading.Event()

        # Signed in first (Argon2id is slow on a loaded machine): the kill hits a fire loop.
        signed = [server.client() for _ in range(6)]
        for me in signed:
            check_eq(me.sign_in("koord_s").status, 201, f"[{backend}] a client signs in")

        def client(k):
            me = signed[k]
            i = 0
            while not stop.is_set() and i < 2000:
                case = cases[(k + i) % len(cases)]
                i += 1
                try:
                    r = me.request("POST", f"/api/v1/instances/{case}/events",
                                   {"event": "consent.given", "data": {"dataProcessing": True}})
                except OSError:
                    return  # the server is gone
                if r.status == 200:
                    with lock:
                        acknowledged[case].add(r.json()["seq"])

        threads = [threading.Thread(target=client, args=(k,)) for k in range(6)]
        for t in threads:
            t.start()
        for _ in range(400):  # until some events are through (at most 20 s), then a random moment
            with lock:
                if sum(len(v) for v in acknowledged.values()) >= 10:
                    break
            time.sleep(0.05)
        time.sleep(random.uniform(0.0, 0.5))
        server.proc.send_signal(signal.SIGKILL)
        server.proc.wait()
        stop.set()
        for t in threads:
            t.join()
        total = sum(len(v) for v in acknowledged.values())
        check(total > 0, f"[{backend}] events were acknowledged before the kill ({total})")

        verify = env.koop("verify", check_rc=False)
        check_eq(verify.returncode, 0, f"[{backend}] koop verify after the kill: {verify.stdout[-300:]}"
                 f"{verify.stderr[-300:]}")
        after = env.serve("--at", "2027-02-01T10:00")  # later than every event recorded
        a = after.client()
        check_eq(a.sign_in("koord_s").status, 201, f"[{backend}] a new server signs in")
        for case in cases:
            doc = a.request("GET", f"/api/v1/instances/{case}").json()
            seqs = [h["seq"] for h in doc["history"]]
            check_eq(seqs, list(range(seqs[0], seqs[0] + len(seqs))) if seqs else [],
                     f"[{backend}] {case}: the log has no gap")
            check_eq(doc["lastSeq"], seqs[-1], f"[{backend}] {case}: the state is at the last event")
            missing = sorted(acknowledged[case] - set(seqs))
            check_eq(missing, [], f"[{backend}] {case}: every acknowledged event is in the log")
        r = a.request("POST", f"/api/v1/instances/{cases[0]}/events",
                      {"event": "consent.given", "data": {"dataProcessing": True}})
        check_eq(r.status, 200, f"[{backend}] firing goes on after the restart")
    finally:
        env.close()


for b in backends():
    run(b)
finish()
