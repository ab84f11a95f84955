"""Sessions across processes and time: two `koop serve` processes on one database serve the same
sessions (alternating requests), sign-in throttling holds across them, an idle session expires,
`koop user disable` and `koop user passwd` end sessions at once. SQLite and (under
scripts/with-postgres) PostgreSQL."""

from koopapi import PASSWORD, Client, Env, backends, check, check_eq, finish


def run(backend):
    env = Env(backend)
    try:
        env.add_user("anna", "coordinator", "sieradz")
        env.add_user("bartek", "coordinator", "sieradz")
        env.add_user("celina", "auditor", "sieradz")
        a = env.serve("--at", "2027-03-01T09:00")
        b = env.serve("--at", "2027-03-01T09:00")

        ca = a.client()
        check_eq(ca.sign_in("anna").status, 201, f"[{backend}] sign in on server A")
        cb = Client(b.port)
        cb.cookie, cb.csrf = ca.cookie, ca.csrf
        for i in range(6):
            c = ca if i % 2 == 0 else cb
            r = c.request("GET", "/api/v1/me")
            check_eq(r.status, 200, f"[{backend}] request {i} on server {'AB'[i % 2]} with one session")
        r = cb.request("POST", "/api/v1/instances", {"workflow": "case", "data": {"sprawa": {"numer": "S/1"}}})
        check_eq(r.status, 201, f"[{backend}] server B accepts the CSRF token issued by A")
        r = cb.request("DELETE", "/api/v1/session")
        check_eq(r.status, 204, f"[{backend}] sign out on B")
        check_eq(ca.request("GET", "/api/v1/me").status, 401, f"[{backend}] ... ends it on A too")

        # throttling per login, counted across both processes
        for i in range(5):
            srv = a if i % 2 == 0 else b
            r = srv.client().sign_in("bartek", "wrong-password-%d" % i)
            check_eq(r.status, 401, f"[{backend}] failure {i + 1} is 401")
        r = b.client().sign_in("bartek")
        check_eq(r.status, 429, f"[{backend}] the 6th attempt is throttled, even with the right password")
        check(r.header("Retry-After") is not None, f"[{backend}] with Retry-After")
        check_eq(a.client().sign_in("anna").status, 201, f"[{backend}] another login is not throttled")

        # disable and passwd end sessions at once
        cc = a.client()
        check_eq(cc.sign_in("celina").status, 201, f"[{backend}] celina signs in")
        env.koop("user", "disable", "celina")
        check_eq(cc.request("GET", "/api/v1/me").status, 401, f"[{backend}] disabled: session refused")
        check_eq(a.client().sign_in("celina").status, 401, f"[{backend}] disabled: no new sign-in")
        cd = a.client()
        check_eq(cd.sign_in("anna").status, 201, f"[{backend}] anna signs in again")
        env.koop("user", "passwd", "anna", stdin="nowe-hasło-12345\n")
        check_eq(cd.request("GET", "/api/v1/me").status, 401, f"[{backend}] passwd ends the session")
        check_eq(a.client().sign_in("anna", "nowe-hasło-12345").status, 201,
                 f"[{backend}] the new password works")

        # idle expiry: a server whose clock is 31 minutes later refuses the session
        ce = a.client()
        check_eq(ce.sign_in("anna", "nowe-hasło-12345").status, 201, f"[{backend}] a fresh session")
        late = env.serve("--at", "2027-03-01T09:31")
        cl = Client(late.port)
        cl.cookie, cl.csrf = ce.cookie, ce.csrf
        check_eq(cl.request("GET", "/api/v1/me").status, 401, f"[{backend}] idle 31 min: expired")
        soon = env.serve("--at", "2027-03-01T09:20")
        cs = Client(soon.port)
        cs.cookie, cs.csrf = ce.cookie, ce.csrf
        check_eq(cs.request("GET", "/api/v1/me").status, 200, f"[{backend}] idle 20 min: alive")

        users = env.koop("user", "list").stdout
        check("celina\tauditor\tsieradz\t-\tdisabled" in users, f"[{backend}] user list shows the state")
        bad = env.koop("user", "add", "x y", "--role", "admin", "--municipality", "s",
                       stdin=PASSWORD + "\n", check_rc=False)
        check_eq((bad.returncode, bad.stderr.strip()),
                 (65, "koop: login 'x y': use 1-64 letters, digits, '.', '_' or '-'"),
                 f"[{backend}] a malformed login is refused")
        bad = env.koop("user", "add", "zenon", "--role", "boss", "--municipality", "s",
                       stdin=PASSWORD + "\n", check_rc=False)
        check_eq(bad.returncode, 64, f"[{backend}] an unknown role is a usage error")
        bad = env.koop("user", "add", "zenon", "--role", "member", "--municipality", "s",
                       stdin=PASSWORD + "\n", check_rc=False)
        check_eq((bad.returncode, bad.stderr.strip()),
                 (64, "koop: a member account needs an institution (--institution)"), f"[{backend}] member without institution")
    finally:
        env.close()


for backend in backends():
    run(backend)
finish()
