"""The world the browser tests run in: a fresh SQLite database prepared with `koop` (a Sieradz case
up to the family's consent, one account per role), `koop serve` on 127.0.0.1 at a free port, and a
headless Chromium driven by Selenium, with axe-core injected into every page checked.

Nothing here is mocked: the server, the engine, the database and the browser are the real ones.
"""
import json
import os
import re
import shutil
import subprocess
import sys

SKIP = 77  # ctest SKIP_RETURN_CODE: said loudly, never counted as passed

PASSWORD = "Hasło-testowe-1"
# Values that must render as text everywhere: markup, both quotes, Polish letters.
HOSTILE = "<script>alert('x')</script> \"Zażółć\" 'gęślą' jaźń & <b>pogrubienie</b>"

ACCOUNTS = [
    # login, role, municipality, institution
    ("admin.sieradz", "admin", "sieradz", ""),
    ("koordynatorka", "coordinator", "sieradz", ""),
    ("pedagog.sp5", "member", "sieradz", "sp5"),
    ("dzielnicowa.kpp", "member", "sieradz", "kpp"),
    ("rops.lodz", "rops", "10", ""),
    ("audytor", "auditor", "sieradz", ""),
]


def skip(reason):
    print("SKIPPED: " + reason, flush=True)
    sys.exit(SKIP)


class Koop:
    """`koop` against the test database, run from the source tree (workflows, samples, templates)."""

    def __init__(self, binary, source_dir, work):
        self.binary = binary
        self.source_dir = source_dir
        self.work = work
        self.db = os.path.join(work, "web.db")

    def args(self):
        return [self.binary, "--db", self.db]

    def run(self, *args, stdin=None):
        # From the source tree: workflows/, samples/ and doc-templates/ are found there as the
        # README's commands find them.
        cmd = self.args() + list(args)
        done = subprocess.run(cmd, input=stdin, capture_output=True, text=True, timeout=120,
                              cwd=self.source_dir)
        if done.returncode != 0:
            raise AssertionError("koop %s failed (%d): %s" % (" ".join(args), done.returncode,
                                                                done.stderr.strip()))
        return done.stdout

    def data_file(self, name, value):
        path = os.path.join(self.work, name)
        with open(path, "w", encoding="utf-8") as f:
            json.dump(value, f, ensure_ascii=False)
        return path


def prepare_case(koop):
    """The Sieradz case MOPS/2027/003 after diagnosis and consent, ready to convene its team."""
    start = koop.data_file("start.json", {"sprawa": {"numer": "MOPS/2027/003"},
                                          "zgloszenie": {"kanal": "kooperant", "instytucja": "sp5"}})
    out = koop.run("start", "case", "--municipality", "sieradz", "--data", start,
                   "--at", "2027-02-01T09:00")
    case_id = re.search(r"(case-[0-9a-f]+)", out).group(1)
    koop.run("fire", case_id, "diagnosis.started", "--at", "2027-02-01T10:00")
    interview = koop.data_file("interview.json", {
        "rodzina": {"czlonkowie": [{"nr": 1, "imie_nazwisko": HOSTILE, "wiek": 34}],
                    "podpisujacy": []},
        "sytuacja": {"wnioski": HOSTILE}})
    koop.run("fire", case_id, "interview.done", "--data", interview, "--at", "2027-02-03T10:00")
    consent = koop.data_file("consent.json", {"dataProcessing": True, "team": True})
    koop.run("fire", case_id, "consent.given", "--data", consent, "--at", "2027-02-03T11:00")
    # Sieradz works with task teams (ZZK): the network officer is informed first (seed 004 §4).
    koop.run("fire", case_id, "network.informed", "--at", "2027-02-03T12:00")
    # A second case the member of the police never sees either, and a partnership.
    other = koop.data_file("other.json", {"sprawa": {"numer": "MOPS/2027/004"}})
    koop.run("start", "case", "--municipality", "sieradz", "--data", other,
             "--at", "2027-02-02T09:00")
    koop.run("start", "pzk-founding", "--municipality", "sieradz", "--at", "2027-01-15T09:00")
    return case_id


def add_accounts(koop):
    for login, role, municipality, institution in ACCOUNTS:
        args = ["user", "add", login, "--role", role, "--municipality", municipality]
        if institution:
            args += ["--institution", institution]
        koop.run(*args, stdin=PASSWORD + "\n")


class Server:
    """`koop serve` on 127.0.0.1:0 at a simulated time; the port is read from its first line."""

    def __init__(self, koop, at):
        cmd = koop.args() + ["serve", "--listen", "127.0.0.1:0", "--at", at, "--quiet",
                             "--packs", os.path.join(koop.work, "packs")]
        self.log = open(os.path.join(koop.work, "serve.log"), "w")
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=self.log, text=True,
                                     cwd=koop.source_dir)
        line = self.proc.stdout.readline()
        m = re.search(r"listening on (http://127\.0\.0\.1:\d+)", line)
        if not m:
            self.stop()
            raise AssertionError("koop serve did not start: %r (see serve.log)" % line)
        self.url = m.group(1)

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        self.log.close()


def browser(download_dir):
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        skip("python3-selenium is not installed (scripts/deps.txt)")
    chromium = shutil.which("chromium")
    driver = shutil.which("chromedriver")
    if not chromium or not driver:
        skip("chromium and chromium-driver are not installed (scripts/deps.txt)")
    options = webdriver.ChromeOptions()
    for arg in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1366,768", "--lang=pl-PL"]:
        options.add_argument(arg)
    options.binary_location = chromium
    options.add_experimental_option("prefs", {
        "download.default_directory": download_dir,
        "download.prompt_for_download": False,
        "intl.accept_languages": "pl-PL,pl",
    })
    return webdriver.Chrome(service=Service(driver), options=options)


def axe_source(source_dir):
    path = os.path.join(source_dir, "tests", "web", "node_modules", "axe-core", "axe.min.js")
    if not os.path.exists(path):
        raise AssertionError(path + " is missing: run `npm ci --prefix tests/web` "
                             "(scripts/install-web-test-deps)")
    with open(path, encoding="utf-8") as f:
        return f.read()


class HttpClient:
    """A second client beside the browser (urllib with its own cookies): requests a browser
    would not send, and a session that must end when its account is disabled."""

    def __init__(self, base_url):
        import http.cookiejar
        import urllib.request
        self.base = base_url
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        self.csrf = ""

    def request(self, path, fields=None, origin=None):
        """(status, final path, body); redirects are followed."""
        import urllib.error
        import urllib.parse
        import urllib.request
        data = None
        if fields is not None:
            data = urllib.parse.urlencode(fields, doseq=True).encode()
        req = urllib.request.Request(self.base + path, data,
                                     headers={"Origin": origin or self.base})
        try:
            with self.opener.open(req, timeout=20) as r:
                return r.status, r.url[len(self.base):], r.read().decode()
        except urllib.error.HTTPError as e:
            return e.code, path, e.read().decode()

    def sign_in(self, login, password=PASSWORD):
        status, where, page = self.request("/logowanie", {"login": login, "haslo": password})
        m = re.search(r'name="_csrf" value="([^"]+)"', page)
        self.csrf = m.group(1) if m else ""
        return status, where

    def post(self, path, fields):
        return self.request(path, dict(fields, _csrf=self.csrf))


def expect(condition, what, seen=None):
    if not condition:
        raise AssertionError("expected " + what + (("; saw: %r" % (seen,)) if seen is not None
                                                    else ""))
    print("ok - " + what, flush=True)
