import json
import re
import uuid

from django.db import connection

import pytest

from . import spec, voorbeelden

DUO_OIN = "00000001800866472000"
PAD = "/duo/v1/notificaties"


@pytest.fixture(autouse=True)
def _alleen_op_postgres(request):
    if request.node.get_closest_marker("postgres") and connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: set DATABASE_URL=postgres://… (CI does)")


@pytest.fixture(autouse=True)
def _duo_instellingen(settings):
    settings.DUO_OIN = DUO_OIN
    settings.DUO_API_ROOT = "http://duo.test"
    settings.DUO_MTLS_REQUIRED = False


def notificatie_body(*, bsn=None, gebeurtenis="SS101", tijd="2026-03-02T09:15:00+01:00", **extra):
    body = {"registratieDatumTijd": tijd, "gebeurtenisId": gebeurtenis}
    if bsn is not None:
        body["bsn"] = bsn
    body.update(extra)
    return body


class NotificatieAfzender:
    """Posts notifications to our endpoint as DUO does, and checks every answer against DUO's spec
    (when the spec files are present)."""

    def __init__(self, client, gemeente):
        self.client = client
        self.gemeente = gemeente

    def headers(self, **overrides):
        koppen = {
            "bron": DUO_OIN,
            "doel": self.gemeente.oin,
            "berichtId": str(uuid.uuid4()),
        }
        koppen.update(overrides)
        return {k: v for k, v in koppen.items() if v is not None}

    def post(self, body=None, *, raw: bytes | None = None, content_type="application/json", **kop):
        koppen = self.headers(**kop)
        data = raw if raw is not None else json.dumps(body or {}).encode()
        response = self.client.generic(
            "POST", PAD, data=data, content_type=content_type, headers=koppen
        )
        verzoek = spec.Verzoek(
            methode="POST",
            pad="/notificaties",
            headers={**koppen, "Content-Type": content_type},
            body=data,
        )
        antwoord = spec.Antwoord(
            status=response.status_code, headers=response.headers, body=response.content
        )
        spec.valideer_antwoord("Notificatie", verzoek, antwoord)
        response.bericht_id = koppen.get("berichtId")
        return response


@pytest.fixture
def duo_afzender(client, gemeente_a):
    return NotificatieAfzender(client, gemeente_a)


# --- DUO's APIs, mocked with requests-mock and checked against DUO's spec -----------------------

DUO_ROOT = "http://duo.test/v1"

KORTE_NAMEN = {
    "plicht": "/personen/{bsn}/inburgeringsplicht",
    "plicht_historie": "/personen/{bsn}/inburgeringsplicht/historie",
    "doelgroep": "/personen/{bsn}/doelgroep",
    "doelgroep_historie": "/personen/{bsn}/doelgroep/historie",
    "examennummer": "/personen/{bsn}/lbt/examennummer",
    "lbt_resultaten": "/personen/{bsn}/lbt/resultaten",
    "termijn": "/personen/{bsn}/inburgeringstermijn",
    "termijn_historie": "/personen/{bsn}/inburgeringstermijn/historie",
    "vrijstellingen": "/personen/{bsn}/vrijstellingen",
    "ontheffingen": "/personen/{bsn}/ontheffingen",
    "pip": "/personen/{bsn}/PIP",
    "map": "/personen/{bsn}/map",
    "pvt": "/personen/{bsn}/pvt",
    "uren": "/personen/{bsn}/uren",
    "examenresultaten": "/personen/{bsn}/examens/resultaten",
    "gratispogingen": "/personen/{bsn}/examens/gratispogingen",
    "gebeurtenissen": "/personen/{bsn}/gebeurtenissen",
    "verlengingen": "/personen/{bsn}/verlengingen",
    "boetes": "/personen/{bsn}/boetes",
}
_VOORBEELD_PARAMS = {"bsn": "123456782", "id": "42", "instellingsnummer": "1234567890"}


def _api_versie(pad: str, methode: str) -> str:
    return spec.spec_versie(spec.api_voor_pad(methode, pad.format(**_VOORBEELD_PARAMS)))


