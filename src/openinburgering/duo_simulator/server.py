"""A threaded HTTP server for the simulator (werkzeug's), without request logging: DUO's URLs
contain the BSN, so request paths are never written to a log. With ``verbose`` a line per request
goes to stderr with every 9-digit number masked."""

import re
import sys
import threading

from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server

_NEGEN_CIJFERS = re.compile(r"\d{9}")


class _StilleHandler(WSGIRequestHandler):
    verbose = False
    # Keep-alive, as DUO's servers (and any HTTPS server worth the name) offer it: a client
    # that reuses its connection does not pay a new handshake per request.
    protocol_version = "HTTP/1.1"

    def log_request(self, code="-", size="-"):
        if self.verbose:
            pad = _NEGEN_CIJFERS.sub("*********", self.path.split("?")[0])
            print(f"{self.command} {pad} {code}", file=sys.stderr, flush=True)

    def log_error(self, format, *args):  # noqa: A002 - signature of the base class
        pass

    def log_message(self, format, *args):  # noqa: A002
        pass

    def log(self, type, message, *args):  # noqa: A002
        pass


class _Verbose(_StilleHandler):
    verbose = True


def maak_server(app, host: str = "127.0.0.1", port: int = 8001, verbose=False) -> BaseWSGIServer:
    """A threaded server; port 0 picks a free port (see ``server.server_port``)."""
    handler = _Verbose if verbose else _StilleHandler
    return make_server(host, port, app, threaded=True, request_handler=handler)


class AchtergrondServer:
    """The simulator in a background thread (for tests and the scenario)."""

    def __init__(self, app, host="127.0.0.1", port=0):
        self.app = app
        self.server = maak_server(app, host, port)
        self.url = f"http://{host}:{self.server.server_port}"
        self._thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def start(self) -> "AchtergrondServer":
        self._thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self._thread.join(timeout=5)
