"""A real HTTP receiver for the tests: a small threaded server on loopback that checks every
delivery as a subscriber would (signature, CloudEvent), dedups on ``id`` and records what it got.

It can answer with an error (``storing``), or be taken down altogether (``stop``) and brought
back on the same port (``start``): then a deliverer meets a refused connection.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from openinburgering.abonnementen import ondertekenen


@dataclass
class Ontvangst:
    id: str
    event: dict
    headers: dict
    geldig: bool
    herhaling: bool


@dataclass
class Ontvanger:
    geheim: str = ""
    #: Answer this status code instead of 204 (e.g. 503), or None.
    storing: int | None = None
    #: Seconds between taking an event in and answering: widens the window in which a deliverer
    #: is killed after the receiver has the event but before the deliverer records the 2xx.
    vertraging: float = 0.0
    ontvangsten: list[Ontvangst] = field(default_factory=list)
    #: Event ids in the order they were first accepted (after dedup), per dossier.
    per_dossier: dict[str, list[str]] = field(default_factory=dict)
    gezien: set[str] = field(default_factory=set)
    poort: int = 0
    _server: ThreadingHTTPServer | None = None
    _slot: threading.Lock = field(default_factory=threading.Lock)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.poort}/hook"

    def start(self) -> Ontvanger:
        ontvanger = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                if ontvanger.storing:
                    self.send_response(ontvanger.storing)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                kop = {k.lower(): v for k, v in self.headers.items()}
                geldig = ondertekenen.verifieren(geheim=ontvanger.geheim, headers=kop, body=body)
                event = json.loads(body)
                with ontvanger._slot:
                    herhaling = event["id"] in ontvanger.gezien
                    if geldig and not herhaling:
                        ontvanger.gezien.add(event["id"])
                        dossier = event["data"].get("dossier", {}).get("uuid", event["subject"])
                        ontvanger.per_dossier.setdefault(dossier, []).append(event["id"])
                    ontvanger.ontvangsten.append(
                        Ontvangst(event["id"], event, kop, geldig, herhaling)
                    )
                if ontvanger.vertraging:
                    time.sleep(ontvanger.vertraging)
                self.send_response(204 if geldig else 401)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        ThreadingHTTPServer.allow_reuse_address = True
        self._server = ThreadingHTTPServer(("127.0.0.1", self.poort), Handler)
        self._server.daemon_threads = True
        self.poort = self._server.server_address[1]
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
