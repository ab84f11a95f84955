"""The task and deadline lists page by keyset (docs/server.md, docs/api/openapi.yaml): the default
page of GET /api/v1/tasks is 50, `limit` narrows it, `next` is the `after` of the following page
and null on the last one. Pages put together are the whole list in its order (due time, then
instance), ties included; a deadline closed between two pages does not shift them; a cursor that
is not one is 400 with the documented detail. SQLite and (under scripts/with-postgres) PostgreSQL."""

import os

import jsonschema
import yaml

from koopapi import SOURCE, Env, backends, check, check_eq, finish, RODZINA, convened_case

SPEC = yaml.safe_load(open(os.path.join(SOURCE, "docs", "api", "openapi.yaml"), encoding="utf-8"))
RESOLVER = jsonschema.RefResolver.from_schema(SPEC)

AT = "2027-02-01T09:00"
# Meeting days: two cases share each, so due times tie and the instance id orders them.
MEETINGS = ["2027-02-17", "2027-02-18", "2027-02-17", "2027-02-19", "2027-02-18", "2027-02-19",
            "2027-02-22"]
BAD_CURSOR = 'after: not a cursor of this list (pass the "next" of the previous page)'




def documented(path, response, what):
    """The answer matches the schema docs/api/openapi.yaml gives for its path and status."""
    doc = SPEC["paths"][path]["get"]["responses"][str(response.status)]
    if "$ref" in doc:
        doc = RESOLVER.resolve(doc["$ref"])[1]
    ctype = (response.header("Content-Type") or "").split(";")[0]
    try:
        jsonschema.Draft202012Validator(doc["content"][ctype]["schema"], resolver=RESOLVER).validate(
            response.json())
        check(True, f"{what}: as documented")
    except (jsonschema.ValidationError, KeyError) as e:
        check(False, f"{what}: not as documented: {e}")


def pages(c, path, limit):
    out, after, seen = [], None, 0
    while True:
        url = f"{path}?until=2027-12-31&limit={limit}" + (f"&after={after}" if after else "")
        r = c.request("GET", url)
        documented(path, r, f"{path} page {seen + 1} of {limit}")
        body = r.json()
        key = "tasks" if "tasks" in body else "deadlines"
        check(len(body[key]) <= limit, f"{path} page of at most {limit}")
        out += body[key]
        after = body["next"]
        seen += 1
        if after is None or seen > 50:
            return out, seen


def key(t):
    return (t["instance"], t["deadline"], t["occurrence"])


def run(backend):
    env = Env(backend)
    try:
        env.add_user("koord", "coordinator", "sieradz")
        env.add_user("koord_z", "coordinator", "zielony-gaj")
        server = env.serve("--at", AT)
        c, z = server.client(), server.client()
        c.sign_in("koord")
        z.sign_in("koord_z")
        ids = [convened_case(c, f"MOPS/2027/{n:03d}", day) for n, day in enumerate(MEETINGS, 1)]
        other = convened_case(z, "GOPS/2027/001", "2027-02-17")

        whole = c.request("GET", "/api/v1/tasks?until=2027-12-31&limit=1000").json()
        check_eq(whole["next"], None, f"[{backend}] one page holds everything: next is null")
        tasks = whole["tasks"]
        check_eq(sorted(t["instance"] for t in tasks), sorted(ids),
                 f"[{backend}] one task per convened case of the tenant")
        check(other not in {t["instance"] for t in tasks}, f"[{backend}] no other tenant's task")
        order = [(t["dueAt"], t["instance"], t["deadline"], t["occurrence"]) for t in tasks]
        check_eq(order, sorted(order), f"[{backend}] ordered by due time, then instance")
        check(len({t["dueAt"] for t in tasks}) < len(tasks), f"[{backend}] due times tie")

        for limit in (1, 2, 3, 7):
            for path in ("/api/v1/tasks", "/api/v1/deadlines"):
                got, n = pages(c, path, limit)
                check_eq([key(t) for t in got], [key(t) for t in tasks],
                         f"[{backend}] {path} in pages of {limit} is the whole list")
                check_eq(n, -(-len(tasks) // limit),
                         f"[{backend}] {path} pages of {limit}: a next only while more exist")
        # The default page of the task list is 50: with 7 tasks, one page and no next.
        check_eq(c.request("GET", "/api/v1/tasks?until=2027-12-31").json()["next"], None,
                 f"[{backend}] 7 tasks fit the default page")

        # Close the last task of the first page; the second page still starts right after it.
        first = c.request("GET", "/api/v1/tasks?until=2027-12-31&limit=3").json()
        closed = first["tasks"][-1]["instance"]
        r = c.request("POST", f"/api/v1/instances/{closed}/events", {"event": "invitations.sent"})
        check_eq(r.status, 200, f"[{backend}] invitations.sent closes a task")
        second = c.request("GET", f"/api/v1/tasks?until=2027-12-31&limit=3&after={first['next']}").json()
        check_eq([key(t) for t in second["tasks"]], [key(t) for t in tasks[3:6]],
                 f"[{backend}] a closed task does not shift the next page")
        again = c.request("GET", "/api/v1/tasks?until=2027-12-31&limit=1000").json()["tasks"]
        check(closed not in {t["instance"] for t in again}, f"[{backend}] the closed task is gone")

        # The cursor is no key to another tenant: z pages its own list only.
        r = z.request("GET", f"/api/v1/tasks?until=2027-12-31&after={first['next']}")
        check_eq(r.status, 200, f"[{backend}] another tenant may pass a cursor")
        check(all(t["instance"] == other for t in r.json()["tasks"]),
              f"[{backend}] ...and sees only its own tasks after it")

        for bad in ("x", "!!!", "WzFd", "eyJhIjoxfQ", "W10", "WyIxIiwiYSIsImIiLDFd", "A" * 3000, ""):
            r = c.request("GET", f"/api/v1/tasks?after={bad}")
            check_eq(r.status, 400, f"[{backend}] after={bad[:12]!r} is 400")
            check_eq(r.json().get("detail"), BAD_CURSOR, f"[{backend}] after={bad[:12]!r}: detail")
            documented("/api/v1/tasks", r, f"[{backend}] after={bad[:12]!r}")
    finally:
        env.close()


for b in backends():
    run(b)
finish()
