"""The simulator's threaded HTTP server: a small WSGI server on ``http.server`` that keeps
connections open (HTTP/1.1 keep-alive), as DUO's servers do.

werkzeug's development server closes every connection: after each answer it drains the socket,
which would swallow a next request on the same connection. A client that reuses its connection
would then pay a TCP handshake and the server a new thread per request, and the simulator would
measure our plumbing rather than DUO's. Here the request body is read whole before the
application runs, so nothing is ever left unread and the connection can stay open.

Request paths are never logged: DUO's URLs contain the BSN. With ``verbose`` a line per request
goes to stderr with every 9-digit number masked.
"""

import io
import re
import socketserver
import sys
import threading
import traceback
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote

_NEGEN_CIJFERS = re.compile(r"[0-9]{9}")

#: The largest request body the simulator accepts (DUO's messages are a few kilobytes).
MAX_BODY = 10 * 1024 * 1024


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "DUO-simulator"
    sys_version = ""
    #: An idle kept-alive connection is closed after this many seconds.
    timeout = 60
    # Headers and body go out as two writes; with Nagle's algorithm on a kept-alive connection
    # the body would wait for the client's delayed ACK (40 ms per answer).
    disable_nagle_algorithm = True
    verbose = False

    def handle_one_request(self) -> None:
        try:
            super().handle_one_request()
        except (ConnectionError, TimeoutError):
            self.close_connection = True

    def __getattr__(self, naam: str):
        # Every method (GET, POST, PUT, DELETE, …) goes to the WSGI application.
        if naam.startswith("do_"):
            return self._wsgi
        raise AttributeError(naam)

    def _lees_body(self) -> bytes | None:
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            self.send_error(411, "Content-Length required")
            return None
        lengte = (self.headers.get("Content-Length") or "0").strip()
        if not lengte.isdigit() or int(lengte) > MAX_BODY:
            self.send_error(400, "Bad Content-Length")
            return None
        body = self.rfile.read(int(lengte)) if int(lengte) else b""
        if len(body) < int(lengte):
            # The client went away in the middle of its request (a killed worker sends the
            # headers and then nothing). A server never runs half a request: DUO would neither
            # apply nor log it, so neither does the simulator.
            self.close_connection = True
            return None
        return body

    def _environ(self, body: bytes) -> dict:
        pad, _, query = self.path.partition("?")
        environ = {
            "REQUEST_METHOD": self.command,
            "SCRIPT_NAME": "",
            "PATH_INFO": unquote(pad, encoding="latin-1"),
            "QUERY_STRING": query,
            "CONTENT_TYPE": self.headers.get("Content-Type", ""),
            "CONTENT_LENGTH": str(len(body)),
            "SERVER_NAME": self.server.server_address[0],
            "SERVER_PORT": str(self.server.server_address[1]),
            "SERVER_PROTOCOL": self.request_version,
            "REMOTE_ADDR": self.client_address[0],
            "wsgi.version": (1, 0),
            "wsgi.url_scheme": "http",
            "wsgi.input": io.BytesIO(body),
            "wsgi.errors": sys.stderr,
            "wsgi.multithread": True,
            "wsgi.multiprocess": False,
            "wsgi.run_once": False,
            # For the fault switch that drops the connection without an answer.
            "simulator.socket": self.connection,
        }
        for naam, waarde in self.headers.items():
            sleutel = naam.upper().replace("-", "_")
            if sleutel in ("CONTENT_TYPE", "CONTENT_LENGTH"):
                continue
            sleutel = "HTTP_" + sleutel
            environ[sleutel] = f"{environ[sleutel]},{waarde}" if sleutel in environ else waarde
        return environ

    def _wsgi(self) -> None:
        body = self._lees_body()
        if body is None:
            return
        antwoord: dict = {}

        def start_response(status, headers, exc_info=None):
            antwoord["status"], antwoord["headers"] = status, headers
            return lambda data: None  # the write() callable is not used by the simulator

        try:
            resultaat = self.server.app(self._environ(body), start_response)
            try:
                inhoud = b"".join(resultaat)
            finally:
                if hasattr(resultaat, "close"):
                    resultaat.close()
        except ConnectionError:
            # The application dropped the connection on purpose (fault switch "verbreek").
            self.close_connection = True
            return
        code, _, reden = antwoord["status"].partition(" ")
        self.send_response(int(code), reden)
        for naam, waarde in antwoord["headers"]:
            if naam.lower() not in ("content-length", "connection", "transfer-encoding"):
                self.send_header(naam, waarde)
        self.send_header("Content-Length", str(len(inhoud)))
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(inhoud)
        if self.verbose:
            pad = _NEGEN_CIJFERS.sub("*********", self.path.split("?")[0])
            print(f"{self.command} {pad} {code}", file=sys.stderr, flush=True)

    def log_message(self, format, *args):  # noqa: A002 - signature of the base class
        pass


class _Verbose(_Handler):
    verbose = True


class SimulatorServer(ThreadingHTTPServer):
    daemon_threads = True
    # Several workers each keep a connection open; a short queue would refuse the next one.
    request_queue_size = 128

    def __init__(self, adres, handler, app):
        self.app = app
        super().__init__(adres, handler)

    def handle_error(self, request, client_address) -> None:
        # socketserver prints the traceback as is; DUO's paths and messages may hold a BSN.
        print(_NEGEN_CIJFERS.sub("*********", traceback.format_exc()), file=sys.stderr)

    def server_bind(self) -> None:
        # HTTPServer's own looks up the host's name (DNS); the simulator needs only the port.
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = self.server_address[:2]


def maak_server(app, host: str = "127.0.0.1", port: int = 8001, verbose=False) -> SimulatorServer:
    """A threaded server; port 0 picks a free port (see ``server.server_port``)."""
    return SimulatorServer((host, port), _Verbose if verbose else _Handler, app)


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
