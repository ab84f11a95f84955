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
import traceback
import zipfile

import web_fixture as fx
from web_admin_checks import admin_manages_accounts
from web_browser import Browser, set_value, strip_client_checks
from web_http_checks import api_refuses_saturday, check_headers, forged_requests_change_nothing
from web_start_checks import coordinator_starts_case_and_partnership


def personal_values_not_in_history(b):
    """Personal values typed or stored (the family's name, the diagnosis: fx.HOSTILE) never reach
    an address or a title the browser keeps in its history."""
    import urllib.parse
    markers = ["Zażółć", "gęślą", "jaźń", "pogrubienie"]
    leaks = []
    for url, title in b.history:
        plain = urllib.parse.unquote_plus(url)
        leaks += [(url, m) for m in markers if m in plain or m in title]
    fx.expect(leaks == [], "no personal value in the %d addresses and titles of the browser's "
           "history" % len(b.history), leaks)


# --- the scenarios -------------------------------------------------------------------------------

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
    fx.expect("Nieprawidłowy login lub hasło." in b.text(), "a wrong password is refused in Polish")
    b.sign_in("koordynatorka")
    fx.expect(b.h1() == "Moje zadania", "the coordinator lands on Moje zadania", b.h1())

    # Finds the case by its number.
    b.get("/sprawy")
    b.by_css("#numer").send_keys("MOPS/2027/003")
    b.submit(b.by_css("form[role=search] button"))
    fx.expect("numer=MOPS%2F2027%2F003" in b.path(), "the search is a GET with the case number only",
           b.path())
    links = [a.text for a in b.all_css("table a")]
    fx.expect(links == ["MOPS/2027/003"], "exactly the case found by its number", links)
    b.check_page("sprawy", shot=shots)
    b.submit(b.by_css("table a"))
    fx.expect(b.h1() == "Sprawa MOPS/2027/003", "the case page is titled by its number", b.h1())
    fx.expect("Diagnoza sytuacji" in b.by_css(".stage").text, "the stage in Polish",
           b.by_css(".stage").text)
    fx.expect(b.d.title == "Sprawa MOPS/2027/003 – Kooperacja", "no personal data in the title",
           b.d.title)

    # A Saturday meeting is refused where the coordinator acted; nothing is recorded.
    events_before = len(b.all_css("#przebieg ~ .table-wrap tbody tr"))
    fill_convening(b, case_id, "2027-02-13")
    refusal = b.by_css("#odmowa").text
    fx.expect("sobota" in refusal and "13 lutego 2027 r." in refusal,
           "the Saturday meeting is refused with the reason", refusal)
    fx.expect(b.by_css("#akcja-team-convened").get_attribute("open") is not None,
           "the refused form stays open with what was typed")
    fx.expect(b.by_css("#f-team-convened-posiedzenie-miejsce").get_attribute("value") == fx.HOSTILE,
           "the typed place comes back as text, not markup")
    fx.expect("Diagnoza sytuacji" in b.by_css(".stage").text, "the stage did not change")
    fx.expect("/zdarzenia" in b.path() and "?" not in b.path(),
           "the refusal answers the POST: no data in the URL", b.path())
    b.check_page("sprawa-odmowa", shot=shots)
    b.get("/sprawy/" + case_id)
    fx.expect(len(b.all_css("#przebieg ~ .table-wrap tbody tr")) == events_before,
           "the refused action left no event in the timeline")

    # The same Saturday typed as plain text into a form stripped of every client-side check:
    # the server refuses it by the municipality's calendar, in Polish, at the form.
    fill_convening(b, case_id, "2027-02-13", strip=True)
    reasons = [li.text for li in b.all_css("#odmowa li")]
    fx.expect(reasons == ["„Data posiedzenia”: 13 lutego 2027 r. to sobota – wybierz dzień roboczy."],
           "the server names the Saturday, not the browser", reasons)
    fx.expect(b.by_css("#f-team-convened-posiedzenie-data").get_attribute("value") == "2027-02-13"
           and b.by_css("#f-team-convened-posiedzenie-minuty").get_attribute("value") == "90",
           "the typed values are kept in the refused form")
    b.get("/sprawy/" + case_id)
    fx.expect(len(b.all_css("#przebieg ~ .table-wrap tbody tr")) == events_before,
           "the server-refused action left no event either")

    # A Wednesday is taken.
    fill_convening(b, case_id, "2027-02-17")
    fx.expect("Zapisano: Zwołano posiedzenie zespołu." in b.text(), "the action is confirmed")
    fx.expect("Zwołanie posiedzenia zespołu" in b.by_css(".stage").text, "the stage moved",
           b.by_css(".stage").text)
    timeline = b.by_css("#przebieg ~ .table-wrap tbody tr").text
    fx.expect("koordynatorka" in timeline and "Zwołano posiedzenie zespołu" in timeline,
           "the timeline names who did what", timeline)
    deadlines = [r.text for r in b.all_css("#terminy ~ .table-wrap tbody tr")]
    fx.expect(any("Wysłanie pisemnych zaproszeń" in r and "10 lutego 2027 r." in r for r in deadlines),
           "the invitations deadline: 5 working days before 17 February", deadlines)
    b.check_page("sprawa", shot=shots)

    # Downloads the invitation pack and reads the documents.
    before = set(glob.glob(os.path.join(b.downloads, "*")))
    b.by_css("button[aria-label='DOCX: Zaproszenia na posiedzenie zespołu']").click()
    archive = b.new_download(before)
    import docx
    with zipfile.ZipFile(archive) as z:
        names = sorted(z.namelist())
        fx.expect(len(names) == 3 and all(n.endswith(".docx") for n in names),
               "one invitation per institution", names)
        texts = []
        for n in names:
            z.extract(n, b.downloads)
            texts.append("\n".join(p.text for p in docx.Document(
                os.path.join(b.downloads, n)).paragraphs))
    fx.expect(all("Sprawa nr MOPS/2027/003" in t for t in texts), "each invitation names the case")
    fx.expect(any("Szkoła Podstawowa nr 5 w Sieradzu" in t for t in texts),
           "an invitation is addressed to the school")
    fx.expect(all(fx.HOSTILE in t for t in texts),
           "the meeting place typed in the form is in each invitation as plain text")

    # The deadline is under Moje zadania.
    b.get("/zadania")
    week = b.by_css("#grupa-ten-tydzien").find_element("xpath", "..").text
    fx.expect("MOPS/2027/003" in week and "Wysłanie pisemnych zaproszeń" in week,
           "the invitations deadline is under Ten tydzień", week)
    b.check_page("zadania", shot=shots)
    b.d.set_window_size(390, 844)  # a phone: the tables become cards, nothing scrolls sideways
    wide = b.d.execute_script("return document.documentElement.scrollWidth > window.innerWidth")
    fx.expect(not wide, "Moje zadania fits a phone's width")
    b.check_page("zadania-telefon", shot=shots)
    b.d.set_window_size(1366, 768)
    b.get("/kalendarz")
    fx.expect("Wysłanie pisemnych zaproszeń" in b.text(), "the deadline is in the calendar")
    b.check_page("kalendarz", shot=shots)
    b.submit(b.by_css("form[action='/kalendarz/subskrypcja'] button"))
    feed = b.by_css(".ics a").text
    fx.expect(feed.startswith(b.base + "/api/v1/feed/") and feed.endswith(".ics"),
           "a personal .ics address", feed)
    b.get("/partnerstwa")
    b.check_page("partnerstwa", shot=shots)
    b.get("/haslo")
    b.check_page("haslo")
    b.sign_out()


