"""Starting a case and a partnership from the web forms (generated from <k:start>), with the
refusals a person and a forged request can meet."""
import web_fixture as fx
from web_browser import strip_client_checks

NEW_NUMBER = "MOPS/2027/005 <script>alert('n')</script> \"Łódź\" 'ń'"


def coordinator_starts_case_and_partnership(b, shots):
    from selenium.webdriver.support.ui import Select
    b.sign_in("koordynatorka")
    b.get("/sprawy")
    b.submit(b.by_css("a[href='/sprawy/nowa']"))
    fx.expect(b.h1() == "Nowa sprawa", "the case list leads to the new-case form", b.h1())
    labels = [l.text for l in b.all_css("#start-case label")]
    fx.expect(labels == ["Numer sprawy (np. MOPS/2027/005) *",
                      "Kto zgłosił potrzebę (OPS albo kooperant) *",
                      "Instytucja kooperanta, który zgłosił potrzebę"],
           "the form asks for the workflow's declared start values with their Polish titles",
           labels)
    b.check_page("sprawa-nowa", shot=shots)
    b.d.set_window_size(390, 844)
    wide = b.d.execute_script("return document.documentElement.scrollWidth > window.innerWidth")
    fx.expect(not wide, "the new-case form fits a phone's width")
    b.d.set_window_size(1366, 768)

    # Nothing filled and no browser checks: the server names every missing value at once.
    form = b.by_css("#start-case form")
    strip_client_checks(b, form)
    b.submit(form.find_element("css selector", "button[type=submit]"))
    reasons = [li.text for li in b.all_css("#odmowa li")]
    fx.expect(reasons == ["„Numer sprawy (np. MOPS/2027/005)”: pole jest wymagane.",
                       "„Kto zgłosił potrzebę (OPS albo kooperant)”: pole jest wymagane."],
           "the missing values are named by their titles", reasons)

    # A number already used in the municipality is refused; what was typed stays.
    b.by_css("#f-start-case-sprawa-numer").send_keys("MOPS/2027/003")
    Select(b.by_css("#f-start-case-zgloszenie-kanal")).select_by_value("kooperant")
    Select(b.by_css("#f-start-case-zgloszenie-instytucja")).select_by_value("sp5")
    b.submit(b.by_css("#start-case button[type=submit]"))
    reasons = [li.text for li in b.all_css("#odmowa li")]
    fx.expect(reasons == ["Sprawa o numerze MOPS/2027/003 już istnieje w tej gminie."],
           "a case number in use is refused", reasons)
    fx.expect(Select(b.by_css("#f-start-case-zgloszenie-instytucja")).first_selected_option
           .get_attribute("value") == "sp5", "the chosen institution is kept")
    fx.expect("?" not in b.path(), "the refusal answers the POST: no data in the URL", b.path())

    # A new number (markup, quotes and Polish letters in it) comes back as text when refused ...
    number = b.by_css("#f-start-case-sprawa-numer")
    number.clear()
    number.send_keys(NEW_NUMBER)
    Select(b.by_css("#f-start-case-zgloszenie-kanal")).select_by_value("")
    strip_client_checks(b, b.by_css("#start-case form"))
    b.submit(b.by_css("#start-case button[type=submit]"))
    fx.expect(b.by_css("#f-start-case-sprawa-numer").get_attribute("value") == NEW_NUMBER,
           "the typed number comes back as text after a refusal")
    # ... and starts the case.
    Select(b.by_css("#f-start-case-zgloszenie-kanal")).select_by_value("kooperant")
    b.submit(b.by_css("#start-case button[type=submit]"))
    fx.expect(b.h1() == "Sprawa " + NEW_NUMBER, "the new case's page, its number shown as text",
           b.h1())
    fx.expect("Rozpoczęto: Praca z osobą/rodziną/grupą." in b.text(), "the start is confirmed")
    fx.expect(b.path().startswith("/sprawy/case-") and b.path().endswith("?rozpoczeto=1"),
           "the redirect carries no data", b.path())
    fx.expect(b.d.execute_script("return document.querySelectorAll('main script').length") == 0,
           "no element was created from the number")
    timeline = b.by_css("#przebieg ~ .table-wrap tbody tr").text
    fx.expect("koordynatorka" in timeline, "the start is recorded under the coordinator", timeline)
    b.check_page("sprawa-nowa-rozpoczeta")

    # A partnership: every workflow of that kind that declares a start, each its own form.
    b.get("/partnerstwa")
    b.submit(b.by_css("a[href='/partnerstwa/nowe']"))
    titles = [t.text for t in b.all_css("details summary")]
    fx.expect(titles == ["Zawiązanie Partnerskiego Zespołu Kooperacji",
                      "Działanie Partnerskiego Zespołu Kooperacji"],
           "the partnership workflows are offered by their Polish titles", titles)
    b.check_page("partnerstwo-nowe", shot=shots)
    b.by_css("#start-pzk-founding summary").click()
    b.submit(b.by_css("#start-pzk-founding button[type=submit]"))
    fx.expect("Rozpoczęto: Zawiązanie Partnerskiego Zespołu Kooperacji." in b.text(),
           "the founding is started", b.text()[:300])
    b.get("/partnerstwa")
    fx.expect(b.by_css("p[role=status]").text == "Znaleziono: 2.", "two partnerships now",
           b.by_css("p[role=status]").text)
    b.sign_out()
