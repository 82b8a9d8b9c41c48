"""``python -m openinburgering.digid_standin --port 8003 --zaai personen.json``."""

import argparse
import contextlib
import sys
from pathlib import Path
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from .app import DigidStandIn, personen_uit_json


class _Stil(WSGIRequestHandler):
    # Request lines carry codes and states: nothing is logged.
    def log_message(self, format, *args):  # noqa: A002 - signature of the base class
        pass


class _Server(ThreadingMixIn, WSGIServer):
    daemon_threads = True


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="DigiD-stand-in (OpenID Connect) voor de demo")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8003)
    parser.add_argument("--zaai", type=Path, required=True, help="JSON-lijst met personen")
    parser.add_argument("--client-id", default="openinburgering-demo")
    parser.add_argument("--client-secret", default="demo-geheim-niet-voor-productie-0123456789")
    args = parser.parse_args(argv)
    app = DigidStandIn(
        personen_uit_json(args.zaai.read_text(encoding="utf-8")),
        client_id=args.client_id,
        client_secret=args.client_secret,
    )
    with make_server(
        args.host, args.port, app, server_class=_Server, handler_class=_Stil
    ) as server:
        print(f"DigiD-stand-in op http://{args.host}:{args.port}/", file=sys.stderr, flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            server.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())