def hostile_values_render_as_text(b, case_id):
    b.sign_in("pedagog.sp5")
    b.get("/sprawy/" + case_id)
    source = b.d.page_source
    fx.expect("<script>alert" not in source, "no live <script> from field values")
    body = b.text()
    fx.expect(fx.HOSTILE in body, "the hostile value is shown as typed (markup, quotes, Polish)")
    alerts = b.d.execute_script("return document.querySelectorAll('main script, main b').length")
    fx.expect(alerts == 0, "no element was created from a value", alerts)
    b.check_page("sprawa-czlonek")
    b.sign_out()


def member_of_another_institution_cannot_reach(b, case_id):
    b.sign_in("dzielnicowa.kpp")
    b.get("/sprawy")
    fx.expect("MOPS/2027/003" not in b.text(), "the case is not in the police member's list")
    b.get("/sprawy?numer=MOPS%2F2027%2F003")
    fx.expect("Nie znaleziono." in b.text(), "the search by number finds nothing")
    for path in ("/sprawy/" + case_id, "/sprawy/" + case_id + "/schemat.svg"):
        b.get(path)
        fx.expect(b.h1() == "Nie znaleziono", "the case page by URL does not exist for them: " + path,
               b.h1())
    b.check_page("nie-znaleziono")
    b.get("/zadania")
    fx.expect("MOPS/2027/003" not in b.text(), "its deadlines are not among their tasks")
    b.sign_out()


def rops_sees_no_personal_data(b, case_id):
    b.sign_in("rops.lodz")
    b.get("/sprawy/" + case_id)
    text = b.text()
    fx.expect("imie_nazwisko" not in text and "wnioski" not in text and "(dane osobowe)" not in text,
           "rops sees no personal field (family, diagnosis)")
    fx.expect("miejsce: " + fx.HOSTILE in text, "but the meeting's place, which is not personal")
    fx.expect(len(b.all_css(".packs button")) == 0, "rops gets no document packs")
    b.check_page("sprawa-rops")
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
