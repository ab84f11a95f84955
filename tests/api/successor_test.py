"""The founding's last event through the API starts the partnership's operation (<k:successor>,
docs/model.md) in the same transaction, on the server's batched fire path: the 200 outcome names
the successor, which the coordinator then reads with the agreement's signatories as its register;
the finished founding takes no more events (422); `from` continues a founding by hand only once and
only within the account's municipality. A real `koop serve`;
SQLite and (under scripts/with-postgres) PostgreSQL."""

import re

from koopapi import Env, backends, check, check_eq, finish

AT = "2026-10-01T09:00"

PARTNERS = [{"nr": 1, "id": "gops", "nazwa": "Gminny Ośrodek Pomocy Społecznej w Zielonym Gaju"},
            {"nr": 2, "id": "pcpr", "nazwa": "Powiatowe Centrum Pomocy Rodzinie w Olszanach"},
            {"nr": 3, "id": "sp1", "nazwa": "Szkoła Podstawowa nr 1 w Zielonym Gaju"}]
FOUNDING = [
    ("analysis.diagnosis.done", {"data": "2026-10-01"}),
    ("analysis.resources.done", {}),
    ("analysis.network.done", {"data": "2026-10-01"}),
    ("initiation.self", {}),
    ("authorities.met", {"data": "2026-10-01", "minutes": 40, "protocol": True}),
    ("meeting.planned", {"spotkanie": {"data": "2026-12-09", "godzina_od": "11:00",
                                       "godzina_do": "13:00", "potwierdzenie_do": "2026-12-04"}}),
    ("meeting.held", {"protocol": True}),
    ("agreement.signed", {"porozumienie": {"data": "2026-12-18"}, "partnerzy": PARTNERS}),
    ("copies.sent", {}),
]


def run(backend):
    env = Env(backend)
    try:
        env.add_user("koord_z", "coordinator", "zielony-gaj")
        env.add_user("koord_s", "coordinator", "sieradz")
        server = env.serve("--at", AT)
        kz = server.client()
        check_eq(kz.sign_in("koord_z").status, 201, f"[{backend}] the coordinator signs in")
        r = kz.request("POST", "/api/v1/instances", {"workflow": "pzk-founding"})
        check_eq(r.status, 201, f"[{backend}] the founding starts")
        founding = r.json()["instance"]
        for event, data in FOUNDING:
            r = kz.request("POST", f"/api/v1/instances/{founding}/events", {"event": event, "data": data})
            check_eq(r.status, 200, f"[{backend}] {event}: {r.body[:200]!r}")
            check("successor" not in r.json(), f"[{backend}] {event} starts nothing")
        r = kz.request("POST", f"/api/v1/instances/{founding}/events", {"event": "rops.informed"})
        check_eq(r.status, 200, f"[{backend}] the last event of the founding")
        outcome = r.json()
        check_eq(outcome.get("finished"), True, f"[{backend}] the founding finished")
        successor = outcome.get("successor", "")
        check(re.fullmatch(r"pzk-operation-[0-9a-f]{10}", successor) is not None,
              f"[{backend}] the outcome names the operation it started: {successor!r}")
        r = kz.request("GET", f"/api/v1/instances/{successor}")
        check_eq(r.status, 200, f"[{backend}] the coordinator reads the operation")
        doc = r.json()
        check_eq(doc.get("workflow", {}).get("id"), "pzk-operation", f"[{backend}] it is the operation")
        register = [m["id"] for m in doc.get("data", {}).get("kooperanci", [])]
        check_eq(register, ["gops", "pcpr", "sp1"], f"[{backend}] its register is the agreement's signatories")
        r = kz.request("POST", f"/api/v1/instances/{founding}/events", {"event": "rops.informed"})
        check_eq(r.status, 422, f"[{backend}] the finished founding takes no more events")
        # `from` continues a finished instance by hand, once: this one was continued already; an
        # instance of another municipality is answered as absent (nothing of it leaks).
        r = kz.request("POST", "/api/v1/instances", {"workflow": "pzk-operation", "from": founding})
        check_eq(r.status, 422, f"[{backend}] a second start from the founding is refused")
        check(f"instance {founding} was already continued by {successor}" in r.body.decode("utf-8"),
              f"[{backend}] ... saying by which instance: {r.body[:300]!r}")
        ks = server.client()
        check_eq(ks.sign_in("koord_s").status, 201, f"[{backend}] Sieradz's coordinator signs in")
        r = ks.request("POST", "/api/v1/instances", {"workflow": "pzk-operation", "from": founding})
        check_eq(r.status, 422, f"[{backend}] another municipality's founding cannot be continued")
        check(f"/from: no instance '{founding}'" in r.body.decode("utf-8") and "zielony" not in r.body.decode("utf-8"),
              f"[{backend}] ... and is answered as absent: {r.body[:300]!r}")
    finally:
        env.close()


for b in backends():
    run(b)
finish()
