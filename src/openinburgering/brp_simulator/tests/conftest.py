"""Fixtures: the stand-in in a background thread on a free port, and a small HTTP client that
checks every answer against the BRP API Personen (the project's copy)."""

import http.client
import json
from dataclasses import dataclass

import pytest

from openinburgering.brp_simulator.app import BrpStandIn
from openinburgering.brp_simulator.server import AchtergrondServer
from openinburgering.brp_simulator.spec import MEEGELEVERDE_SPEC, laad_spec

SPEC = laad_spec(MEEGELEVERDE_SPEC)

#: Fictional people (BSNs generated to pass the 11-proef, invented names).
AMIRA = {
    "bsn": "999990019",
    "voornamen": "Amira Lina",
    "geslachtsnaam": "Proefdijk",
    "geslacht": "V",
    "geboortedatum": "1991-09-14",
    "nationaliteiten": ["Syrische"],
    "adres": {
        "straat": "Kastanjelaan",
        "huisnummer": 12,
        "huisletter": "b",
        "postcode": "9912AB",
        "woonplaats": "Demodam",
    },  # fmt: skip
    "gemeenteVanInschrijving": {"code": "9001", "omschrijving": "Demodam"},
    "datumInschrijvingInGemeente": "2025-03-01",
}
YONAS = {
    "bsn": "999990032",
    "voornamen": "Yonas",
    "voorvoegsel": "van",
    "geslachtsnaam": "Oefenberg",
    "geslacht": "M",
    "geboortedatum": "1985-02-01",
    "adres": {
        "straat": "Molenweg",
        "huisnummer": 3,
        "postcode": "9913 CD",
        "woonplaats": "Demodam",
    },  # fmt: skip
    "gemeenteVanInschrijving": {"code": "9001", "omschrijving": "Demodam"},
    "geheimhouding": True,
    "adresInOnderzoek": "2026-10-01",
}
SELAM = {
    "bsn": "999990044",
    "voornamen": "Selam",
    "geslachtsnaam": "Verzinsel",
    "geboortedatum": "1970-05-30",
    "overlijdensdatum": "2026-11-20",
    "gemeenteVanInschrijving": {"code": "9001", "omschrijving": "Demodam"},
}

VELDEN = [
    "burgerservicenummer", "naam", "geboorte.datum", "verblijfplaats", "adressering",
    "nationaliteiten", "gemeenteVanInschrijving", "datumInschrijvingInGemeente", "overlijden",
]  # fmt: skip


@dataclass
class Antwoord:
    status: int
    headers: dict
    raw: bytes

    @property
    def json(self):
        return json.loads(self.raw) if self.raw else None


class StandInClient:
    def __init__(self, app: BrpStandIn, server: AchtergrondServer):
        self.app = app
        self.url = server.url
        self.port = server.server.server_port

    def _http(self, methode, pad, raw, headers, timeout=10.0) -> Antwoord:
        verbinding = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            verbinding.request(methode, pad, body=raw, headers=headers)
            r = verbinding.getresponse()
            return Antwoord(r.status, dict(r.getheaders()), r.read())
        finally:
            verbinding.close()

    def personen(self, body=None, *, raw=None, headers=None, timeout=10.0) -> Antwoord:
        """POST /personen; every answer is checked against the spec."""
        if raw is None:
            raw = json.dumps(body).encode()
        koppen = {"Content-Type": "application/json; charset=utf-8", **(headers or {})}
        antwoord = self._http("POST", "/personen", raw, koppen, timeout)
        assert_conform(antwoord)
        return antwoord

    def raadpleeg(self, *bsns, fields=VELDEN, **kwargs) -> Antwoord:
        body = {"type": "RaadpleegMetBurgerservicenummer", "burgerservicenummer": list(bsns),
                "fields": list(fields)}  # fmt: skip
        assert SPEC.verzoek_fouten(body) == []
        return self.personen(body, **kwargs)

    def sim(self, methode, pad, body=None) -> Antwoord:
        raw = json.dumps(body).encode() if body is not None else None
        headers = {"Content-Type": "application/json"} if raw else {}
        return self._http(methode, "/_sim" + pad, raw, headers)


def assert_conform(antwoord: Antwoord) -> None:
    """The answer's status is one the spec declares (or falls under ``default``), its content
    type is the spec's, and its body validates against the schema for that status."""
    soort = antwoord.headers.get("Content-Type", "")
    if antwoord.status == 200:
        assert soort == "application/json; charset=utf-8"
    else:
        assert soort == "application/problem+json"
    fouten = SPEC.antwoord_fouten(antwoord.status, antwoord.json)
    assert fouten == [], f"answer does not conform to the BRP spec: {fouten}"


def start_stand_in(**kwargs):
    app = BrpStandIn(spec=SPEC, **kwargs)
    server = AchtergrondServer(app).start()
    return app, server


@pytest.fixture
def stand_in():
    app, server = start_stand_in()
    app.zaaien({"personen": [AMIRA, YONAS, SELAM]})
    yield StandInClient(app, server)
    server.stop()
