"""The demo's world (people with plans, letters, PVT sessions, MAP activities), made once per
module as ``make demo`` makes it, and a newcomer signed in to the portal."""

import io

from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

import pytest

from openinburgering.portaal import selectors, sessie

AANTAL = 12


@pytest.fixture(scope="module")
def wereld(django_db_setup, django_db_blocker):
    dummy = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    with django_db_blocker.unblock():
        with override_settings(TASKS=dummy):
            call_command("demo_data", aantal=AANTAL, stdout=io.StringIO())
        try:
            yield
        finally:
            call_command("flush", interactive=False, verbosity=0)


def rijke_personen():
    """Two people of one gemeente who both have appointments and letters."""
    from openinburgering.inburgeraars.models import Inburgeraar

    rijk = [
        i
        for i in Inburgeraar.objects.filter(gemeente__code="9001").order_by("pk")
        if selectors.afspraken(i) and selectors.brieven(i)
    ]
    assert len(rijk) >= 2, "the demo world should have two people with appointments and letters"
    return rijk[0], rijk[1]


def als_inburgeraar(client, inburgeraar):
    """As after a DigiD login (the login itself is tested in test_inloggen)."""
    s = client.session
    nu = timezone.now().isoformat()
    s[sessie.SLEUTEL] = {
        "inburgeraar": inburgeraar.pk,
        "niveau": "substantieel",
        "login": nu,
        "laatst": nu,
    }
    s.save()
    return client
