"""Harness of the API tests: a real `koop serve` on 127.0.0.1 at a port the system chooses, over
a fresh database (SQLite in a temporary folder, or a fresh schema of the PostgreSQL server named
by KOOP_TEST_PG_URI), and a small HTTP client that keeps its own cookie and CSRF token.

Environment (set by ctest): KOOP (the binary), KOOP_SOURCE_DIR, KOOP_TEST_PG_URI (optional)."""

import http.client
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid

KOOP = os.environ.get("KOOP", "koop")
SOURCE = os.environ.get("KOOP_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
PASSWORD = "hasło-testowe-1"

failures = 0


def check(condition, message):
    global failures
    if condition:
        print("ok:", message)
    else:
        failures += 1
        print("FAIL:", message, file=sys.stderr)


def check_eq(actual, expected, message):
    check(actual == expected, f"{message} (got {actual!r}, expected {expected!r})")


def finish():
    if failures:
        print(f"{failures} check(s) failed", file=sys.stderr)
        sys.exit(1)
    print("all checks passed")
    sys.exit(0)


class Database:
    """A fresh database: ("sqlite", path) or ("postgresql", uri with its own schema)."""

    def __init__(self, backend, workdir):
        self.backend = backend
        self.schema = None
        if backend == "sqlite":
            self.uri = os.path.join(workdir, "koop.db")
        else:
            base = os.environ["KOOP_TEST_PG_URI"]
            self.schema = "api_" + uuid.uuid4().hex[:12]
            subprocess.run(["psql", base, "-q", "-c", f"CREATE SCHEMA {self.schema}"], check=True)
            sep = "&" if "?" in base else "?"
            self.uri = f"{base}{sep}options=-csearch_path%3D{self.schema}"

    def drop(self):
        if self.schema:
            subprocess.run(["psql", os.environ["KOOP_TEST_PG_URI"], "-q", "-c",
                            f"DROP SCHEMA {self.schema} CASCADE"], capture_output=True)


def backends():
    """The backends to run on; PostgreSQL is announced as SKIPPED when it is not available."""
    out = ["sqlite"]
    if os.environ.get("KOOP_TEST_PG_URI") and shutil.which("psql"):
        out.append("postgresql")
    else:
        print("SKIPPED: PostgreSQL part (KOOP_TEST_PG_URI not set; run under scripts/with-postgres)",
              file=sys.stderr)
    return out


class Env:
    """A working folder with a database and accounts; starts servers on it."""

    def __init__(self, backend):
        self.dir = tempfile.mkdtemp(prefix="koop-api-")
        self.db = Database(backend, self.dir)
        self.servers = []
        self.koop("init")

    def koop(self, *args, stdin=None, check_rc=True):
        proc = subprocess.run([KOOP, "--db", self.db.uri, *args], input=stdin, text=True,
                              capture_output=True, cwd=SOURCE, timeout=120)
        if check_rc and proc.returncode != 0:
            raise RuntimeError(f"koop {' '.join(args)} failed ({proc.returncode}): {proc.stderr}")
        return proc

    def add_user(self, login, role, municipality, institution=None, password=PASSWORD):
        args = ["user", "add", login, "--role", role, "--municipality", municipality]
        if institution:
            args += ["--institution", institution]
        self.koop(*args, stdin=password + "\n")

    def serve(self, *extra):
        server = Server(self, list(extra))
        self.servers.append(server)
        return server

    def close(self):
        for s in self.servers:
            s.stop()
        self.db.drop()
        if not os.environ.get("KOOP_KEEP"):
            shutil.rmtree(self.dir, ignore_errors=True)


class Server:
    def __init__(self, env, extra):
        self.log_path = os.path.join(env.dir, f"serve-{len(env.servers)}.log")
        self.log = open(self.log_path, "w")
        self.proc = subprocess.Popen([KOOP, "--db", env.db.uri, "serve", "--listen", "127.0.0.1:0",
                                      "--packs", os.path.join(env.dir, "packs"), *extra], cwd=SOURCE, stdout=subprocess.PIPE, stderr=self.log,
                                     text=True)
        line = self.proc.stdout.readline()
        m = re.search(r"listening on http://127\.0\.0\.1:(\d+)", line)
        if not m:
            self.proc.kill()
            raise RuntimeError("koop serve did not start: " + line + open(self.log_path).read())
        self.port = int(m.group(1))

    def client(self):
        return Client(self.port)

    def stop(self, sig=signal.SIGTERM, timeout=30):
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()
        return self.proc.returncode


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    def json(self):
        return json.loads(self.body.decode("utf-8"))

    def header(self, name):
        for k, v in self.headers:
            if k.lower() == name.lower():
                return v
        return None

    def headers_all(self, name):
        return [v for k, v in self.headers if k.lower() == name.lower()]


class Client:
    """One person's browser-less client: its session cookie and CSRF token."""

    def __init__(self, port):
        self.port = port
        self.cookie = None
        self.csrf = None

    def request(self, method, path, body=None, headers=None, raw=None, csrf=True):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        h = dict(headers or {})
        data = raw
        if body is not None:
            data = json.dumps(body).encode("utf-8")
            h.setdefault("Content-Type", "application/json")
        if self.cookie:
            h.setdefault("Cookie", "koop_session=" + self.cookie)
        if csrf and self.csrf and method not in ("GET", "HEAD"):
            h.setdefault("X-CSRF-Token", self.csrf)
        conn.request(method, path, body=data, headers=h)
        r = conn.getresponse()
        resp = Response(r.status, r.getheaders(), r.read())
        conn.close()
        return resp

    def sign_in(self, login, password=PASSWORD):
        r = self.request("POST", "/api/v1/session", {"login": login, "password": password})
        if r.status == 201:
            for v in r.headers_all("Set-Cookie"):
                m = re.match(r"koop_session=([0-9a-f]*);", v)
                if m:
                    self.cookie = m.group(1)
            self.csrf = r.header("X-CSRF-Token")
        return r


# A person of the sample family (a personal field of the case workflow).
RODZINA = {"czlonkowie": [{"nr": 1, "imie_nazwisko": "Karolina Testowa", "wiek": 34}]}


def convened_case(c, number, meeting, institutions=("mops",)):
    """Starts a case numbered `number` through client `c` and brings it to a convened team of
    `institutions` meeting on `meeting` (its deadlines then list in /tasks); returns its id."""
    r = c.request("POST", "/api/v1/instances", {"workflow": "case", "data": {"sprawa": {"numer": number}}})
    check_eq(r.status, 201, f"{number}: start")
    iid = r.json()["instance"]
    team = {"instytucje": [{"nr": n, "id": i, "nazwa": i.upper()} for n, i in enumerate(institutions, 1)],
            "posiedzenie": {"data": meeting, "godzina": "10:00", "minuty": 90}}
    for event, data in [("diagnosis.started", {}), ("interview.done", {"rodzina": RODZINA}),
                        ("consent.given", {"dataProcessing": True, "team": True}),
                        ("network.informed", {}), ("team.convened", team)]:
        r = c.request("POST", f"/api/v1/instances/{iid}/events", {"event": event, "data": data})
        check_eq(r.status, 200, f"{number}: {event}")
    return iid


def cases_in_diagnosis(c, numbers):
    """Starts one case per number through client `c` and fires diagnosis.started on each (the
    stage most tests act in); returns their ids in order."""
    ids = []
    for number in numbers:
        r = c.request("POST", "/api/v1/instances", {"workflow": "case", "data": {"sprawa": {"numer": number}}})
        check_eq(r.status, 201, f"{number}: start")
        ids.append(r.json()["instance"])
        r = c.request("POST", f"/api/v1/instances/{ids[-1]}/events", {"event": "diagnosis.started"})
        check_eq(r.status, 200, f"{number}: diagnosis.started")
    return ids
