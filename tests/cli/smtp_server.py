#!/usr/bin/python3
"""A real SMTP server on loopback for the reminder tests: aiosmtpd with STARTTLS required before
AUTH, AUTH PLAIN and LOGIN checked against --user/--password, every accepted message saved as
OUT/<n>.eml. Writes OUT/port when it is ready. Stops on SIGTERM.

usage: smtp_server.py --cert CERT --key KEY --out DIR --user U --password P [--delay-ms N]

--delay-ms makes the server slow: it waits N ms after the data before it answers 250 (a message
is saved before the wait, so a client killed while waiting has had its message accepted).
"""
import argparse
import asyncio
import logging
import os
import signal
import socket
import ssl
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

# aiosmtpd's AUTH LOGIN prompt is "User Name"; most servers (and the clients written for them, Poco
# among them) use "Username:".
SMTP.AuthLoginUsernameChallenge = "Username:"
SMTP.AuthLoginPasswordChallenge = "Password:"


def main():
    # Failed handshakes are part of the tests (an untrusted certificate); keep the output quiet.
    logging.getLogger("mail.log").setLevel(logging.CRITICAL)
    import warnings
    warnings.simplefilter("ignore")
    ap = argparse.ArgumentParser()
    ap.add_argument("--cert", required=True)
    ap.add_argument("--key", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--user", required=True)
    ap.add_argument("--password", required=True)
    ap.add_argument("--delay-ms", type=int, default=0)
    args = ap.parse_args()

    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(args.cert, args.key)
    counter = {"n": 0}
    lock = threading.Lock()

    class Handler:
        async def handle_DATA(self, server, session, envelope):
            with lock:
                counter["n"] += 1
                n = counter["n"]
            path = os.path.join(args.out, "%06d.eml" % n)
            with open(path + ".tmp", "wb") as f:
                f.write(envelope.original_content or envelope.content)
            os.rename(path + ".tmp", path)
            with open(os.path.join(args.out, "log"), "a") as f:
                f.write("%s tls=%s auth=%s rcpt=%s\n" % (path, session.ssl is not None,
                        session.authenticated, ",".join(envelope.rcpt_tos)))
            if args.delay_ms > 0:
                await asyncio.sleep(args.delay_ms / 1000.0)
            return "250 OK"

    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword) and auth_data.login.decode() == args.user
              and auth_data.password.decode() == args.password)
        return AuthResult(success=ok, handled=False)

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    controller = Controller(Handler(), hostname="127.0.0.1", port=port, tls_context=context,
                            require_starttls=True, auth_required=True, auth_require_tls=True,
                            authenticator=authenticator)
    controller.start()
    with open(os.path.join(args.out, "port.tmp"), "w") as f:
        f.write(str(port))
    os.rename(os.path.join(args.out, "port.tmp"), os.path.join(args.out, "port"))
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *a: stop.set())
    signal.signal(signal.SIGINT, lambda *a: stop.set())
    stop.wait()
    controller.stop()


if __name__ == "__main__":
    main()
