#!/usr/bin/python3
"""Browser tests of the web application (issue #14): a real headless Chromium against `koop serve`
on loopback, on a fresh SQLite database. Every page visited is checked with axe-core (WCAG 2.1 A
and AA: zero violations) and, for the main pages, photographed into docs/screenshots/.

    browser_test.py --koop build/runner/koop --source-dir . [--screenshots docs/screenshots]

Exit 0 when every check passed, 1 on the first failure (with what was expected and seen), 77 when
Chromium, its driver or Selenium is missing (ctest counts it as skipped, and says so).
"""
import argparse
import glob
import os
import sys
import tempfile
import time
import traceback
import zipfile

import web_fixture as fx

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


class Browser:
    def __init__(self, driver, base_url, axe, shots_dir, downloads):
        self.d = driver
        self.base = base_url
        self.axe = axe
        self.shots = shots_dir
        self.downloads = downloads
        self.checked = []
        self.history = []  # (url, title) of every page the browser showed: its history

    # --- navigation -------------------------------------------------------------------------
    def remember(self):
        self.history.append((self.d.current_url, self.d.title))

    def get(self, path):
        self.d.get(self.base + path)
        self.remember()

    def path(self):
        return self.d.current_url[len(self.base):]

    def by_css(self, css):
        return self.d.find_element("css selector", css)

    def all_css(self, css):
        return self.d.find_elements("css selector", css)

    def text(self):
        return self.by_css("body").text

    def h1(self):
        return self.by_css("h1").text

    def submit(self, button):
        """Clicks a submit button and waits until the answer replaced the page."""
        from selenium.common.exceptions import WebDriverException
        from selenium.webdriver.support.ui import WebDriverWait
        old = self.by_css("html")
        button.click()

        def replaced(_):
            # Chromium reports a node of the page just left either as stale or as "does not
            # belong to the document"; both mean the answer replaced the page.
            try:
                old.is_enabled()
                return False
            except WebDriverException:
                return self.d.execute_script("return document.readyState") == "complete"

        WebDriverWait(self.d, 30).until(replaced)
        self.remember()

    def sign_in(self, login, password=fx.PASSWORD):
        self.get("/logowanie")
        self.by_css("#login").send_keys(login)
        self.by_css("#haslo").send_keys(password)
        self.submit(self.by_css("form button[type=submit]"))

    def sign_out(self):
        self.submit(self.by_css(".account form button"))
        expect(self.path().startswith("/logowanie"), "signed out to /logowanie", self.path())

    # --- checks every page gets ---------------------------------------------------------------
    def check_page(self, name, shot=False):
        """axe-core on the page as it is now; the page's security headers are checked by
        check_headers. A screenshot goes to docs/screenshots/NAME.png when asked."""
        expect(self.by_css("html").get_attribute("lang") == "pl", name + ": lang=pl",
               self.by_css("html").get_attribute("lang"))
        self.d.execute_script(self.axe)
        result = self.d.execute_async_script(
            "var done = arguments[arguments.length - 1];"
            "axe.run(document, {runOnly: {type: 'tag', values: %r}})"
            ".then(function (r) { done(r.violations.map(function (v) {"
            "  return v.id + ': ' + v.help + ' -> ' + v.nodes.map(function (n) {"
            "    return n.target.join(' '); }).join(', '); })); })"
            ".catch(function (e) { done(['axe failed: ' + e]); });" % AXE_TAGS)
        expect(result == [], name + ": no axe-core violations at WCAG 2.1 A/AA", result)
        self.checked.append(name)
        if shot and self.shots:
            self.d.execute_script("window.scrollTo(0, 0);")
            self.d.save_screenshot(os.path.join(self.shots, name + ".png"))

    def new_download(self, before, timeout=60):
        deadline = time.time() + timeout
        while time.time() < deadline:
            files = set(glob.glob(os.path.join(self.downloads, "*")))
            done = [f for f in files - before if not f.endswith(".crdownload")]
            if done:
                return done[0]
            time.sleep(0.2)
        raise AssertionError("no download appeared in %ds" % timeout)


