"""Fixtures: the simulator in a background thread on a free port, and a small HTTP client that
validates every answer of DUO's APIs against DUO's OpenAPI files (the project's copy)."""

import http.client
import json
import uuid
from dataclasses import dataclass

import pytest

from openinburgering.duo_simulator import DUO_OIN_STANDAARD
from openinburgering.duo_simulator.app import Simulator
from openinburgering.duo_simulator.bsn import genereer_bsn
from openinburgering.duo_simulator.routes import zoek_route
from openinburgering.duo_simulator.server import AchtergrondServer
from openinburgering.duo_simulator.spec import MEEGELEVERDE_SPECMAP, laad_specs

# The tests read the project's copy, never DUO_SPECS_DIR: the contract they check is fixed.
SPECS = laad_specs(MEEGELEVERDE_SPECMAP)

GEMEENTE_A = "00000001001111111000"
GEMEENTE_B = "00000001002222222000"
DUO_OIN = DUO_OIN_STANDAARD
VANDAAG = "2026-06-01"


@dataclass
class Antwoord:
    status: int
    headers: dict
    raw: bytes

    @property
    def json(self):
        return json.loads(self.raw) if self.raw else None

    @property
    def fouten(self) -> list[str]:
        return [f["fouttekst"] for f in (self.json or [])]


class SimClient:
    def __init__(self, app: Simulator, url: str, port: int):
        self.app = app
        self.url = url
        self.port = port
        self.spec_fouten: list[str] = []

    def _http(self, methode, pad, raw, headers, timeout) -> Antwoord:
        verbinding = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            verbinding.request(methode, pad, body=raw, headers=headers)
            r = verbinding.getresponse()
            return Antwoord(r.status, dict(r.getheaders()), r.read())
        finally:
            verbinding.close()

    def duo(
        self,
        methode,
        pad,
        body=None,
        *,
        bron=GEMEENTE_A,
        doel=DUO_OIN,
        bericht_id=None,
        headers=None,
        raw=None,
        content_type="application/json",
        timeout=5.0,
    ) -> Antwoord:
        """Call DUO's API (path without /v1) and validate the answer against the spec."""
        if headers is None:
            headers = {"bron": bron, "doel": doel, "berichtId": bericht_id or str(uuid.uuid4())}
            headers = {k: v for k, v in headers.items() if v is not None}
        if raw is None and body is not None:
            raw = json.dumps(body).encode()
        if raw is not None and content_type:
            headers = {**headers, "Content-Type": content_type}
        antwoord = self._http(methode, "/v1" + pad, raw, headers, timeout)
        self._valideer(methode, pad, headers, raw, antwoord)
        return antwoord

    def _valideer(self, methode, pad, headers, raw, antwoord: Antwoord) -> None:
        treffer = zoek_route(methode, pad)
        if treffer is None or treffer.route is None:
            return
        if str(antwoord.status) not in treffer.route.statussen:
            return  # e.g. a simulated 503 on an API whose spec declares no 503
        fouten = SPECS.valideer_antwoord(
            treffer.api,
            methode,
            pad,
            headers,
            raw,
            antwoord.status,
            antwoord.headers,
            antwoord.raw,
            antwoord.headers.get("Content-Type", ""),
        )
        assert not fouten, f"answer does not conform to DUO's spec: {methode} {pad}: {fouten}"

    def sim(self, methode, pad, body=None, timeout=10.0) -> Antwoord:
        raw = json.dumps(body).encode() if body is not None else None
        headers = {"Content-Type": "application/json"} if raw else {}
        return self._http(methode, "/_sim" + pad, raw, headers, timeout)

    def persoon(self, **velden) -> str:
        """Seed a fictional person (resident of gemeente A by default); returns the BSN."""
        invoer = {
            "bsn": genereer_bsn(),
            "woongemeenteOin": GEMEENTE_A,
            "plichtBegindatum": "2026-01-01",
            "vestigingsdatum": "2026-01-10",
            **velden,
        }
        antwoord = self.sim("POST", "/personen", invoer)
        assert antwoord.status in (200, 201), antwoord.raw
        return invoer["bsn"]

    def staat(self, bsn) -> dict:
        antwoord = self.sim("GET", f"/personen/{bsn}")
        assert antwoord.status == 200
        return antwoord.json

    def klok(self, vandaag) -> None:
        assert self.sim("POST", "/klok", {"vandaag": vandaag}).status == 200


def start_simulator(db_pad, specs=SPECS, **kwargs):
    app = Simulator(db_pad, specs=specs, **kwargs)
    server = AchtergrondServer(app).start()
    return app, server


@pytest.fixture
def simulator(tmp_path):
    app, server = start_simulator(tmp_path / "sim.sqlite3")
    client = SimClient(app, server.url, server.server.server_port)
    client.sim("POST", "/gemeenten", {"oin": GEMEENTE_A, "gemeentecode": "0001", "naam": "A"})
    client.sim("POST", "/gemeenten", {"oin": GEMEENTE_B, "gemeentecode": "0002", "naam": "B"})
    client.klok(VANDAAG)
    yield client
    app.reset()  # wakes any request still sleeping in a simulated hang
    server.stop()
    app.sluit()


@pytest.fixture
def duo_specs():
    return SPECS
