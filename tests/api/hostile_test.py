"""Hostile requests against a real `koop serve`: each gets a clean 4xx (or a closed connection
where no answer is possible) and changes nothing; the server stays bounded and serves normally
afterwards. SQLite only (the HTTP layer does not depend on the backend)."""

import os
import resource
import socket
import time

from koopapi import Env, check, check_eq, finish


def raw(port, data, read_timeout=20):
    """Sends raw bytes, returns (status or None, whole answer text)."""
    s = socket.create_connection(("127.0.0.1", port), timeout=read_timeout)
    try:
        try:
            s.sendall(data)
        except (BrokenPipeError, ConnectionResetError):
            pass
        chunks = []
        try:
            while True:
                b = s.recv(65536)
                if not b:
                    break
                chunks.append(b)
                if b"\r\n\r\n" in b"".join(chunks) and len(b"".join(chunks)) > 4096:
                    break
        except (ConnectionResetError, socket.timeout):
            pass
        text = b"".join(chunks).decode("latin-1")
        status = int(text.split(" ", 2)[1]) if text.startswith("HTTP/1.") else None
        return status, text
    finally:
        s.close()


def threads_of(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("Threads:"):
                return int(line.split()[1])
    return -1


env = Env("sqlite")
try:
    env.add_user("koord", "coordinator", "sieradz")
    server = env.serve("--threads", "8")
    c = server.client()
    check_eq(c.sign_in("koord").status, 201, "sign in")
    r = c.request("POST", "/api/v1/instances", {"workflow": "case", "data": {"sprawa": {"numer": "X/1"}}})
    check_eq(r.status, 201, "a case to attack")
    case = r.json()["instance"]
    seq = c.request("GET", f"/api/v1/instances/{case}").json()["lastSeq"]
    events_path = f"/api/v1/instances/{case}/events"

    # malformed and hostile JSON
    for body, what in [(b"{", "truncated"), (b"[1,2]", "an array"), (b"\xff\xfe", "not UTF-8"),
                       (b"[" * 100000 + b"]" * 100000, "nested 100000 deep"),
                       (b'{"event": 5}', "event not a string"),
                       (b'{"event": "x", "data": [1]}', "data not an object")]:
        r = c.request("POST", events_path, raw=body, headers={"Content-Type": "application/json"})
        check(r.status in (400, 422), f"{what} body is a 4xx (got {r.status})")
        check_eq(r.header("Content-Type"), "application/problem+json", f"{what}: problem document")
        if what == "truncated":  # the place of a syntax error (issue 12)
            check_eq(r.json().get("detail"), "body:1:2: invalid JSON: unexpected end of text",
                     "truncated: the detail names the place")

    # 10 MB bodies: declared, and chunked without a length
    big = b'{"event":"x","data":{"a":"' + b"A" * (10 * 1024 * 1024) + b'"}}'
    head = (f"POST {events_path} HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\n"
            f"Cookie: koop_session={c.cookie}\r\nX-CSRF-Token: {c.csrf}\r\n"
            "Content-Type: application/json\r\n").encode()
    status, _ = raw(server.port, head + f"Content-Length: {len(big)}\r\n\r\n".encode() + big)
    check_eq(status, 413, "a declared 10 MB body is 413")
    chunked = b"".join(b"%x\r\n%s\r\n" % (65536, big[i:i + 65536]) for i in range(0, 2 * 1024 * 1024, 65536))
    status, _ = raw(server.port, head + b"Transfer-Encoding: chunked\r\n\r\n" + chunked + b"0\r\n\r\n")
    check_eq(status, 413, "a chunked body over 1 MiB is 413")

    # path traversal in pack and document names, and in ids
    for path in [f"/api/v1/instances/{case}/packs/..%2F..%2F..%2Fetc",
                 f"/api/v1/instances/{case}/packs/team.invitations/..%2F..%2Fkoop.db",
                 f"/api/v1/instances/{case}/packs/team.invitations/%2E%2E",
                 f"/api/v1/instances/{case}/packs/%2e%2e/manifest.json",
                 "/api/v1/instances/..%2F..%2Fetc%2Fpasswd",
                 "/api/v1/workflows/..%2F..%2Fetc%2Fpasswd/graph.svg",
                 "/api/v1/feed/..%2F..%2Fkoop.db"]:
        r = c.request("GET", path)
        check_eq(r.status, 404, f"traversal {path} is 404")
        check(b"root:" not in r.body and b"SQLite" not in r.body, f"{path} leaks no file")

    # header injection: CR/LF smuggled through the query, the path and a header
    r = c.request("GET", "/api/v1/instances?case=a%0d%0aSet-Cookie:%20evil=1")
    check_eq(r.status, 200, "CR LF in a query parameter is just text")
    check(all("evil" not in v for v in r.headers_all("Set-Cookie")), "no header was injected")
    status, text = raw(server.port, b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-A: a\rSet-Cookie: evil=1\r\n\r\n")
    check("evil" not in text.split("\r\n\r\n")[0] or status != 200, "a bare CR does not split headers")
    status, _ = raw(server.port, b"GET /healthz HTTP/1.1\r\n" + b"X-Big: " + b"a" * 100000 + b"\r\n\r\n")
    check(status in (None, 400, 431), f"a 100 kB header is refused (got {status})")
    status, _ = raw(server.port, b"GARBAGE\r\n\r\n")
    check(status in (None, 400), f"a garbage request line is refused (got {status})")

    check_eq(c.request("GET", f"/api/v1/instances/{case}").json()["lastSeq"], seq,
             "nothing was written by any of them")

    # a slow client is dropped after the receive timeout (10 s)
    s = socket.create_connection(("127.0.0.1", server.port), timeout=30)
    s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
    started = time.monotonic()
    try:
        got = s.recv(100)
    except ConnectionResetError:
        got = b""
    waited = time.monotonic() - started
    s.close()
    check(waited < 25, f"a client that stops sending is dropped (after {waited:.1f} s)")

    # 1,000 concurrent connections: bounded, then back to normal
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, 4096), hard))
    socks = []
    refused = 0
    for _ in range(1000):
        try:
            k = socket.create_connection(("127.0.0.1", server.port), timeout=5)
            k.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")  # never finished
            socks.append(k)
        except OSError:
            refused += 1
    time.sleep(1)
    threads = threads_of(server.proc.pid)
    check(threads <= 8 + 8, f"worker threads stay bounded with 1000 open connections ({threads})")
    check(server.proc.poll() is None, f"the server survives 1000 connections ({refused} refused)")
    for k in socks:
        k.close()
    deadline = time.monotonic() + 30
    ok = False
    while time.monotonic() < deadline and not ok:
        try:
            ok = server.client().request("GET", "/healthz").status == 200
        except OSError:
            time.sleep(0.2)
    check(ok, "after they close, /healthz answers again")
    check_eq(c.request("GET", "/api/v1/me").status, 200, "and sessions still work")
finally:
    env.close()
finish()
