"""Checks of the web application without the browser (urllib with its own cookies): the
security headers, requests a browser would not send, and the JSON API refusing what the pages
refuse."""
import web_fixture as fx


def check_headers(base_url):
    """The headers a browser gets with every page (urllib: the browser does not show them)."""
    import urllib.request
    with urllib.request.urlopen(base_url + "/logowanie", timeout=10) as r:
        csp = r.headers.get("Content-Security-Policy", "")
        fx.expect("script-src 'self'" in csp or "default-src 'self'" in csp,
               "a Content-Security-Policy limiting scripts to the site", csp)
        fx.expect("unsafe-inline" not in csp, "no 'unsafe-inline' in the CSP", csp)
        fx.expect(r.headers.get("X-Content-Type-Options") == "nosniff", "X-Content-Type-Options",
               r.headers.get("X-Content-Type-Options"))
        fx.expect("frame-ancestors 'none'" in csp or r.headers.get("X-Frame-Options") == "DENY",
               "frames denied", r.headers.get("X-Frame-Options"))


def forged_requests_change_nothing(base_url, case_id):
    """Requests a browser would not send: no CSRF token, another site's Origin, an event the
    stage does not take, a declared value of the wrong type. Each is refused, nothing recorded."""
    import http.cookiejar
    import re
    import urllib.error
    import urllib.parse
    import urllib.request
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

    def send(path, fields, origin=base_url):
        req = urllib.request.Request(base_url + path, urllib.parse.urlencode(fields, doseq=True)
                                     .encode(), headers={"Origin": origin})
        try:
            with opener.open(req, timeout=20) as r:
                return r.status, r.read().decode()
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode()

    status, _ = send("/logowanie", {"login": "koordynatorka", "haslo": fx.PASSWORD})
    fx.expect(status == 200, "signed in over HTTP (303 followed to Moje zadania)", status)
    with opener.open(base_url + "/sprawy/" + case_id, timeout=20) as r:
        page = r.read().decode()
    csrf = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
    history = page.count("<td data-label=\"Kiedy\">")
    status, _ = send("/sprawy/%s/zdarzenia" % case_id, {"zdarzenie": "invitations.sent"})
    fx.expect(status == 403, "an action without the CSRF token is refused (403)", status)
    status, _ = send("/sprawy/%s/zdarzenia" % case_id,
                     {"_csrf": csrf, "zdarzenie": "invitations.sent"}, origin="http://evil.example")
    fx.expect(status == 403, "an action from another site is refused (403)", status)
    status, body = send("/sprawy/%s/zdarzenia" % case_id, {"_csrf": csrf, "zdarzenie": "plan.signed"})
    fx.expect(status == 409 and "nie przyjmuje zdarzenia" in body,
           "an action the stage does not take is refused in Polish (409)", status)
    status, body = send("/sprawy/%s/zdarzenia" % case_id,
                        {"_csrf": csrf, "zdarzenie": "team.convened", "instytucje": ["sp5", "nope"],
                         "posiedzenie.data": "2027-02-30", "posiedzenie.godzina": "25:00",
                         "posiedzenie.minuty": "półtorej", "posiedzenie.miejsce": ""})
    for problem in ("„Instytucje zaproszone na posiedzenie”: nieznana instytucja.",
                    "„Data posiedzenia”: podaj datę w formacie RRRR-MM-DD.",
                    "„Godzina rozpoczęcia”: podaj godzinę w formacie GG:MM.",
                    "„Czas trwania (w minutach)”: podaj liczbę całkowitą.",
                    "„Miejsce posiedzenia”: pole jest wymagane."):
        fx.expect(status == 422 and problem in body, "every bad value named at once: " + problem,
               status)
    with opener.open(base_url + "/sprawy/" + case_id, timeout=20) as r:
        after = r.read().decode().count("<td data-label=\"Kiedy\">")
    fx.expect(after == history, "the refused requests recorded nothing", (history, after))


def api_refuses_saturday(base_url, case_id):
    """The JSON API refuses the Saturday meeting as the page does (the same check, the same
    Polish words) and writes nothing; a weekday passes that check."""
    import json
    import urllib.error
    import urllib.request

    def call(method, path, body=None, headers=None):
        req = urllib.request.Request(base_url + path, method=method,
                                     data=None if body is None else json.dumps(body).encode(),
                                     headers=dict({"Content-Type": "application/json"},
                                                  **(headers or {})))
        try:
            with opener.open(req, timeout=20) as r:
                return r.status, r.headers, r.read().decode()
        except urllib.error.HTTPError as e:
            return e.code, e.headers, e.read().decode()

    import http.cookiejar
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    status, headers, _ = call("POST", "/api/v1/session",
                              {"login": "koordynatorka", "password": fx.PASSWORD})
    fx.expect(status == 201, "signed in to the API", status)
    csrf = {"X-CSRF-Token": headers["X-CSRF-Token"]}
    _, _, before = call("GET", "/api/v1/instances/" + case_id)
    data = {"instytucje": [{"id": "mops", "nr": 1}],
            "posiedzenie": {"data": "2027-02-13", "godzina": "10:00", "minuty": 90,
                            "miejsce": "sala 1"}}
    status, headers, body = call("POST", "/api/v1/instances/%s/events" % case_id,
                                 {"event": "team.convened", "data": data}, csrf)
    problem = json.loads(body)
    fx.expect(status == 422 and headers.get("Content-Type", "").startswith("application/problem+json"),
           "the API refuses a Saturday meeting with 422 problem+json", (status, body))
    fx.expect(problem.get("reason") ==
           "„Data posiedzenia”: 13 lutego 2027 r. to sobota – wybierz dzień roboczy.",
           "the API's reason in Polish, the page's words", problem)
    fx.expect(problem.get("detail") ==
           "/data/posiedzenie/data: 2027-02-13 is not a working day of the office",
           "the detail names the JSON pointer", problem)
    for date, start, end in (("2027-02-14", "„Data posiedzenia”: 14 lutego 2027 r. to niedziela",
                              " – wybierz dzień roboczy."),
                             ("2027-05-03", "„Data posiedzenia”: 3 maja 2027 r. to dzień wolny od "
                              "pracy (", ") – wybierz dzień roboczy.")):
        data["posiedzenie"]["data"] = date
        status, _, body = call("POST", "/api/v1/instances/%s/events" % case_id,
                               {"event": "team.convened", "data": data}, csrf)
        reason = json.loads(body).get("reason", "")
        fx.expect(status == 422 and reason.startswith(start) and reason.endswith(end),
               "the API refuses %s: %s" % (date, reason), (status, body))
    data["posiedzenie"]["data"] = "2027-02-13T10:00"
    status, _, body = call("POST", "/api/v1/instances/%s/events" % case_id,
                           {"event": "team.convened", "data": data}, csrf)
    fx.expect(status == 422 and "podaj datę w formacie RRRR-MM-DD" in json.loads(body)["reason"],
           "a declared date that is not YYYY-MM-DD is refused", (status, body))
    _, _, after = call("GET", "/api/v1/instances/" + case_id)
    fx.expect(json.loads(after)["history"] == json.loads(before)["history"],
           "the refused API calls recorded nothing")
