#!/usr/bin/python3
"""A real SMTP server for the outbox tests (aiosmtpd, Debian's python3-aiosmtpd).

Each accepted message is parsed with Python's own e-mail package (an implementation independent
of the sender's) and written to OUT/<n>.json: the envelope, whether the session ran inside TLS,
the decoded headers and body, and the raw bytes. The port is printed on stdout once the server
listens; the server ends when stdin closes (its parent went away) or on SIGTERM.

usage: smtp_sink.py --out DIR [--port N] [--cert CHAIN --key KEY [--implicit] | --plain]
                    [--user U --password P] [--reject-domain D]
  --plain: no TLS offered at all; --implicit: TLS from the first byte (smtps), else STARTTLS
  is offered and required before MAIL; --user U --password P: AUTH (inside TLS) required;
  --reject-domain D: recipients @D are refused for good (550 5.1.1), as an unknown mailbox is.
"""

import argparse
import asyncio
import base64
import email
import email.policy
import itertools
import json
import os
import signal
import ssl
import sys

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


class Sink:
    def __init__(self, out, reject_domain=None):
        self.out = out
        self.serial = itertools.count(1)
        self.reject_domain = reject_domain

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.reject_domain and address.lower().endswith("@" + self.reject_domain):
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        raw = envelope.original_content
        message = email.message_from_bytes(raw, policy=email.policy.default)
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            # After STARTTLS aiosmtpd sets session.ssl; with implicit TLS the transport is TLS.
            "tls": session.ssl is not None
            or server.transport.get_extra_info("ssl_object") is not None,
            "authenticated": bool(session.authenticated),
            "from": str(message["From"]),
            "to": str(message["To"]),
            "subject": str(message["Subject"]),
            "date": str(message["Date"]),
            "message_id": str(message["Message-ID"]),
            "mime_version": str(message["MIME-Version"]),
            "content_type": message.get_content_type(),
            "charset": message.get_content_charset(),
            "transfer_encoding": str(message["Content-Transfer-Encoding"]),
            "defects": [type(d).__name__ for d in message.defects],
            "body": message.get_content(),
            "raw_base64": base64.b64encode(raw).decode("ascii"),
        }
        # Written under a temporary name and renamed: the test never reads half a file.
        name = os.path.join(self.out, "%06d" % next(self.serial))
        with open(name + ".tmp", "w", encoding="utf-8") as f:
            json.dump(record, f, ensure_ascii=False)
        os.rename(name + ".tmp", name + ".json")
        return "250 Message accepted"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--cert")
    parser.add_argument("--key")
    parser.add_argument("--plain", action="store_true")
    parser.add_argument("--implicit", action="store_true")
    parser.add_argument("--user")
    parser.add_argument("--password")
    parser.add_argument("--reject-domain")
    args = parser.parse_args()

    tls = None
    if not args.plain:
        tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        tls.minimum_version = ssl.TLSVersion.TLSv1_2
        tls.load_cert_chain(args.cert, args.key)

    handler = Sink(args.out, args.reject_domain)
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)

    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = isinstance(auth_data, LoginPassword) and auth_data == LoginPassword(
            args.user.encode(), args.password.encode())
        # handled=False: aiosmtpd answers 535 itself (with the default it would answer nothing).
        return AuthResult(success=ok, handled=False)

    def factory():
        auth = {}
        if args.user is not None:
            auth = dict(authenticator=authenticator, auth_required=True)
        if tls is None or args.implicit:
            return SMTP(handler, hostname="localhost", **auth)
        # require_starttls: MAIL, RCPT and DATA are refused until the session is inside TLS.
        return SMTP(handler, hostname="localhost", tls_context=tls, require_starttls=True, **auth)

    server = loop.run_until_complete(
        loop.create_server(factory, host="127.0.0.1", port=args.port, reuse_address=True,
                           ssl=tls if args.implicit else None))
    port = server.sockets[0].getsockname()[1]

    loop.add_signal_handler(signal.SIGTERM, loop.stop)
    loop.add_reader(sys.stdin.fileno(), lambda: (sys.stdin.buffer.read1(4096) or loop.stop()))
    print(port, flush=True)
    try:
        loop.run_forever()
    finally:
        server.close()
        loop.run_until_complete(server.wait_closed())


if __name__ == "__main__":
    main()
