"""Shared fixtures, and the privacy guard that checks every response and log line of the suite."""

import json
import logging
import re
import urllib.request
from pathlib import Path

from django.test import Client
from django.utils import timezone

import pytest
from stdnum.nl import bsn as stdnum_bsn

NEGEN_CIJFERS = re.compile(r"(?<![\w.-])(\d{9})(?![\w.-])")
# The one place a BSN may appear in HTML: the value of a form field named bsn that the user typed.
BSN_INVOERVELD = re.compile(r'<input[^>]*name="bsn"[^>]*>')


def gelekte_bsns(tekst: str) -> list[str]:
    return [m for m in NEGEN_CIJFERS.findall(tekst) if stdnum_bsn.is_valid(m)]


def _zonder_toegestane_velden(inhoud: str, content_type: str) -> str:
    if "json" in content_type:
        try:
            data = json.loads(inhoud)
        except ValueError:
            return inhoud

        def schoon(waarde):
            if isinstance(waarde, dict):
                return {k: (None if k == "bsn" else schoon(v)) for k, v in waarde.items()}
            if isinstance(waarde, list):
                return [schoon(v) for v in waarde]
            return waarde

        return json.dumps(schoon(data))
    return BSN_INVOERVELD.sub("", inhoud)


def controleer_response_op_bsn(path: str, response) -> None:
    lekken = gelekte_bsns(path)
    for header, waarde in response.items():
        lekken += gelekte_bsns(f"{header}: {waarde}")
    if not getattr(response, "streaming", False):
        content_type = response.get("Content-Type", "")
        if content_type.startswith(("text/", "application/json", "application/problem+json")):
            inhoud = response.content.decode(errors="replace")
            lekken += gelekte_bsns(_zonder_toegestane_velden(inhoud, content_type))
    assert not lekken, (
        f"BSN found in a URL, header or response body outside the allowed fields: {path}"
    )


class _LekHandler(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.DEBUG)
        self.lekken: list[str] = []

    def emit(self, record):
        tekst = f"{record.msg} {record.args or ''}"
        if gelekte_bsns(tekst):
            self.lekken.append(record.name)


_lek_handler = _LekHandler()


@pytest.fixture(autouse=True, scope="session")
def _bsn_lekcontrole_op_requests():
    """Every request any test makes is checked for a BSN outside the allowed fields."""
    origineel = Client.request

    def request(self, **request):
        response = origineel(self, **request)
        controleer_response_op_bsn(
            request.get("PATH_INFO", "") + "?" + request.get("QUERY_STRING", ""), response
        )
        return response

    Client.request = request
    logging.getLogger().addHandler(_lek_handler)
    yield
    logging.getLogger().removeHandler(_lek_handler)
    Client.request = origineel


@pytest.fixture(autouse=True)
def _bsn_lekcontrole_op_logs():
    _lek_handler.lekken.clear()
    yield
    assert not _lek_handler.lekken, f"BSN in a log line from {_lek_handler.lekken}"


# What the fault tests (crash, outage, replay, kill) counted, for ``.ci/run`` to print.
TEST_ARTEFACTEN = Path(__file__).resolve().parents[2] / "test-artefacten"


@pytest.fixture
def foutverslag():
    """``foutverslag(test, **aantallen)`` appends one line to ``test-artefacten/fouttests.txt``;
    the test asserts the counts itself, this only reports them."""

    def schrijf(test: str, **aantallen: int) -> None:
        TEST_ARTEFACTEN.mkdir(exist_ok=True)
        delen = ", ".join(
            f"{naam.replace('_', ' ')} {waarde}" for naam, waarde in aantallen.items()
        )
        with open(TEST_ARTEFACTEN / "fouttests.txt", "a", encoding="utf-8") as f:
            f.write(f"{test}: {delen}\n")

    return schrijf


@pytest.fixture
def simulator(tmp_path, settings):
    """The DUO simulator in a thread with DUO's specs (the repository's copy); DUO_API_ROOT points
    at it. ``simulator(methode, pad, body)`` calls its admin API (``/_sim``) to seed it. The
    simulator's own tests and the DUO integration's have their own fixture of this name."""
    from openinburgering.duo_simulator.app import Simulator
    from openinburgering.duo_simulator.server import AchtergrondServer
    from openinburgering.duo_simulator.spec import laad_specs
    from openinburgering.specs import DUO_M2M

    app = Simulator(tmp_path / "sim.sqlite3", specs=laad_specs(DUO_M2M))
    server = AchtergrondServer(app).start()
    settings.DUO_API_ROOT = server.url

    def sim(methode, pad, body=None):
        verzoek = urllib.request.Request(
            server.url + "/_sim" + pad,
            data=json.dumps(body).encode() if body is not None else None,
            method=methode,
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(verzoek, timeout=10) as antwoord:
            return json.loads(antwoord.read() or b"null")

    yield sim
    app.reset()
    server.stop()
    app.sluit()


@pytest.fixture
def maak_gemeente(db):
    from openinburgering.gemeenten.tests.factories import GemeenteFactory

    return GemeenteFactory


@pytest.fixture
def gemeente_a(db):
    from openinburgering.gemeenten.tests.factories import GemeenteFactory

    return GemeenteFactory(code="0001", naam="Amstelwaard")


@pytest.fixture
def gemeente_b(db):
    from openinburgering.gemeenten.tests.factories import GemeenteFactory

    return GemeenteFactory(code="0002", naam="Beekveld")


@pytest.fixture
def medewerker(db):
    """Make a user with a role in one or more gemeenten."""
    from openinburgering.accounts.tests.factories import UserFactory
    from openinburgering.gemeenten.models import Lidmaatschap

    def maak(rol, *gemeenten, **kwargs):
        user = UserFactory(**kwargs)
        for gemeente in gemeenten:
            Lidmaatschap.objects.create(user=user, gemeente=gemeente, rol=rol)
        return user

    return maak


def _ingelogd(client, user):
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from openinburgering.accounts.middleware import LAATSTE_ACTIVITEIT, LOGIN_TIJD

    apparaat = TOTPDevice.objects.create(user=user, name="test", confirmed=True)
    client.force_login(user)
    sessie = client.session
    nu = timezone.now().isoformat()
    sessie[LOGIN_TIJD] = nu
    sessie[LAATSTE_ACTIVITEIT] = nu
    sessie[DEVICE_ID_SESSION_KEY] = apparaat.persistent_id
    sessie.save()
    return client


@pytest.fixture
def inloggen():
    """Log a user in as after password and second factor."""

    def doe(user, client=None):
        return _ingelogd(client or Client(), user)

    return doe


@pytest.fixture
def api_client(db):
    from rest_framework.test import APIClient

    from openinburgering.gemeenten.services import apitoken_aanmaken

    def maak(gemeente):
        _, sleutel = apitoken_aanmaken(gemeente=gemeente, naam="test-systeem")
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Token {sleutel}")
        return client

    return maak


@pytest.fixture
def inburgeraar_factory(db):
    from openinburgering.inburgeraars.tests.factories import maak_inburgeraar

    return maak_inburgeraar


def pytest_sessionstart(session):
    # The fault tests append their counts; a run reports its own only. Under xdist only the
    # controller clears the file, before any worker runs a test.
    if not hasattr(session.config, "workerinput"):
        (TEST_ARTEFACTEN / "fouttests.txt").unlink(missing_ok=True)
