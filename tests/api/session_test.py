"""Sign-in, sessions, CSRF, the health endpoint and graceful stop against a real `koop serve`,
on SQLite and (under scripts/with-postgres) PostgreSQL."""

import signal

from koopapi import Env, backends, check, check_eq, finish

PROBLEM = "application/problem+json"


def run(backend):
    env = Env(backend)
    try:
        env.add_user("koordynator", "coordinator", "sieradz")
        server = env.serve()
        c = server.client()

        r = c.request("GET", "/healthz")
        check_eq(r.status, 200, f"[{backend}] /healthz answers")
        check(r.json()["status"] == "ok" and r.json()["schema_version"] >= 6,
              f"[{backend}] /healthz names the schema version")
        check(r.header("X-Request-Id") is not None, f"[{backend}] every response has a request id")

        r = c.request("GET", "/api/v1/me")
        check_eq(r.status, 401, f"[{backend}] /me without a session")
        check_eq(r.header("Content-Type"), PROBLEM, f"[{backend}] 401 is a problem document")
        check_eq(r.json()["type"], "urn:kooperacja:problem:unauthorized", f"[{backend}] its type")

        wrong = c.sign_in("koordynator", "złe-hasło-123")
        unknown = c.sign_in("nieznany", "złe-hasło-123")
        check_eq(wrong.status, 401, f"[{backend}] wrong password")
        check_eq((unknown.status, unknown.json()["detail"]), (wrong.status, wrong.json()["detail"]),
                 f"[{backend}] unknown login answered like a wrong password")

        r = c.sign_in("koordynator")
        check_eq(r.status, 201, f"[{backend}] sign-in")
        cookie = r.header("Set-Cookie") or ""
        check("HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/" in cookie,
              f"[{backend}] cookie is HttpOnly, SameSite=Strict: {cookie}")
        check("Secure" not in cookie, f"[{backend}] no Secure flag over plain HTTP")
        check(c.csrf is not None and len(c.csrf) == 64, f"[{backend}] X-CSRF-Token returned")

        r = c.request("GET", "/api/v1/me")
        check_eq(r.status, 200, f"[{backend}] /me with the session")
        me = r.json()
        check_eq((me["login"], me["role"], me["municipality"]),
                 ("koordynator", "coordinator", "sieradz"), f"[{backend}] /me names the account")
        check_eq(r.header("X-CSRF-Token"), c.csrf, f"[{backend}] /me returns the same CSRF token")

        r = c.request("DELETE", "/api/v1/session", csrf=False)
        check_eq(r.status, 403, f"[{backend}] sign-out without the CSRF token refused")
        check_eq(r.json()["type"], "urn:kooperacja:problem:csrf", f"[{backend}] as a CSRF problem")
        r = c.request("DELETE", "/api/v1/session", headers={"X-CSRF-Token": "0" * 64})
        check_eq(r.status, 403, f"[{backend}] sign-out with a wrong CSRF token refused")
        r = c.request("DELETE", "/api/v1/session", headers={"Origin": "http://evil.example"})
        check_eq(r.status, 403, f"[{backend}] a request from another Origin refused")
        check_eq(c.request("GET", "/api/v1/me").status, 200, f"[{backend}] still signed in")

        r = c.request("DELETE", "/api/v1/session")
        check_eq(r.status, 204, f"[{backend}] sign-out")
        check_eq(c.request("GET", "/api/v1/me").status, 401, f"[{backend}] the session is gone")

        r = c.request("POST", "/api/v1/session", raw=b"{\"login\": ", headers={
            "Content-Type": "application/json"})
        check_eq(r.status, 400, f"[{backend}] malformed JSON is 400")
        r = c.request("POST", "/api/v1/session", raw=b"login=a", headers={
            "Content-Type": "application/x-www-form-urlencoded"})
        check_eq(r.status, 415, f"[{backend}] a form body on the JSON API is 415")
        r = c.request("GET", "/api/v1/nothing")
        check_eq(r.status, 404, f"[{backend}] unknown path is 404")
        r = c.request("PUT", "/api/v1/session", body={})
        check_eq(r.status, 405, f"[{backend}] wrong method is 405")

        rc = server.stop(signal.SIGTERM)
        check_eq(rc, 0, f"[{backend}] SIGTERM stops the server cleanly")
    finally:
        env.close()


for b in backends():
    run(b)
finish()
