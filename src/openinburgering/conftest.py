"""Shared fixtures. The privacy guard that checks every response, log line and file of the suite
for a BSN is a plugin of its own: ``core/tests/lekcontrole.py`` (ADR 0059)."""

import json
import urllib.request
from pathlib import Path

from django.test import Client
from django.utils import timezone

import pytest

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

    def maak(gemeente, bereiken=None):
        # Every scope unless a test names them (ADR 0074).
        from openinburgering.accounts.bereiken import alle

        _, sleutel = apitoken_aanmaken(
            gemeente=gemeente,
            naam="test-systeem",
            bereiken=alle() if bereiken is None else bereiken,
        )
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
