"""The server's log (issue #16): every line `koop serve` writes to standard error carries a
context id — the request id of the request that wrote it (the X-Request-Id its client saw), or
"serve" for start and stop — and never a personal field. Requests carry marker values in every
personal field (start data, events, refused events, a query string), personal reads go through
the API, the web pages, a pack and the .ics feed, then the whole log is searched for the markers
and for the feed's token (a credential). SQLite and (under scripts/with-postgres) PostgreSQL."""

import re
import signal

from koopapi import Env, backends, check, check_eq, finish

AT = "2027-02-01T09:00"
MARKERS = ["Zbigniewa Markerowska", "ul. Markerowa 17", "DIAGNOZA-MARKER-42", "ZGODA-MARKER-7"]
RODZINA = {"czlonkowie": [{"nr": 1, "imie_nazwisko": MARKERS[0], "adres": MARKERS[1]}]}
SYTUACJA = {"materialna": MARKERS[2]}
UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
LINE = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ [a-z]+ koop\.serve: \[(" + UUID + r"|serve)\] ")


def run(backend):
    env = Env(backend)
    try:
        env.add_user("koord_s", "coordinator", "sieradz")
        env.add_user("rops_10", "rops", "10")
        server = env.serve("--at", AT)
        c = server.client()
        seen_ids = []

        def req(method, path, body=None, **kw):
            r = c.request(method, path, body, **kw)
            seen_ids.append(r.header("X-Request-Id"))
            return r

        check_eq(c.sign_in("koord_s").status, 201, f"[{backend}] sign-in")
        seen_ids.append(None)  # the sign-in's id is not kept by the client
        r = req("POST", "/api/v1/instances", {"workflow": "case", "data": {
            "sprawa": {"numer": "MOPS/2027/031"}, "rodzina": RODZINA}})
        check_eq(r.status, 201, f"[{backend}] a case starts with personal data")
        case = r.json()["instance"]
        r = req("POST", f"/api/v1/instances/{case}/events",
                {"event": "interview.done", "data": {"sytuacja": SYTUACJA}})
        check_eq(r.status, 409, f"[{backend}] an event the stage does not take is refused")
        for event, data in [("diagnosis.started", {}),
                            ("interview.done", {"rodzina": RODZINA, "sytuacja": SYTUACJA}),
                            ("consent.given", {"dataProcessing": True, "team": True,
                                               "uwagi": MARKERS[3]})]:
            r = req("POST", f"/api/v1/instances/{case}/events", {"event": event, "data": data})
            check(r.status in (200, 422), f"[{backend}] {event} answered ({r.status})")
        r = req("POST", f"/api/v1/instances/{case}/events",
                {"event": "plan.signed", "data": {"plan": {"cel": MARKERS[0]}}})
        check_eq(r.status, 409, f"[{backend}] an event the stage does not take, with a marker")
        r = req("POST", f"/api/v1/instances/{case}/events",
                {"event": "no.such.event", "data": {"rodzina": MARKERS[0]}})
        check_eq(r.status, 422, f"[{backend}] an undeclared event with a marker")
        r = req("GET", f"/api/v1/instances/{case}")
        check(r.status == 200 and MARKERS[0] in r.body.decode(),
              f"[{backend}] the coordinator reads the personal fields")
        req("GET", "/api/v1/instances?case=" + MARKERS[0].replace(" ", "%20"))
        req("GET", "/api/v1/tasks?until=2027-12-31")
        req("GET", "/api/v1/deadlines")
        r = req("POST", f"/api/v1/instances/{case}/packs/case.consent")
        check(r.status in (200, 201), f"[{backend}] a pack with personal data renders ({r.status})")
        r = req("GET", f"/sprawy/{case}")
        check(r.status == 200 and MARKERS[0] in r.body.decode(),
              f"[{backend}] the case page shows the personal fields")
        req("GET", "/zadania")
        r = req("POST", "/api/v1/me/feed")
        check_eq(r.status, 201, f"[{backend}] a feed token")
        feed = r.json()["url"]
        token = feed.rsplit("/", 1)[1][: -len(".ics")]
        r = req("GET", feed)
        check_eq(r.status, 200, f"[{backend}] the .ics feed answers")
        rops = server.client()
        rops.sign_in("rops_10")
        r = rops.request("GET", f"/api/v1/instances/{case}")
        seen_ids.append(r.header("X-Request-Id"))
        check(r.status == 200 and MARKERS[0] not in r.body.decode(), f"[{backend}] rops reads")

        check_eq(server.stop(signal.SIGTERM), 0, f"[{backend}] the server stops")
        log = open(server.log_path, encoding="utf-8").read()
        lines = log.splitlines()
        check(len(lines) >= len(seen_ids), f"[{backend}] a line per request at least ({len(lines)})")
        bad = [l for l in lines if not LINE.match(l)]
        check_eq(bad, [], f"[{backend}] every log line carries a request id or 'serve'")
        for m in MARKERS:
            check(m not in log, f"[{backend}] the personal value {m!r} is not in the log")
        check(token not in log, f"[{backend}] the feed token is not in the log")
        logged = set(re.findall(r"koop\.serve: \[(" + UUID + r")\] ", log))
        missing = [i for i in seen_ids if i and i not in logged]
        check_eq(missing, [], f"[{backend}] each response's X-Request-Id leads to its log line")
        check(any("[serve] SIGTERM, finishing requests in flight" in l for l in lines),
              f"[{backend}] the stop is logged with the 'serve' context")
    finally:
        env.close()


for b in backends():
    run(b)
finish()
