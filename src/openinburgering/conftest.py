"""Shared fixtures. The privacy guard that checks every response, log line and file of the suite
for a BSN is a plugin of its own: ``core/tests/lekcontrole.py`` (ADR 0059)."""

from django.test import Client
from django.utils import timezone

import pytest


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
