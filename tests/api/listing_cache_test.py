"""The listing cache of GET /api/v1/tasks and /api/v1/deadlines (server/listing_cache.h,
docs/server.md): an answer is served again (X-Koop-Cache: hit) only while the listing version of
the account's municipalities is unchanged and the clock has not reached the first moment the
answer would differ. Shown against real servers: a write by the CLI and by another `koop serve`
on the same database is visible on the next request; an entry expires when a listed deadline
turns overdue and when the 30-day window takes in one more, at simulated time; no entry crosses
accounts of another tenant or institution. SQLite and (under scripts/with-postgres) PostgreSQL."""

import time
from datetime import datetime, timedelta, timezone

from koopapi import Env, backends, check, check_eq, finish, RODZINA, convened_case

AT = "2027-02-01T09:00"




def get(c, path):
    r = c.request("GET", path)
    check_eq(r.status, 200, f"GET {path}")
    body = r.json()
    items = body.get("tasks", body.get("deadlines"))
    return r.header("X-Koop-Cache"), {t["instance"]: t for t in items}


def utc(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def at_text(moment):
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def run(backend):
    env = Env(backend)
    try:
        env.add_user("koord", "coordinator", "sieradz")
        env.add_user("koord2", "coordinator", "sieradz")
        env.add_user("koord_z", "coordinator", "zielony-gaj")
        env.add_user("sp5", "member", "sieradz", "sp5")
        env.add_user("kpp", "member", "sieradz", "kpp")
        a = env.serve("--at", AT)
        b = env.serve("--at", AT)
        c, c2, z, m5, mk = (a.client() for _ in range(5))
        for client, login in ((c, "koord"), (c2, "koord2"), (z, "koord_z"), (m5, "sp5"), (mk, "kpp")):
            check_eq(client.sign_in(login).status, 201, f"[{backend}] {login} signs in")
        one = convened_case(c, "MOPS/2027/001", "2027-02-17", ["mops", "sp5"])
        two = convened_case(c, "MOPS/2027/002", "2027-02-18", ["mops"])
        other = convened_case(z, "GOPS/2027/001", "2027-02-17", ["gops"])

        # Warm: the same request twice is a miss, then a hit with the same answer.
        state, first = get(c, "/api/v1/tasks")
        check_eq(state, "miss", f"[{backend}] first task list is computed")
        state, again = get(c, "/api/v1/tasks")
        check_eq(state, "hit", f"[{backend}] the same request again comes from the cache")
        check_eq(again, first, f"[{backend}] ...with the same answer")
        check_eq(set(first), {one, two}, f"[{backend}] the tenant's two tasks")

        # Scope is part of the key: same tenant and scope shares, anyone narrower or elsewhere not.
        state, shared = get(c2, "/api/v1/tasks")
        check_eq((state, set(shared)), ("hit", {one, two}),
                 f"[{backend}] another coordinator of the tenant shares the entry")
        state, theirs = get(z, "/api/v1/tasks")
        check_eq((state, set(theirs)), ("miss", {other}), f"[{backend}] no cross-tenant hit")
        state, mine = get(m5, "/api/v1/tasks")
        check_eq((state, set(mine)), ("miss", {one}), f"[{backend}] member sp5: its team's case only")
        state, none = get(mk, "/api/v1/tasks")
        check_eq((state, set(none)), ("miss", set()), f"[{backend}] member kpp: nothing")
        get(mk, "/api/v1/tasks")
        state, none = get(mk, "/api/v1/tasks")
        check_eq((state, set(none)), ("hit", set()), f"[{backend}] member kpp's own entry")

        # Another tenant's write does not touch this tenant's version.
        zc = z.request("POST", f"/api/v1/instances/{other}/events", {"event": "invitations.sent"})
        check_eq(zc.status, 200, f"[{backend}] the other tenant closes its task")
        check_eq(get(c, "/api/v1/tasks")[0], "hit", f"[{backend}] ...this tenant's entry stays")
        state, theirs = get(z, "/api/v1/tasks")
        check_eq((state, set(theirs)), ("miss", set()), f"[{backend}] ...theirs is recomputed")

        # A write by the other server on the same database.
        bc = b.client()
        bc.sign_in("koord")
        r = bc.request("POST", f"/api/v1/instances/{one}/events", {"event": "invitations.sent"})
        check_eq(r.status, 200, f"[{backend}] server B closes case one's task")
        state, after_b = get(c, "/api/v1/tasks")
        check_eq((state, set(after_b)), ("miss", {two}), f"[{backend}] server A sees B's write at once")
        state, mine = get(m5, "/api/v1/tasks")
        check_eq((state, set(mine)), ("miss", set()), f"[{backend}] ...and so does member sp5")

        # A write by the CLI (another process, no server involved).
        get(c, "/api/v1/deadlines")
        check_eq(get(c, "/api/v1/deadlines")[0], "hit", f"[{backend}] deadlines cached")
        env.koop("fire", two, "invitations.sent", "--at", "2027-02-01T12:00")
        state, after_cli = get(c, "/api/v1/tasks")
        check_eq((state, set(after_cli)), ("miss", set()), f"[{backend}] the CLI's write is seen")
        state, deadlines = get(c, "/api/v1/deadlines")
        check_eq((state, set(deadlines)), ("miss", set()), f"[{backend}] ...by the deadline list too")

        # Time: a new task, then servers whose clocks start just before its moments.
        three = convened_case(c, "MOPS/2027/003", "2027-02-19", ["mops"])
        due = utc(get(c, "/api/v1/tasks")[1][three]["dueAt"])
        for name, start, path, before, after in (
                ("turns overdue", due - timedelta(seconds=3), "/api/v1/tasks",
                 lambda t: three in t and not t[three]["overdue"], lambda t: t[three]["overdue"]),
                ("enters the 30-day window", due - timedelta(days=30, seconds=3), "/api/v1/tasks",
                 lambda t: three not in t, lambda t: three in t and not t[three]["overdue"])):
            s = env.serve("--at", at_text(start))
            sc = s.client()
            sc.sign_in("koord")
            state, t0 = get(sc, path)
            check_eq(state, "miss", f"[{backend}] {name}: computed")
            check(before(t0), f"[{backend}] {name}: not yet")
            check_eq(get(sc, path)[0], "hit", f"[{backend}] {name}: cached meanwhile")
            time.sleep(4.5)
            state, t1 = get(sc, path)
            check_eq(state, "miss", f"[{backend}] {name}: the entry expired at its moment")
            check(after(t1), f"[{backend}] {name}: now it has")
            s.stop()
    finally:
        env.close()


for backend_name in backends():
    run(backend_name)
finish()
