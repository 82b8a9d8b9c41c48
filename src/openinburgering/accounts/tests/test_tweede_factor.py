"""Issue 15, finding 4: a second factor is enrolled only through a beheerder's invitation."""

import logging
from datetime import timedelta
from io import StringIO

from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

import pytest
import time_machine
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from openinburgering.accounts import services
from openinburgering.accounts.models import TweedeFactorUitnodiging
from openinburgering.accounts.rollen import Rol

from .factories import WACHTWOORD

pytestmark = pytest.mark.django_db


def _code(apparaat):
    apparaat.refresh_from_db()
    return f"{totp(apparaat.bin_key, apparaat.step, apparaat.t0, apparaat.digits):06d}"


def _fout(apparaat):
    return "000000" if _code(apparaat) != "000000" else "111111"


def _wachtwoord(client, username, volgende=""):
    data = {"username": username, "password": WACHTWOORD}
    if volgende:
        data["next"] = volgende
    return client.post(reverse("accounts:login"), data)


def _link(token):
    return reverse("accounts:uitnodiging", kwargs={"token": token})


def _ingeschreven(client, user, token):
    """Follow an invitation as the user does: the link, the password, the app's code."""
    link = _link(token)
    naar_login = client.get(link)
    assert naar_login.status_code == 302
    assert naar_login["Location"].startswith(reverse("accounts:login"))
    response = _wachtwoord(client, user.username, volgende=link)
    # Via the second-factor page, which sends someone with an invitation back to it.
    response = client.get(response["Location"])
    assert response["Location"] == link
    pagina = client.get(link)
    assert pagina.status_code == 200
    assert "QR-code" in pagina.content.decode()
    apparaat = TOTPDevice.objects.get(user=user, confirmed=False)
    return client.post(link, {"code": _code(apparaat)}), apparaat


def test_the_password_alone_never_shows_a_totp_secret(gemeente_a, medewerker):
    user = medewerker(Rol.KLANTREGISSEUR, gemeente_a)
    client = Client()
    response = _wachtwoord(client, user.username)
    assert response["Location"].startswith(reverse("accounts:tweede_factor"))
    pagina = client.get(reverse("accounts:tweede_factor"))
    html = pagina.content.decode()
    assert "Vraag de functioneel beheerder van uw gemeente" in html
    assert "QR-code" not in html
    assert "otpauth" not in html
    assert 'name="code"' not in html
    assert not TOTPDevice.objects.filter(user=user).exists()
    # A code posted anyway sets nothing up, and every page still leads back.
    client.post(reverse("accounts:tweede_factor"), {"code": "123456"})
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert client.get(reverse("inburgeraars:lijst"))["Location"] == reverse(
        "accounts:tweede_factor"
    )


def test_beheerder_invites_and_the_link_enrols_once_with_recovery_codes(
    gemeente_a, medewerker, inloggen, caplog
):
    caplog.set_level(logging.INFO)
    beheerder = inloggen(medewerker(Rol.FUNCTIONEEL_BEHEERDER, gemeente_a))
    user = medewerker(Rol.KLANTREGISSEUR, gemeente_a)
    lijst = beheerder.get(reverse("accounts:medewerkers"))
    assert lijst.status_code == 200
    assert user.username in lijst.content.decode()
    assert "Niet ingesteld" in lijst.content.decode()

    uitgegeven = beheerder.post(
        reverse("accounts:medewerker_uitnodigen", kwargs={"uuid": user.uuid})
    )
    assert uitgegeven.status_code == 200
    html = uitgegeven.content.decode()
    assert "werkt één keer" in html
    link_start = html.index("/inloggen/uitnodiging/")
    token = html[link_start:].split("/")[3]

    client = Client()
    response, apparaat = _ingeschreven(client, user, token)
    assert response.status_code == 200
    codes = response.context["codes"]
    assert len(codes) == services.AANTAL_HERSTELCODES == 10
    assert all(code in response.content.decode() for code in codes)
    apparaat.refresh_from_db()
    assert apparaat.confirmed
    # Stored only as keyed hashes.
    opgeslagen = set(StaticToken.objects.values_list("token", flat=True))
    assert len(opgeslagen) == 10
    assert not opgeslagen & {c.replace("-", "") for c in codes} and not opgeslagen & set(codes)
    # Signed in with the new factor.
    assert client.get(reverse("inburgeraars:lijst")).status_code == 200

    # Single use: the link works no more, for anyone.
    weer = client.get(_link(token))
    assert weer.status_code == 404
    assert "al gebruikt, verlopen of vervangen" in weer.content.decode()

    gebeurtenissen = [r.msg.get("event") for r in caplog.records if isinstance(r.msg, dict)]
    assert "tweede_factor_uitnodiging_uitgegeven" in gebeurtenissen
    assert "tweede_factor_ingesteld" in gebeurtenissen
    alles = " ".join(str(r.msg) for r in caplog.records)
    assert token not in alles
    assert not any(code in alles for code in codes)


