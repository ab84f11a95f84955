"""The administration: accounts added, given a new password and disabled (a second client's
sessions end), the read-only municipality settings, `koop validate`, and roles kept out."""
import web_fixture as fx


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
    fx.expect("Nie dodano konta: login jest zajęty albo ma niedozwolone znaki" in b.text(),
           "a login with markup is refused in Polish")
    fx.expect(b.by_css("#nowy-login").get_attribute("value") == hostile_login,
           "the typed login comes back as text")
    fx.expect(b.by_css("#nowe-haslo").get_attribute("value") == "", "the password is not sent back")
    login = b.by_css("#nowy-login")
    login.clear()
    login.send_keys("nowa.koordynatorka")
    b.by_css("#nowe-haslo").send_keys("Nowe-hasło-2027")
    Select(b.by_css("#rola")).select_by_value("coordinator")
    b.submit(b.by_css("form[action='/admin/uzytkownicy'] button"))
    fx.expect("Dodano konto nowa.koordynatorka." in b.text(), "the account is added")

    # The new account signs in (a second client) ...
    other = fx.HttpClient(b.base)
    status, where = other.sign_in("nowa.koordynatorka", "Nowe-hasło-2027")
    fx.expect(where == "/zadania", "the new account signs in", (status, where))
    # ... gets a new password from the administrator, which ends its session ...
    Select(b.by_css("#haslo-login")).select_by_value("nowa.koordynatorka")
    b.by_css("#haslo-nowe").send_keys("Inne-hasło-2027")
    b.submit(b.by_css("form[action='/admin/uzytkownicy/haslo'] button"))
    fx.expect("Ustawiono nowe hasło konta nowa.koordynatorka; jego sesje zakończono." in b.text(),
           "the administrator sets a new password")
    status, where, _ = other.request("/zadania")
    fx.expect(where.startswith("/logowanie"), "the old session ended with the new password", where)
    status, where = other.sign_in("nowa.koordynatorka", "Inne-hasło-2027")
    fx.expect(where == "/zadania", "the new password signs in", (status, where))
    # ... and is disabled: the session ends at once and no sign-in works any more.
    b.submit(b.by_css("button[aria-label='Wyłącz konto nowa.koordynatorka']"))
    fx.expect(b.h1() == "Wyłączenie konta"
              and "Czy na pewno wyłączyć konto nowa.koordynatorka?" in b.text(),
              "disabling, which cannot be undone, is asked once more", b.h1())
    status, where, _ = other.request("/zadania")
    fx.expect(where == "/zadania", "nothing is disabled before the confirmation", where)
    b.check_page("admin-wylaczenie")
    b.submit(b.by_css("form[action='/admin/uzytkownicy/wylacz'] button"))
    fx.expect("Wyłączono konto nowa.koordynatorka." in b.text(), "the account is disabled")
    rows = [r.text for r in b.all_css("tbody tr") if "nowa.koordynatorka" in r.text]
    fx.expect(len(rows) == 1 and "wyłączone" in rows[0], "the list shows it disabled", rows)
    status, where, _ = other.request("/zadania")
    fx.expect(where.startswith("/logowanie"), "the disabled account's session ended", where)
    status, where = other.sign_in("nowa.koordynatorka", "Inne-hasło-2027")
    fx.expect(where.startswith("/logowanie"), "the disabled account cannot sign in", where)
    b.check_page("admin-uzytkownicy-wylaczone")

    # Requests the page does not offer: its own account, another municipality's, none.
    admin = fx.HttpClient(b.base)
    admin.sign_in("admin.sieradz")
    for login, code, message in (("admin.sieradz", 422, "Nie można wyłączyć własnego konta."),
                                 ("rops.lodz", 404, "Nie ma takiego konta w tej gminie."),
                                 ("nikt", 404, "Nie ma takiego konta w tej gminie.")):
        status, _, page = admin.post("/admin/uzytkownicy/wylacz", {"login": login})
        fx.expect(status == code and message in page, "disabling %s is refused: %s" % (login, message),
               status)
    status, _, page = admin.post("/admin/uzytkownicy/haslo", {"login": "rops.lodz",
                                                             "haslo": "Dowolne-hasło-1"})
    fx.expect(status == 404, "another municipality's password is not set", status)
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
        fx.expect(status == code and message in page, "start refused: " + message, status)
    status, _, page = coordinator.request("/sprawy?numer=X%2F1")
    fx.expect("Nie znaleziono." in page, "the refused starts started nothing")
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
    fx.expect(sorted(answers) == [200, 409, 409, 409, 409, 409],
           "one of six simultaneous starts of a number succeeds", answers)
    status, _, page = coordinator.request("/sprawy?numer=MOPS%2F2027%2F077")
    fx.expect("Znaleziono: 1." in page, "exactly one case has the number")
    member = fx.HttpClient(b.base)
    member.sign_in("pedagog.sp5")
    status, _, _ = member.post("/admin/uzytkownicy/wylacz", {"login": "koordynatorka"})
    fx.expect(status == 403, "a member cannot disable an account", status)

    b.get("/admin/ustawienia")
    text = b.text()
    fx.expect("Szkoła Podstawowa nr 5 w Sieradzu" in text, "the institutions are listed")
    fx.expect("Zaproszenia na posiedzenie co najmniej (dni roboczych przed)" in text,
           "parameters with their Polish titles")
    fx.expect("Na tej stronie można je tylko przeglądać" in text and "koop validate" in text,
           "the page says why the settings are read-only and how they are changed")
    b.check_page("admin-ustawienia", shot=shots)
    b.get("/admin/walidacja")
    results = [r.text for r in b.all_css("tbody tr")]
    fx.expect(len(results) >= 4 and all(r.endswith("poprawny") for r in results),
           "koop validate: every served workflow and the municipality file are valid", results)
    b.check_page("admin-walidacja", shot=shots)
    b.sign_out()
    b.sign_in("pedagog.sp5")
    for path in ("/admin/uzytkownicy", "/admin/ustawienia", "/sprawy/nowa", "/partnerstwa/nowe"):
        b.get(path)
        fx.expect(b.h1() == "Brak dostępu" and "(członek zespołu)" in b.text()
               and "Nowe konto" not in b.text() and "Rozpocznij" not in b.text(),
               "a member gets the Polish 403 page at " + path, b.h1())
    b.check_page("brak-dostepu")
    b.get("/zadania")
    b.sign_out()
