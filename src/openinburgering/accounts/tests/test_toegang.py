"""The fixed cost of a request (ADR 0061): no session write when nothing changed, memberships and
the second factor from the session while the user's access is unchanged, and every change that
takes access away effective on the very next request."""

from datetime import timedelta

from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import time_machine
from django_otp.plugins.otp_totp.models import TOTPDevice

from openinburgering.accounts import services
from openinburgering.accounts.middleware import LAATSTE_ACTIVITEIT
from openinburgering.accounts.rollen import Rol
from openinburgering.gemeenten.models import Lidmaatschap
from openinburgering.gemeenten.services import gemeente_instellingen_wijzigen

LIJST = "/inburgeraars/"


def _sessie(client) -> dict:
    return Session.objects.get(session_key=client.session.session_key).get_decoded()


def _sql(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    return response, [q["sql"] for q in ctx]


def test_a_request_that_changes_nothing_does_not_write_the_session(
    gemeente_a, medewerker, inloggen
):
    client = inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_a))
    assert client.get(LIJST).status_code == 200  # the first request keeps what it resolved
    voor = _sessie(client)
    response, sql = _sql(client, LIJST)
    assert response.status_code == 200
    schrijven = ("INSERT", "UPDATE", "DELETE")
    assert not [s for s in sql if "django_session" in s and any(w in s for w in schrijven)]
    assert settings.SESSION_COOKIE_NAME not in response.cookies
    assert _sessie(client) == voor


def test_a_request_reads_no_membership_and_no_device_while_nothing_changed(
    gemeente_a, medewerker, inloggen
):
    client = inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_a))
    client.get(LIJST)
    _response, sql = _sql(client, LIJST)
    assert not [s for s in sql if "gemeenten_lidmaatschap" in s or "otp_" in s]


def test_last_activity_is_written_at_most_once_a_minute(gemeente_a, medewerker, inloggen):
    client = inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_a))
    start = timezone.now()
    with time_machine.travel(start + timedelta(seconds=61)):
        client.get(LIJST)
    geschreven = _sessie(client)[LAATSTE_ACTIVITEIT]
    with time_machine.travel(start + timedelta(seconds=100)):
        client.get(LIJST)
    assert _sessie(client)[LAATSTE_ACTIVITEIT] == geschreven
    with time_machine.travel(start + timedelta(seconds=125)):
        client.get(LIJST)
    assert _sessie(client)[LAATSTE_ACTIVITEIT] != geschreven


def test_the_idle_timeout_still_ends_a_session(gemeente_a, medewerker, inloggen):
    client = inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_a))
    start = timezone.now()
    # Requests every 50 seconds keep the session alive; none of them needs to write it.
    for seconden in range(50, 20 * 60, 50):
        with time_machine.travel(start + timedelta(seconds=seconden)):
            assert client.get(LIJST).status_code == 200, seconden
    laatste = start + timedelta(seconds=seconden)
    with time_machine.travel(laatste + timedelta(minutes=15, seconds=1)):
        response = client.get(LIJST)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_a_revoked_membership_takes_effect_on_the_next_request(
    gemeente_a, gemeente_b, medewerker, inloggen, inburgeraar_factory
):
    user = medewerker(Rol.KLANTREGISSEUR, gemeente_a, gemeente_b)
    persoon_b = inburgeraar_factory(gemeente_b)
    client = inloggen(user)
    client.post(reverse("ui:gemeente_wisselen"), {"gemeente": gemeente_b.code})
    detail_b = reverse("inburgeraars:detail", kwargs={"uuid": persoon_b.uuid})
    assert client.get(detail_b).status_code == 200
    Lidmaatschap.objects.get(user=user, gemeente=gemeente_b).delete()
    assert client.get(detail_b).status_code == 404
    assert "Beekveld" not in client.get(LIJST).content.decode()
    Lidmaatschap.objects.filter(user=user).delete()
    assert client.get(LIJST).status_code == 403


def test_a_changed_role_takes_effect_on_the_next_request(gemeente_a, medewerker, inloggen):
    user = medewerker(Rol.KLANTREGISSEUR, gemeente_a)
    client = inloggen(user)
    assert client.get(LIJST).status_code == 200
    lidmaatschap = Lidmaatschap.objects.get(user=user)
    lidmaatschap.rol = Rol.FUNCTIONEEL_BEHEERDER
    lidmaatschap.save()
    assert client.get(LIJST).status_code == 403


def test_a_new_membership_shows_on_the_next_request(gemeente_a, gemeente_b, medewerker, inloggen):
    user = medewerker(Rol.KLANTREGISSEUR, gemeente_a)
    client = inloggen(user)
    assert "Beekveld" not in client.get(LIJST).content.decode()
    Lidmaatschap.objects.create(user=user, gemeente=gemeente_b, rol=Rol.KLANTREGISSEUR)
    assert "Beekveld" in client.get(LIJST).content.decode()


def test_a_renamed_gemeente_shows_on_the_next_request(gemeente_a, medewerker, inloggen):
    client = inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_a))
    assert "Amstelwaard" in client.get(LIJST).content.decode()
    gemeente_instellingen_wijzigen(
        gemeente=gemeente_a, versie=gemeente_a.versie, naam="Nieuwwaard", koppeling="m2m"
    )
    pagina = client.get(LIJST).content.decode()
    assert "Nieuwwaard" in pagina
    assert "Amstelwaard" not in pagina


def test_a_removed_device_takes_effect_on_the_next_request(gemeente_a, medewerker, inloggen):
    user = medewerker(Rol.KLANTREGISSEUR, gemeente_a)
    client = inloggen(user)
    assert client.get(LIJST).status_code == 200
    assert client.get(LIJST).status_code == 200  # now from the session
    TOTPDevice.objects.filter(user=user).delete()
    assert client.get(LIJST)["Location"] == reverse("accounts:tweede_factor")


def test_an_unconfirmed_device_takes_effect_on_the_next_request(gemeente_a, medewerker, inloggen):
    user = medewerker(Rol.KLANTREGISSEUR, gemeente_a)
    client = inloggen(user)
    assert client.get(LIJST).status_code == 200
    apparaat = TOTPDevice.objects.get(user=user)
    apparaat.confirmed = False
    apparaat.save()
    assert client.get(LIJST)["Location"] == reverse("accounts:tweede_factor")


def test_a_reset_by_the_beheerder_takes_effect_on_the_next_request(
    gemeente_a, medewerker, inloggen
):
    user = medewerker(Rol.KLANTREGISSEUR, gemeente_a)
    client = inloggen(user)
    assert client.get(LIJST).status_code == 200
    services.tweede_factor_resetten(user=user, door=None)
    assert client.get(LIJST)["Location"] == reverse("accounts:tweede_factor")


def test_a_deactivated_user_is_out_on_the_next_request(gemeente_a, medewerker, inloggen):
    user = medewerker(Rol.KLANTREGISSEUR, gemeente_a)
    client = inloggen(user)
    assert client.get(LIJST).status_code == 200
    user.is_active = False
    user.save()
    assert client.get(LIJST).status_code == 302