def test_an_expired_invitation_does_not_work(gemeente_a, medewerker, settings):
    user = medewerker(Rol.KLANTREGISSEUR, gemeente_a)
    token = services.uitnodiging_uitgeven(user=user, door=None)
    later = timezone.now() + settings.TWEEDE_FACTOR_UITNODIGING_GELDIG + timedelta(minutes=1)
    with time_machine.travel(later):
        client = Client()
        _wachtwoord(client, user.username)
        response = client.get(_link(token))
    assert response.status_code == 404
    assert not TOTPDevice.objects.filter(user=user).exists()


def test_a_new_invitation_replaces_the_open_one(gemeente_a, medewerker):
    user = medewerker(Rol.KLANTREGISSEUR, gemeente_a)
    oud = services.uitnodiging_uitgeven(user=user, door=None)
    services.uitnodiging_uitgeven(user=user, door=None)
    assert Client().get(_link(oud)).status_code == 404
    assert TweedeFactorUitnodiging.objects.filter(user=user).count() == 1


def test_an_invitation_for_someone_else_shows_no_secret(gemeente_a, medewerker):
    user = medewerker(Rol.KLANTREGISSEUR, gemeente_a)
    ander = medewerker(Rol.KLANTREGISSEUR, gemeente_a)
    token = services.uitnodiging_uitgeven(user=user, door=None)
    client = Client()
    _wachtwoord(client, ander.username)
    response = client.get(_link(token))
    assert response.status_code == 403
    assert "QR-code" not in response.content.decode()
    assert not TOTPDevice.objects.exists()


def test_a_wrong_code_does_not_use_up_the_invitation(gemeente_a, medewerker):
    user = medewerker(Rol.KLANTREGISSEUR, gemeente_a)
    token = services.uitnodiging_uitgeven(user=user, door=None)
    client = Client()
    _wachtwoord(client, user.username)
    client.get(_link(token))
    apparaat = TOTPDevice.objects.get(user=user)
    fout = client.post(_link(token), {"code": _fout(apparaat)})
    assert fout.status_code == 400
    with time_machine.travel(timezone.now() + timedelta(seconds=5)):
        goed = client.post(_link(token), {"code": _code(apparaat)})
    assert goed.status_code == 200
    assert "Uw herstelcodes" in goed.content.decode()


def test_a_recovery_code_signs_in_once(gemeente_a, medewerker, caplog):
    caplog.set_level(logging.INFO)
    user = medewerker(Rol.KLANTREGISSEUR, gemeente_a)
    token = services.uitnodiging_uitgeven(user=user, door=None)
    _response, _apparaat = _ingeschreven(Client(), user, token)
    codes = _response.context["codes"]

    client = Client()
    _wachtwoord(client, user.username)
    response = client.post(reverse("accounts:tweede_factor"), {"code": codes[3].upper()})
    assert response.status_code == 302
    assert client.get(reverse("inburgeraars:lijst")).status_code == 200
    assert StaticToken.objects.count() == 9
    assert "herstelcode_gebruikt" in [
        r.msg.get("event") for r in caplog.records if isinstance(r.msg, dict)
    ]

    with time_machine.travel(timezone.now() + timedelta(seconds=5)):
        nog_eens = Client()
        _wachtwoord(nog_eens, user.username)
        weer = nog_eens.post(reverse("accounts:tweede_factor"), {"code": codes[3]})
    assert weer.status_code == 400
    assert nog_eens.get(reverse("inburgeraars:lijst")).status_code == 302