def personal_values_not_in_history(b):
    """Personal values typed or stored (the family's name, the diagnosis: fx.HOSTILE) never reach
    an address or a title the browser keeps in its history."""
    import urllib.parse
    markers = ["Zażółć", "gęślą", "jaźń", "pogrubienie"]
    leaks = []
    for url, title in b.history:
        plain = urllib.parse.unquote_plus(url)
        leaks += [(url, m) for m in markers if m in plain or m in title]
    expect(leaks == [], "no personal value in the %d addresses and titles of the browser's "
           "history" % len(b.history), leaks)


def expect(condition, what, seen=None):
    if not condition:
        raise AssertionError("expected " + what + (("; saw: %r" % (seen,)) if seen is not None
                                                    else ""))
    print("ok - " + what, flush=True)


def check_headers(base_url):
    """The headers a browser gets with every page (urllib: the browser does not show them)."""
    import urllib.request
    with urllib.request.urlopen(base_url + "/logowanie", timeout=10) as r:
        csp = r.headers.get("Content-Security-Policy", "")
        expect("script-src 'self'" in csp or "default-src 'self'" in csp,
               "a Content-Security-Policy limiting scripts to the site", csp)
        expect("unsafe-inline" not in csp, "no 'unsafe-inline' in the CSP", csp)
        expect(r.headers.get("X-Content-Type-Options") == "nosniff", "X-Content-Type-Options",
               r.headers.get("X-Content-Type-Options"))
        expect("frame-ancestors 'none'" in csp or r.headers.get("X-Frame-Options") == "DENY",
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
    expect(status == 200, "signed in over HTTP (303 followed to Moje zadania)", status)
    with opener.open(base_url + "/sprawy/" + case_id, timeout=20) as r:
        page = r.read().decode()
    csrf = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
    history = page.count("<td data-label=\"Kiedy\">")
    status, _ = send("/sprawy/%s/zdarzenia" % case_id, {"zdarzenie": "invitations.sent"})
    expect(status == 403, "an action without the CSRF token is refused (403)", status)
    status, _ = send("/sprawy/%s/zdarzenia" % case_id,
                     {"_csrf": csrf, "zdarzenie": "invitations.sent"}, origin="http://evil.example")
    expect(status == 403, "an action from another site is refused (403)", status)
    status, body = send("/sprawy/%s/zdarzenia" % case_id, {"_csrf": csrf, "zdarzenie": "plan.signed"})
    expect(status == 409 and "nie przyjmuje zdarzenia" in body,
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
        expect(status == 422 and problem in body, "every bad value named at once: " + problem,
               status)
    with opener.open(base_url + "/sprawy/" + case_id, timeout=20) as r:
        after = r.read().decode().count("<td data-label=\"Kiedy\">")
    expect(after == history, "the refused requests recorded nothing", (history, after))


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
    expect(status == 201, "signed in to the API", status)
    csrf = {"X-CSRF-Token": headers["X-CSRF-Token"]}
    _, _, before = call("GET", "/api/v1/instances/" + case_id)
    data = {"instytucje": [{"id": "mops", "nr": 1}],
            "posiedzenie": {"data": "2027-02-13", "godzina": "10:00", "minuty": 90,
                            "miejsce": "sala 1"}}
    status, headers, body = call("POST", "/api/v1/instances/%s/events" % case_id,
                                 {"event": "team.convened", "data": data}, csrf)
    problem = json.loads(body)
    expect(status == 422 and headers.get("Content-Type", "").startswith("application/problem+json"),
           "the API refuses a Saturday meeting with 422 problem+json", (status, body))
    expect(problem.get("reason") ==
           "„Data posiedzenia”: 13 lutego 2027 r. to sobota – wybierz dzień roboczy.",
           "the API's reason in Polish, the page's words", problem)
    expect(problem.get("detail") ==
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
        expect(status == 422 and reason.startswith(start) and reason.endswith(end),
               "the API refuses %s: %s" % (date, reason), (status, body))
    data["posiedzenie"]["data"] = "2027-02-13T10:00"
    status, _, body = call("POST", "/api/v1/instances/%s/events" % case_id,
                           {"event": "team.convened", "data": data}, csrf)
    expect(status == 422 and "podaj datę w formacie RRRR-MM-DD" in json.loads(body)["reason"],
           "a declared date that is not YYYY-MM-DD is refused", (status, body))
    _, _, after = call("GET", "/api/v1/instances/" + case_id)
    expect(json.loads(after)["history"] == json.loads(before)["history"],
           "the refused API calls recorded nothing")


# --- the scenarios -------------------------------------------------------------------------------

def set_value(b, element, value):
    """Date and time inputs take typed text in the browser's locale; set the value itself."""
    b.d.execute_script("arguments[0].value = arguments[1];", element, value)


def strip_client_checks(b, form):
    """What a browser could check before sending is removed: `required`, the date, time and
    number input types, the form's validation. A refusal after this comes from the server."""
    b.d.execute_script(
        "var f = arguments[0]; f.noValidate = true;"
        "f.querySelectorAll('input, select, textarea').forEach(function (i) {"
        "  i.removeAttribute('required'); i.removeAttribute('min'); i.removeAttribute('max');"
        "  if (['date', 'time', 'number'].indexOf(i.type) >= 0) i.type = 'text'; });", form)


def fill_convening(b, case_id, meeting_date, strip=False):
    b.get("/sprawy/" + case_id)
    details = b.by_css("#akcja-team-convened")
    if details.get_attribute("open") is None:
        details.find_element("css selector", "summary").click()
    form = details.find_element("css selector", "form")
    if strip:
        strip_client_checks(b, form)
    for inst in ("mops", "sp5", "razem"):
        box = form.find_element("css selector", "#f-team-convened-instytucje-" + inst)
        if not box.is_selected():
            box.click()
    set_value(b, form.find_element("css selector", "#f-team-convened-posiedzenie-data"),
              meeting_date)
    set_value(b, form.find_element("css selector", "#f-team-convened-posiedzenie-godzina"),
              "10:00")
    minutes = form.find_element("css selector", "#f-team-convened-posiedzenie-minuty")
    minutes.clear()
    minutes.send_keys("90")
    place = form.find_element("css selector", "#f-team-convened-posiedzenie-miejsce")
    place.clear()
    place.send_keys(fx.HOSTILE)
    b.submit(form.find_element("css selector", "button[type=submit]"))


def coordinator_convenes_team(b, case_id, shots):
    b.get("/logowanie")
    b.check_page("logowanie", shot=shots)
    b.sign_in("koordynatorka", "zle-haslo-123")
    expect("Nieprawidłowy login lub hasło." in b.text(), "a wrong password is refused in Polish")
    b.sign_in("koordynatorka")
    expect(b.h1() == "Moje zadania", "the coordinator lands on Moje zadania", b.h1())

    # Finds the case by its number.
    b.get("/sprawy")
    b.by_css("#numer").send_keys("MOPS/2027/003")
    b.submit(b.by_css("form[role=search] button"))
    expect("numer=MOPS%2F2027%2F003" in b.path(), "the search is a GET with the case number only",
           b.path())
    links = [a.text for a in b.all_css("table a")]
    expect(links == ["MOPS/2027/003"], "exactly the case found by its number", links)
    b.check_page("sprawy", shot=shots)
    b.submit(b.by_css("table a"))
    expect(b.h1() == "Sprawa MOPS/2027/003", "the case page is titled by its number", b.h1())
    expect("Diagnoza sytuacji" in b.by_css(".stage").text, "the stage in Polish",
           b.by_css(".stage").text)
    expect(b.d.title == "Sprawa MOPS/2027/003 – Kooperacja", "no personal data in the title",
           b.d.title)

    # A Saturday meeting is refused where the coordinator acted; nothing is recorded.
    events_before = len(b.all_css("#przebieg ~ .table-wrap tbody tr"))
    fill_convening(b, case_id, "2027-02-13")
    refusal = b.by_css("#odmowa").text
    expect("sobota" in refusal and "13 lutego 2027 r." in refusal,
           "the Saturday meeting is refused with the reason", refusal)
    expect(b.by_css("#akcja-team-convened").get_attribute("open") is not None,
           "the refused form stays open with what was typed")
    expect(b.by_css("#f-team-convened-posiedzenie-miejsce").get_attribute("value") == fx.HOSTILE,
           "the typed place comes back as text, not markup")
    expect("Diagnoza sytuacji" in b.by_css(".stage").text, "the stage did not change")
    expect("/zdarzenia" in b.path() and "?" not in b.path(),
           "the refusal answers the POST: no data in the URL", b.path())
    b.check_page("sprawa-odmowa", shot=shots)
    b.get("/sprawy/" + case_id)
    expect(len(b.all_css("#przebieg ~ .table-wrap tbody tr")) == events_before,
           "the refused action left no event in the timeline")

    # The same Saturday typed as plain text into a form stripped of every client-side check:
    # the server refuses it by the municipality's calendar, in Polish, at the form.
    fill_convening(b, case_id, "2027-02-13", strip=True)
    reasons = [li.text for li in b.all_css("#odmowa li")]
    expect(reasons == ["„Data posiedzenia”: 13 lutego 2027 r. to sobota – wybierz dzień roboczy."],
           "the server names the Saturday, not the browser", reasons)
    expect(b.by_css("#f-team-convened-posiedzenie-data").get_attribute("value") == "2027-02-13"
           and b.by_css("#f-team-convened-posiedzenie-minuty").get_attribute("value") == "90",
           "the typed values are kept in the refused form")
    b.get("/sprawy/" + case_id)
    expect(len(b.all_css("#przebieg ~ .table-wrap tbody tr")) == events_before,
           "the server-refused action left no event either")

    # A Wednesday is taken.
    fill_convening(b, case_id, "2027-02-17")
    expect("Zapisano: Zwołano posiedzenie zespołu." in b.text(), "the action is confirmed")
    expect("Zwołanie posiedzenia zespołu" in b.by_css(".stage").text, "the stage moved",
           b.by_css(".stage").text)
    timeline = b.by_css("#przebieg ~ .table-wrap tbody tr").text
    expect("koordynatorka" in timeline and "Zwołano posiedzenie zespołu" in timeline,
           "the timeline names who did what", timeline)
    deadlines = [r.text for r in b.all_css("#terminy ~ .table-wrap tbody tr")]
    expect(any("Wysłanie pisemnych zaproszeń" in r and "10 lutego 2027 r." in r for r in deadlines),
           "the invitations deadline: 5 working days before 17 February", deadlines)
    b.check_page("sprawa", shot=shots)

    # Downloads the invitation pack and reads the documents.
    before = set(glob.glob(os.path.join(b.downloads, "*")))
    b.by_css("button[aria-label='DOCX: Zaproszenia na posiedzenie zespołu']").click()
    archive = b.new_download(before)
    import docx
    with zipfile.ZipFile(archive) as z:
        names = sorted(z.namelist())
        expect(len(names) == 3 and all(n.endswith(".docx") for n in names),
               "one invitation per institution", names)
        texts = []
        for n in names:
            z.extract(n, b.downloads)
            texts.append("\n".join(p.text for p in docx.Document(
                os.path.join(b.downloads, n)).paragraphs))
    expect(all("Sprawa nr MOPS/2027/003" in t for t in texts), "each invitation names the case")
    expect(any("Szkoła Podstawowa nr 5 w Sieradzu" in t for t in texts),
           "an invitation is addressed to the school")
    expect(all(fx.HOSTILE in t for t in texts),
           "the meeting place typed in the form is in each invitation as plain text")

    # The deadline is under Moje zadania.
    b.get("/zadania")
    week = b.by_css("#grupa-ten-tydzien").find_element("xpath", "..").text
    expect("MOPS/2027/003" in week and "Wysłanie pisemnych zaproszeń" in week,
           "the invitations deadline is under Ten tydzień", week)
    b.check_page("zadania", shot=shots)
    b.d.set_window_size(390, 844)  # a phone: the tables become cards, nothing scrolls sideways
    wide = b.d.execute_script("return document.documentElement.scrollWidth > window.innerWidth")
    expect(not wide, "Moje zadania fits a phone's width")
    b.check_page("zadania-telefon", shot=shots)
    b.d.set_window_size(1366, 768)
    b.get("/kalendarz")
    expect("Wysłanie pisemnych zaproszeń" in b.text(), "the deadline is in the calendar")
    b.check_page("kalendarz", shot=shots)
    b.submit(b.by_css("form[action='/kalendarz/subskrypcja'] button"))
    feed = b.by_css(".ics a").text
    expect(feed.startswith(b.base + "/api/v1/feed/") and feed.endswith(".ics"),
           "a personal .ics address", feed)
    b.get("/partnerstwa")
    b.check_page("partnerstwa", shot=shots)
    b.get("/haslo")
    b.check_page("haslo")
    b.sign_out()


NEW_NUMBER = "MOPS/2027/005 <script>alert('n')</script> \"Łódź\" 'ń'"


def coordinator_starts_case_and_partnership(b, shots):
    from selenium.webdriver.support.ui import Select
    b.sign_in("koordynatorka")
    b.get("/sprawy")
    b.submit(b.by_css("a[href='/sprawy/nowa']"))
    expect(b.h1() == "Nowa sprawa", "the case list leads to the new-case form", b.h1())
    labels = [l.text for l in b.all_css("#start-case label")]
    expect(labels == ["Numer sprawy (np. MOPS/2027/005) *",
                      "Kto zgłosił potrzebę (OPS albo kooperant) *",
                      "Instytucja kooperanta, który zgłosił potrzebę"],
           "the form asks for the workflow's declared start values with their Polish titles",
           labels)
    b.check_page("sprawa-nowa", shot=shots)
    b.d.set_window_size(390, 844)
    wide = b.d.execute_script("return document.documentElement.scrollWidth > window.innerWidth")
    expect(not wide, "the new-case form fits a phone's width")
    b.d.set_window_size(1366, 768)

    # Nothing filled and no browser checks: the server names every missing value at once.
    form = b.by_css("#start-case form")
    strip_client_checks(b, form)
    b.submit(form.find_element("css selector", "button[type=submit]"))
    reasons = [li.text for li in b.all_css("#odmowa li")]
    expect(reasons == ["„Numer sprawy (np. MOPS/2027/005)”: pole jest wymagane.",
                       "„Kto zgłosił potrzebę (OPS albo kooperant)”: pole jest wymagane."],
           "the missing values are named by their titles", reasons)

    # A number already used in the municipality is refused; what was typed stays.
    b.by_css("#f-start-case-sprawa-numer").send_keys("MOPS/2027/003")
    Select(b.by_css("#f-start-case-zgloszenie-kanal")).select_by_value("kooperant")
    Select(b.by_css("#f-start-case-zgloszenie-instytucja")).select_by_value("sp5")
    b.submit(b.by_css("#start-case button[type=submit]"))
    reasons = [li.text for li in b.all_css("#odmowa li")]
    expect(reasons == ["Sprawa o numerze MOPS/2027/003 już istnieje w tej gminie."],
           "a case number in use is refused", reasons)
    expect(Select(b.by_css("#f-start-case-zgloszenie-instytucja")).first_selected_option
           .get_attribute("value") == "sp5", "the chosen institution is kept")
    expect("?" not in b.path(), "the refusal answers the POST: no data in the URL", b.path())

    # A new number (markup, quotes and Polish letters in it) comes back as text when refused ...
    number = b.by_css("#f-start-case-sprawa-numer")
    number.clear()
    number.send_keys(NEW_NUMBER)
    Select(b.by_css("#f-start-case-zgloszenie-kanal")).select_by_value("")
    strip_client_checks(b, b.by_css("#start-case form"))
    b.submit(b.by_css("#start-case button[type=submit]"))
    expect(b.by_css("#f-start-case-sprawa-numer").get_attribute("value") == NEW_NUMBER,
           "the typed number comes back as text after a refusal")
    # ... and starts the case.
    Select(b.by_css("#f-start-case-zgloszenie-kanal")).select_by_value("kooperant")
    b.submit(b.by_css("#start-case button[type=submit]"))
    expect(b.h1() == "Sprawa " + NEW_NUMBER, "the new case's page, its number shown as text",
           b.h1())
    expect("Rozpoczęto: Praca z osobą/rodziną/grupą." in b.text(), "the start is confirmed")
    expect(b.path().startswith("/sprawy/case-") and b.path().endswith("?rozpoczeto=1"),
           "the redirect carries no data", b.path())
    expect(b.d.execute_script("return document.querySelectorAll('main script').length") == 0,
           "no element was created from the number")
    timeline = b.by_css("#przebieg ~ .table-wrap tbody tr").text
    expect("koordynatorka" in timeline, "the start is recorded under the coordinator", timeline)
    b.check_page("sprawa-nowa-rozpoczeta")

    # A partnership: every workflow of that kind that declares a start, each its own form.
    b.get("/partnerstwa")
    b.submit(b.by_css("a[href='/partnerstwa/nowe']"))
    titles = [t.text for t in b.all_css("details summary")]
    expect(titles == ["Zawiązanie Partnerskiego Zespołu Kooperacji",
                      "Działanie Partnerskiego Zespołu Kooperacji"],
           "the partnership workflows are offered by their Polish titles", titles)
    b.check_page("partnerstwo-nowe", shot=shots)
    b.by_css("#start-pzk-founding summary").click()
    b.submit(b.by_css("#start-pzk-founding button[type=submit]"))
    expect("Rozpoczęto: Zawiązanie Partnerskiego Zespołu Kooperacji." in b.text(),
           "the founding is started", b.text()[:300])
    b.get("/partnerstwa")
    expect(b.by_css("p[role=status]").text == "Znaleziono: 2.", "two partnerships now",
           b.by_css("p[role=status]").text)
    b.sign_out()


def hostile_values_render_as_text(b, case_id):
    b.sign_in("pedagog.sp5")
    b.get("/sprawy/" + case_id)
    source = b.d.page_source
    expect("<script>alert" not in source, "no live <script> from field values")
    body = b.text()
    expect(fx.HOSTILE in body, "the hostile value is shown as typed (markup, quotes, Polish)")
    alerts = b.d.execute_script("return document.querySelectorAll('main script, main b').length")
    expect(alerts == 0, "no element was created from a value", alerts)
    b.check_page("sprawa-czlonek")
    b.sign_out()


def member_of_another_institution_cannot_reach(b, case_id):
    b.sign_in("dzielnicowa.kpp")
    b.get("/sprawy")
    expect("MOPS/2027/003" not in b.text(), "the case is not in the police member's list")
    b.get("/sprawy?numer=MOPS%2F2027%2F003")
    expect("Nie znaleziono." in b.text(), "the search by number finds nothing")
    for path in ("/sprawy/" + case_id, "/sprawy/" + case_id + "/schemat.svg"):
        b.get(path)
        expect(b.h1() == "Nie znaleziono", "the case page by URL does not exist for them: " + path,
               b.h1())
    b.check_page("nie-znaleziono")
    b.get("/zadania")
    expect("MOPS/2027/003" not in b.text(), "its deadlines are not among their tasks")
    b.sign_out()


def rops_sees_no_personal_data(b, case_id):
    b.sign_in("rops.lodz")
    b.get("/sprawy/" + case_id)
    text = b.text()
    expect("imie_nazwisko" not in text and "wnioski" not in text and "(dane osobowe)" not in text,
           "rops sees no personal field (family, diagnosis)")
    expect("miejsce: " + fx.HOSTILE in text, "but the meeting's place, which is not personal")
    expect(len(b.all_css(".packs button")) == 0, "rops gets no document packs")
    b.check_page("sprawa-rops")
    b.sign_out()


def admin_manages_accounts(b, shots):
    from selenium.webdriver.support.ui import Select
    b.sign_in("admin.sieradz")
    b.get("/admin/uzytkownicy")
    b.check_page("admin-uzytkownicy", shot=shots)
    # A login with markup is refused; what was typed comes back as text.
    hostile_login = "<script>alert('l')</script>\"ż\""
    b.by_css("#nowy-login").send_keys(hostile_login)
    b.by_css("#nowe-haslo").send_keys("Nowe-hasło-2027")
    Select(b.by_css("#rola")).select_by_value("coordinator")
    b.submit(b.by_css("form[action='/admin/uzytkownicy'] button"))
    expect("Nie dodano konta: login jest zajęty albo ma niedozwolone znaki" in b.text(),
           "a login with markup is refused in Polish")
    expect(b.by_css("#nowy-login").get_attribute("value") == hostile_login,
           "the typed login comes back as text")
    expect(b.by_css("#nowe-haslo").get_attribute("value") == "", "the password is not sent back")
    login = b.by_css("#nowy-login")
    login.clear()
    login.send_keys("nowa.koordynatorka")
    b.by_css("#nowe-haslo").send_keys("Nowe-hasło-2027")
    Select(b.by_css("#rola")).select_by_value("coordinator")
    b.submit(b.by_css("form[action='/admin/uzytkownicy'] button"))
    expect("Dodano konto nowa.koordynatorka." in b.text(), "the account is added")

    # The new account signs in (a second client) ...
    other = fx.HttpClient(b.base)
    status, where = other.sign_in("nowa.koordynatorka", "Nowe-hasło-2027")
    expect(where == "/zadania", "the new account signs in", (status, where))
    # ... gets a new password from the administrator, which ends its session ...
    Select(b.by_css("#haslo-login")).select_by_value("nowa.koordynatorka")
    b.by_css("#haslo-nowe").send_keys("Inne-hasło-2027")
    b.submit(b.by_css("form[action='/admin/uzytkownicy/haslo'] button"))
    expect("Ustawiono nowe hasło konta nowa.koordynatorka; jego sesje zakończono." in b.text(),
           "the administrator sets a new password")
    status, where, _ = other.request("/zadania")
    expect(where.startswith("/logowanie"), "the old session ended with the new password", where)
    status, where = other.sign_in("nowa.koordynatorka", "Inne-hasło-2027")
    expect(where == "/zadania", "the new password signs in", (status, where))
    # ... and is disabled: the session ends at once and no sign-in works any more.
    b.submit(b.by_css("button[aria-label='Wyłącz konto nowa.koordynatorka']"))
    expect("Wyłączono konto nowa.koordynatorka." in b.text(), "the account is disabled")
    rows = [r.text for r in b.all_css("tbody tr") if "nowa.koordynatorka" in r.text]
    expect(len(rows) == 1 and "wyłączone" in rows[0], "the list shows it disabled", rows)
    status, where, _ = other.request("/zadania")
    expect(where.startswith("/logowanie"), "the disabled account's session ended", where)
    status, where = other.sign_in("nowa.koordynatorka", "Inne-hasło-2027")
    expect(where.startswith("/logowanie"), "the disabled account cannot sign in", where)
    b.check_page("admin-uzytkownicy-wylaczone")

    # Requests the page does not offer: its own account, another municipality's, none.
    admin = fx.HttpClient(b.base)
    admin.sign_in("admin.sieradz")
    for login, code, message in (("admin.sieradz", 422, "Nie można wyłączyć własnego konta."),
                                 ("rops.lodz", 404, "Nie ma takiego konta w tej gminie."),
                                 ("nikt", 404, "Nie ma takiego konta w tej gminie.")):
        status, _, page = admin.post("/admin/uzytkownicy/wylacz", {"login": login})
        expect(status == code and message in page, "disabling %s is refused: %s" % (login, message),
               status)
    status, _, page = admin.post("/admin/uzytkownicy/haslo", {"login": "rops.lodz",
                                                             "haslo": "Dowolne-hasło-1"})
    expect(status == 404, "another municipality's password is not set", status)
    # Start requests the form does not offer are refused and start nothing.
    coordinator = fx.HttpClient(b.base)
    coordinator.sign_in("koordynatorka")
    for path, fields, code, message in (
            ("/sprawy/nowa", {"proces": "nope"}, 422, "Nie można tu rozpocząć takiego procesu."),
            ("/partnerstwa/nowe", {"proces": "case", "sprawa.numer": "X/1"}, 422,
             "Nie można tu rozpocząć takiego procesu."),
            ("/sprawy/nowa", {"proces": "case", "sprawa.numer": "X/1", "zgloszenie.kanal": "SMS",
                              "zgloszenie.instytucja": "../etc"}, 422,
             "„Kto zgłosił potrzebę (OPS albo kooperant)”: wybierz jedną z podanych wartości."),
            ("/sprawy/nowa", {"proces": "case", "sprawa.numer": "X/1", "zgloszenie.kanal": "OPS",
                              "zgloszenie.instytucja": "../etc"}, 422,
             "„Instytucja kooperanta, który zgłosił potrzebę”: nieznana instytucja."),
            ("/sprawy/nowa", {"proces": "case", "sprawa.numer": "X/1\x00\r\nSet-Cookie: a=b",
                              "zgloszenie.kanal": "OPS"}, 422,
             "„Numer sprawy (np. MOPS/2027/005)”: niedozwolony znak sterujący."),
            ("/sprawy/nowa", {"proces": "case", "sprawa.numer": "ż" * 501,
                              "zgloszenie.kanal": "OPS"}, 422,
             "„Numer sprawy (np. MOPS/2027/005)”: najwyżej 500 znaków.")):
        status, _, page = coordinator.post(path, fields)
        expect(status == code and message in page, "start refused: " + message, status)
    status, _, page = coordinator.request("/sprawy?numer=X%2F1")
    expect("Nie znaleziono." in page, "the refused starts started nothing")
    # Six people start the same new number at once: one case, five refusals.
    from concurrent.futures import ThreadPoolExecutor
    clients = []
    for _ in range(6):
        c = fx.HttpClient(b.base)
        c.sign_in("koordynatorka")
        clients.append(c)
    fields = {"proces": "case", "sprawa.numer": "MOPS/2027/077", "zgloszenie.kanal": "OPS"}
    with ThreadPoolExecutor(6) as pool:
        answers = list(pool.map(lambda c: c.post("/sprawy/nowa", fields)[0], clients))
    expect(sorted(answers) == [200, 409, 409, 409, 409, 409],
           "one of six simultaneous starts of a number succeeds", answers)
    status, _, page = coordinator.request("/sprawy?numer=MOPS%2F2027%2F077")
    expect("Znaleziono: 1." in page, "exactly one case has the number")
    member = fx.HttpClient(b.base)
    member.sign_in("pedagog.sp5")
    status, _, _ = member.post("/admin/uzytkownicy/wylacz", {"login": "koordynatorka"})
    expect(status == 403, "a member cannot disable an account", status)

    b.get("/admin/ustawienia")
    text = b.text()
    expect("Szkoła Podstawowa nr 5 w Sieradzu" in text, "the institutions are listed")
    expect("Zaproszenia na posiedzenie co najmniej (dni roboczych przed)" in text,
           "parameters with their Polish titles")
    expect("Na tej stronie można je tylko przeglądać" in text and "koop validate" in text,
           "the page says why the settings are read-only and how they are changed")
    b.check_page("admin-ustawienia", shot=shots)
    b.get("/admin/walidacja")
    results = [r.text for r in b.all_css("tbody tr")]
    expect(len(results) >= 4 and all(r.endswith("poprawny") for r in results),
           "koop validate: every served workflow and the municipality file are valid", results)
    b.check_page("admin-walidacja", shot=shots)
    b.sign_out()
    b.sign_in("pedagog.sp5")
    for path in ("/admin/uzytkownicy", "/admin/ustawienia", "/sprawy/nowa", "/partnerstwa/nowe"):
        b.get(path)
        expect(b.h1() == "Brak dostępu" and "(członek zespołu)" in b.text()
               and "Nowe konto" not in b.text() and "Rozpocznij" not in b.text(),
               "a member gets the Polish 403 page at " + path, b.h1())
    b.check_page("brak-dostepu")
    b.get("/zadania")
    b.sign_out()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--koop", required=True)
    parser.add_argument("--source-dir", required=True)
    parser.add_argument("--screenshots", default="")
    args = parser.parse_args()
    source = os.path.abspath(args.source_dir)
    work = tempfile.mkdtemp(prefix="koop-web-")
    downloads = os.path.join(work, "downloads")
    os.makedirs(downloads)
    shots = os.path.abspath(args.screenshots) if args.screenshots else ""
    if shots:
        os.makedirs(shots, exist_ok=True)
    axe = fx.axe_source(source)
    koop = fx.Koop(os.path.abspath(args.koop), source, work)
    case_id = fx.prepare_case(koop)
    fx.add_accounts(koop)
    server = fx.Server(koop, "2027-02-04T09:00")
    driver = None
    try:
        check_headers(server.url)
        forged_requests_change_nothing(server.url, case_id)
        api_refuses_saturday(server.url, case_id)
        driver = fx.browser(downloads)
        b = Browser(driver, server.url, axe, shots, downloads)
        coordinator_convenes_team(b, case_id, bool(shots))
        coordinator_starts_case_and_partnership(b, bool(shots))
        hostile_values_render_as_text(b, case_id)
        member_of_another_institution_cannot_reach(b, case_id)
        rops_sees_no_personal_data(b, case_id)
        admin_manages_accounts(b, bool(shots))
        personal_values_not_in_history(b)
        print("PASSED: %d pages checked with axe-core: %s" % (len(b.checked), ", ".join(b.checked)))
        return 0
    except Exception:
        traceback.print_exc()
        if driver:
            print("at " + driver.current_url, file=sys.stderr)
        print("serve.log:\n" + open(os.path.join(work, "serve.log")).read()[-3000:],
              file=sys.stderr)
        return 1
    finally:
        if driver:
            driver.quit()
        server.stop()


if __name__ == "__main__":
    sys.exit(main())
