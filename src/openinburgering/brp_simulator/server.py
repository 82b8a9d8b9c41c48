"""A small threaded WSGI server on the standard library (one thread per request, so a slow
answer for one BSN does not hold up the others). Request bodies hold BSNs: nothing is logged
but, with ``verbose``, one line per request with the status."""

from __future__ import annotations

import socketserver
import sys
import threading
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server


class _Handler(WSGIRequestHandler):
    verbose = False

    def log_request(self, code="-", size="-"):
        if self.verbose:
            print(f"{self.command} {self.path.split('?')[0]} {code}", file=sys.stderr, flush=True)

    def log_message(self, format, *args):  # noqa: A002 - signature of the base class
        pass


class _Verbose(_Handler):
    verbose = True


class StandInServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True
    request_queue_size = 64

    def server_bind(self) -> None:
        # HTTPServer's own looks up the host's name (DNS); the stand-in needs only the port.
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = self.server_address[:2]
        self.setup_environ()


def maak_server(app, host: str = "127.0.0.1", port: int = 8002, verbose=False) -> StandInServer:
    """A threaded server; port 0 picks a free port (see ``server.server_port``)."""
    return make_server(
        host, port, app, server_class=StandInServer, handler_class=_Verbose if verbose else _Handler
    )


class AchtergrondServer:
    """The stand-in in a background thread (for tests)."""

    def __init__(self, app, host="127.0.0.1", port=0):
        self.app = app
        self.server = maak_server(app, host, port)
        self.url = f"http://{host}:{self.server.server_port}"
        self._thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def start(self) -> AchtergrondServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.app.sluit()
        self.server.shutdown()
        self.server.server_close()
        self._thread.join(timeout=5)