class DuoMock:
    """DUO as requests-mock: answers taken from ``voorbeelden`` and validated against DUO's spec;
    at the end of the test every request our clients sent is validated against the spec too."""

    def __init__(self, mocker):
        self.m = mocker

    def _patroon(self, pad: str, bsn: str | None):
        delen = re.split(r"(\{[a-z]+\})", pad)
        regex = ""
        for deel in delen:
            if deel == "{bsn}":
                regex += re.escape(bsn) if bsn else r"\d{9}"
            elif deel.startswith("{"):
                regex += r"[^/]+"
            else:
                regex += re.escape(deel)
        return re.compile("^" + re.escape(DUO_ROOT) + regex + "$")

    def antwoord(
        self, methode: str, pad: str, *, status: int = 200, json=None, bsn=None, valideer=True
    ):
        """Register one answer; ``valideer=False`` only for answers a proxy gives (502, 429)."""
        headers = {"API-Version": _api_versie(pad, methode)}
        body = None
        if json is not None:
            headers["Content-Type"] = "application/json"
            body = spec.json_body(json)
        if valideer:
            api = spec.api_voor_pad(methode, pad.format(**_VOORBEELD_PARAMS))
            verzoek = spec.Verzoek(
                methode=methode, pad=pad.format(**_VOORBEELD_PARAMS), headers={}, body=None
            )
            spec.valideer_antwoord(
                api, verzoek, spec.Antwoord(status=status, headers=headers, body=body)
            )
        self.m.register_uri(
            methode, self._patroon(pad, bsn), status_code=status, headers=headers, content=body
        )

    def persoon(self, bsn: str, **afwijkingen):
        """Every GET about this person answers with the example; ``naam=None`` gives a 404,
        ``naam=(status, json)`` another answer, ``naam={...}`` another 200 body."""
        for naam, pad in KORTE_NAMEN.items():
            waarde = afwijkingen.pop(naam, voorbeelden.voorbeeld("GET", pad))
            if waarde is None:
                self.antwoord("GET", pad, status=404, bsn=bsn)
            elif isinstance(waarde, tuple):
                self.antwoord("GET", pad, status=waarde[0], json=waarde[1], bsn=bsn)
            else:
                self.antwoord("GET", pad, json=waarde, bsn=bsn)
        assert not afwijkingen, f"unknown names: {sorted(afwijkingen)}"

    def schrijven(self, **afwijkingen):
        """Every write succeeds as in DUO's spec, for any person."""
        for (methode, pad), status in voorbeelden.SCHRIJF_STATUS.items():
            json = voorbeelden.CONTACTPERSOON_AANGEMAAKT if pad == "/contactpersonen" else None
            waarde = afwijkingen.get((methode, pad))
            if waarde is not None:
                status, json = waarde
            self.antwoord(methode, pad, status=status, json=json)

    def controleer_verzoeken(self):
        for request in self.verzoeken:
            for kop in ("bron", "doel", "berichtId"):
                assert request.headers.get(kop), f"header {kop} missing"
            api, verzoek = spec.verzoek_uit_requests(request)
            spec.valideer_verzoek(api, verzoek)

    @property
    def verzoeken(self):
        return [r for r in self.m.request_history if r.url.startswith(DUO_ROOT)]


@pytest.fixture
def duo_mock(requests_mock):
    mock = DuoMock(requests_mock)
    yield mock
    mock.controleer_verzoeken()


# --- the DUO simulator (src/openinburgering/duo_simulator) in a background thread ---------------


class SimControle:
    """The simulator's control API (``/_sim/…``) and its URL for DUO_API_ROOT."""

    def __init__(self, app, url: str):
        import requests

        self.app = app
        self.url = url
        self.sessie = requests.Session()

    def _check(self, antwoord):
        assert antwoord.status_code < 300, f"/_sim answered {antwoord.status_code}"
        return antwoord.json() if antwoord.content else None

    def post(self, pad: str, body=None):
        return self._check(self.sessie.post(f"{self.url}/_sim{pad}", json=body, timeout=30))

    def get(self, pad: str, **params):
        return self._check(self.sessie.get(f"{self.url}/_sim{pad}", params=params, timeout=30))

    def gemeente(self, gemeente) -> None:
        self.post(
            "/gemeenten",
            {"oin": gemeente.oin, "gemeentecode": gemeente.code, "naam": gemeente.naam},
        )

    def persoon(self, bsn: str, gemeente, **velden) -> dict:
        return self.post(
            "/personen",
            {
                "bsn": bsn,
                "woongemeenteOin": gemeente.oin,
                "gemeentecode": gemeente.code,
                "plichtBegindatum": "2026-01-01",
                "vestigingsdatum": "2026-01-10",
                "doelgroep": "Asielstatushouder",
                **velden,
            },
        )

    def staat(self, bsn: str) -> dict:
        return self.get(f"/personen/{bsn}")

    def berichten(self, **params) -> list[dict]:
        return self.get("/berichten", **params)

    def storing(self, mode: str, **velden) -> None:
        self.post("/fouten", {"mode": mode, **velden})


@pytest.fixture
def simulator(tmp_path, settings):
    """The DUO simulator on a free port, checking against DUO's specs; DUO_API_ROOT points at it."""
    from openinburgering.duo_simulator.app import Simulator
    from openinburgering.duo_simulator.server import AchtergrondServer
    from openinburgering.duo_simulator.spec import laad_specs

    app = Simulator(
        tmp_path / "duo-simulator.sqlite3", specs=laad_specs(spec.SPEC_MAP), duo_oin=DUO_OIN
    )
    server = AchtergrondServer(app).start()
    settings.DUO_API_ROOT = server.url
    controle = SimControle(app, server.url)
    controle.post("/reset")
    controle.post("/klok", {"vandaag": "2026-06-01"})
    try:
        yield controle
    finally:
        server.stop()
        app.sluit()