def test_beheerder_resets_a_factor_which_issues_a_new_invitation(
    gemeente_a, medewerker, inloggen, caplog
):
    caplog.set_level(logging.INFO)
    user = medewerker(Rol.KLANTREGISSEUR, gemeente_a)
    oud_token = services.uitnodiging_uitgeven(user=user, door=None)
    _ingeschreven(Client(), user, oud_token)
    sessie_van_user = inloggen(user)
    assert sessie_van_user.get(reverse("inburgeraars:lijst")).status_code == 200

    beheerder = inloggen(medewerker(Rol.FUNCTIONEEL_BEHEERDER, gemeente_a))
    response = beheerder.post(reverse("accounts:medewerker_uitnodigen", kwargs={"uuid": user.uuid}))
    assert response.status_code == 200
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert not StaticDevice.objects.filter(user=user).exists()
    assert TweedeFactorUitnodiging.objects.filter(user=user, gebruikt_op__isnull=True).exists()
    # The old session is no longer verified: back to the second-factor page.
    assert sessie_van_user.get(reverse("inburgeraars:lijst"))["Location"] == reverse(
        "accounts:tweede_factor"
    )
    assert "tweede_factor_gereset" in [
        r.msg.get("event") for r in caplog.records if isinstance(r.msg, dict)
    ]


def test_only_a_beheerder_of_the_users_gemeente_may_invite(
    gemeente_a, gemeente_b, medewerker, inloggen
):
    user = medewerker(Rol.KLANTREGISSEUR, gemeente_a)
    url = reverse("accounts:medewerker_uitnodigen", kwargs={"uuid": user.uuid})
    vreemde_beheerder = inloggen(medewerker(Rol.FUNCTIONEEL_BEHEERDER, gemeente_b))
    assert vreemde_beheerder.post(url).status_code == 404
    assert (
        user.username not in vreemde_beheerder.get(reverse("accounts:medewerkers")).content.decode()
    )
    collega = inloggen(medewerker(Rol.TEAMLEIDER, gemeente_a))
    assert collega.post(url).status_code == 403
    assert collega.get(reverse("accounts:medewerkers")).status_code == 403
    assert not TweedeFactorUitnodiging.objects.exists()


def test_a_beheerder_cannot_invite_themself(gemeente_a, medewerker, inloggen):
    beheerder = medewerker(Rol.FUNCTIONEEL_BEHEERDER, gemeente_a)
    client = inloggen(beheerder)
    url = reverse("accounts:medewerker_uitnodigen", kwargs={"uuid": beheerder.uuid})
    assert client.post(url).status_code == 403
    assert TOTPDevice.objects.filter(user=beheerder, confirmed=True).exists()


def test_the_management_command_prints_a_working_link(gemeente_a, medewerker):
    user = medewerker(Rol.FUNCTIONEEL_BEHEERDER, gemeente_a)
    uit = StringIO()
    call_command(
        "tweede_factor_uitnodigen",
        gebruiker=user.username,
        basis_url="https://inburgering.example",
        stdout=uit,
    )
    link = uit.getvalue().strip()
    assert link.startswith("https://inburgering.example/inloggen/uitnodiging/")
    token = link.rstrip("/").rsplit("/", 1)[-1]
    response, _apparaat = _ingeschreven(Client(), user, token)
    assert "Uw herstelcodes" in response.content.decode()


def test_in_the_demo_no_invitation_page_asks_anything(gemeente_a, medewerker, settings):
    settings.TWO_FACTOR_REQUIRED = False
    user = medewerker(Rol.KLANTREGISSEUR, gemeente_a)
    token = services.uitnodiging_uitgeven(user=user, door=None)
    assert Client().get(_link(token)).status_code == 302
    assert not TOTPDevice.objects.exists()
