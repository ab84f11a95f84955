"""The browser side of the web tests: a Selenium-driven Chromium page with the checks every page
gets (lang="pl", axe-core at WCAG 2.1 A and AA, an optional screenshot), the history it kept,
and the form helpers the scenarios share."""
import glob
import os
import time

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
        fx.expect(self.path().startswith("/logowanie"), "signed out to /logowanie", self.path())

    # --- checks every page gets ---------------------------------------------------------------
    def check_page(self, name, shot=False):
        """axe-core on the page as it is now; the page's security headers are checked by
        check_headers. A screenshot goes to docs/screenshots/NAME.png when asked."""
        fx.expect(self.by_css("html").get_attribute("lang") == "pl", name + ": lang=pl",
               self.by_css("html").get_attribute("lang"))
        self.d.execute_script(self.axe)
        result = self.d.execute_async_script(
            "var done = arguments[arguments.length - 1];"
            "axe.run(document, {runOnly: {type: 'tag', values: %r}})"
            ".then(function (r) { done(r.violations.map(function (v) {"
            "  return v.id + ': ' + v.help + ' -> ' + v.nodes.map(function (n) {"
            "    return n.target.join(' '); }).join(', '); })); })"
            ".catch(function (e) { done(['axe failed: ' + e]); });" % AXE_TAGS)
        fx.expect(result == [], name + ": no axe-core violations at WCAG 2.1 A/AA", result)
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
