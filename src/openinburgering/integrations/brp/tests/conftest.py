"""The BRP stand-in (``openinburgering.brp_simulator``) in a background thread, with
``BRP_API_ROOT`` pointing at it; at the end every request our client sent is checked against
the BRP API Personen, as every answer of the stand-in is checked by the stand-in itself."""

import json
import urllib.request

import pytest

from openinburgering.brp_simulator.app import BrpStandIn
from openinburgering.brp_simulator.server import AchtergrondServer
from openinburgering.brp_simulator.spec import MEEGELEVERDE_SPEC, laad_spec
from openinburgering.inburgeraars.tests.factories import nieuw_bsn

SPEC = laad_spec(MEEGELEVERDE_SPEC)


class StandIn:
    def __init__(self, app: BrpStandIn, url: str):
        self.app = app
        self.url = url

    def _sim(self, methode, pad, body=None):
        data = json.dumps(body).encode() if body is not None else None
        verzoek = urllib.request.Request(
            self.url + "/_sim" + pad, data=data, method=methode,
            headers={"Content-Type": "application/json"},
        )  # fmt: skip
        with urllib.request.urlopen(verzoek, timeout=5) as antwoord:  # noqa: S310 - localhost
            return json.loads(antwoord.read() or b"null")

    def persoon(self, bsn=None, **velden) -> str:
        """Seed a fictional person; returns the BSN."""
        invoer = {
            "bsn": bsn or nieuw_bsn(),
            "voornamen": "Noor",
            "geslachtsnaam": "Steekproef",
            "geslacht": "V",
            "geboortedatum": "1992-04-03",
            "nationaliteiten": ["Syrische"],
            "adres": {
                "straat": "Lindeplein",
                "huisnummer": 4,
                "huisletter": "a",
                "postcode": "9914 EF",
                "woonplaats": "Amstelwaard",
            },  # fmt: skip
            "gemeenteVanInschrijving": {"code": "0001", "omschrijving": "Amstelwaard"},
            "datumInschrijvingInGemeente": "2026-01-10",
            **velden,
        }
        self._sim("POST", "/personen", invoer)
        return invoer["bsn"]

    def storing(self, bsn="*", **storing):
        self._sim("POST", "/storingen", {"bsn": bsn, **storing})

    def geen_storing(self):
        self._sim("DELETE", "/storingen")

    def verzoeken(self) -> list[dict]:
        return self._sim("GET", "/verzoeken")


@pytest.fixture
def brp_stand_in(settings):
    app = BrpStandIn(spec=SPEC)
    server = AchtergrondServer(app).start()
    settings.BRP_API_ROOT = server.url
    settings.BRP_API_KEY = ""
    settings.BRP_READ_TIMEOUT = 1.0
    settings.BRP_CONNECT_TIMEOUT = 1.0
    settings.BRP_POGINGEN = 2
    settings.BRP_BACKOFF_SECONDS = 0.01
    stand_in = StandIn(app, server.url)
    try:
        yield stand_in
        for verzoek in stand_in.verzoeken():
            assert verzoek["contentType"] == "application/json; charset=utf-8"
            assert SPEC.verzoek_fouten(verzoek["body"]) == []
    finally:
        server.stop()
