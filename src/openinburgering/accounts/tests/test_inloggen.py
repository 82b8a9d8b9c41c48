from datetime import timedelta

from django.test import Client
from django.urls import reverse
from django.utils import timezone

import pytest
import time_machine
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from openinburgering.accounts.models import User
from openinburgering.accounts.rollen import Rol

from .factories import WACHTWOORD


def _code(apparaat):
    return (
        f"{totp(apparaat.bin_key, apparaat.step, apparaat.t0, apparaat.digits, apparaat.drift):06d}"
    )


def _wachtwoord(client, username, wachtwoord=WACHTWOORD):
    return client.post(reverse("accounts:login"), {"username": username, "password": wachtwoord})


def test_login_asks_the_code_of_the_enrolled_app(gemeente_a, medewerker):
    user = medewerker(Rol.KLANTREGISSEUR, gemeente_a)
    apparaat = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    client = Client()
    response = _wachtwoord(client, user.username)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:tweede_factor"))
    # Without the second factor every page leads back to it.
    assert client.get(reverse("inburgeraars:lijst"))["Location"] == reverse(
        "accounts:tweede_factor"
    )
    pagina = client.get(reverse("accounts:tweede_factor")).content.decode()
    assert "Code uit uw authenticator-app" in pagina
    assert "QR-code" not in pagina

    fout = client.post(
        reverse("accounts:tweede_factor"),
        {"code": "000000" if _code(apparaat) != "000000" else "111111"},
    )
    assert fout.status_code == 400
    assert "klopt niet" in fout.content.decode()

    # django-otp throttles after a wrong code; a person waits a moment and tries again.
    with time_machine.travel(timezone.now() + timedelta(seconds=5)):
        apparaat.refresh_from_db()
        goed = client.post(reverse("accounts:tweede_factor"), {"code": _code(apparaat)})
    assert goed.status_code == 302
    assert client.get(reverse("inburgeraars:lijst")).status_code == 200


def test_wrong_password_is_a_clear_dutch_message(gemeente_a, medewerker):
    user = medewerker(Rol.KLANTREGISSEUR, gemeente_a)
    response = _wachtwoord(Client(), user.username, "fout")
    assert response.status_code == 400
    assert "gebruikersnaam en wachtwoord is onjuist" in response.content.decode()
    assert _wachtwoord(Client(), "bestaat-niet", "fout").status_code == 400


def test_idle_session_ends_after_15_minutes(gemeente_a, medewerker, inloggen):
    client = inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_a))
    start = timezone.now()
    with time_machine.travel(start + timedelta(minutes=14)):
        assert client.get(reverse("inburgeraars:lijst")).status_code == 200
    with time_machine.travel(start + timedelta(minutes=14 + 16)):
        response = client.get(reverse("inburgeraars:lijst"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_active_session_still_ends_after_12_hours(gemeente_a, medewerker, inloggen):
    client = inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_a))
    start = timezone.now()
    for minuten in range(10, 12 * 60, 10):
        with time_machine.travel(start + timedelta(minutes=minuten)):
            assert client.get(reverse("inburgeraars:lijst")).status_code == 200, minuten
    with time_machine.travel(start + timedelta(hours=12, minutes=5)):
        assert client.get(reverse("inburgeraars:lijst")).status_code == 302


def test_logout_is_a_post(gemeente_a, medewerker, inloggen):
    client = inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_a))
    assert client.get(reverse("accounts:logout")).status_code == 405
    client.post(reverse("accounts:logout"))
    assert client.get(reverse("inburgeraars:lijst")).status_code == 302


def test_open_redirect_is_refused(gemeente_a, medewerker, settings):
    settings.TWO_FACTOR_REQUIRED = False
    user = medewerker(Rol.KLANTREGISSEUR, gemeente_a)
    response = Client().post(
        reverse("accounts:login"),
        {"username": user.username, "password": WACHTWOORD, "next": "https://kwaadaardig.example/"},
    )
    assert response["Location"] == reverse("ui:start")


def test_demo_mode_without_second_factor_shows_a_banner(gemeente_a, medewerker, settings):
    settings.TWO_FACTOR_REQUIRED = False
    settings.DEMO_MODE = True
    user = medewerker(Rol.KLANTREGISSEUR, gemeente_a)
    client = Client()
    _wachtwoord(client, user.username)
    response = client.get(reverse("inburgeraars:lijst"))
    assert response.status_code == 200
    assert "Demo-omgeving" in response.content.decode()


@pytest.mark.parametrize(
    "email, gevonden",
    [("bekend@gemeente.example", True), ("onbekend@elders.example", False), ("", False)],
)
def test_oidc_only_signs_in_existing_users_and_never_creates_one(db, settings, email, gevonden):
    settings.OIDC_OP_TOKEN_ENDPOINT = "https://idp.example/token"
    settings.OIDC_OP_USER_ENDPOINT = "https://idp.example/userinfo"
    settings.OIDC_RP_CLIENT_ID = "open-inburgering"
    settings.OIDC_RP_CLIENT_SECRET = "geheim"
    settings.OIDC_OP_JWKS_ENDPOINT = "https://idp.example/jwks"
    from openinburgering.accounts.oidc import GemeenteOIDCBackend

    User.objects.create_user(username="bekend", email="bekend@gemeente.example")
    backend = GemeenteOIDCBackend()
    assert backend.filter_users_by_claims({"email": email}).exists() is gevonden
    assert backend.create_user({"email": email}) is None


CODE_TEKSTEN = ("authenticator", "Code uit uw", "one-time-code", "QR-code")


def _vraagt_om_code(html: str) -> list[str]:
    return [t for t in CODE_TEKSTEN if t in html]


def test_with_totp_the_login_page_announces_the_code_and_then_asks_for_it(
    gemeente_a, medewerker, settings
):
    settings.TWO_FACTOR_REQUIRED = True
    user = medewerker(Rol.KLANTREGISSEUR, gemeente_a)
    TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    client = Client()
    pagina = client.get(reverse("accounts:login")).content.decode()
    assert "Daarna vragen we de code uit uw authenticator-app." in pagina
    response = _wachtwoord(client, user.username)
    assert response["Location"].startswith(reverse("accounts:tweede_factor"))
    tweede = client.get(response["Location"])
    assert tweede.status_code == 200
    assert _vraagt_om_code(tweede.content.decode())


def test_without_totp_no_page_asks_for_a_code(gemeente_a, medewerker, settings):
    """The demo: the login page does not announce a code, signing in goes straight to the page
    asked for, and the second-factor page (an old bookmark) sends the user on without setting
    up an authenticator."""
    settings.TWO_FACTOR_REQUIRED = False
    settings.DEMO_MODE = True
    user = medewerker(Rol.KLANTREGISSEUR, gemeente_a)
    client = Client()
    login = client.get(reverse("accounts:login"))
    assert _vraagt_om_code(login.content.decode()) == []
    assert "gebruikersnaam en wachtwoord" in login.content.decode()

    lijst = reverse("inburgeraars:lijst")
    response = client.post(
        reverse("accounts:login"),
        {"username": user.username, "password": WACHTWOORD, "next": lijst},
    )
    assert response["Location"] == lijst
    pagina = client.get(lijst)
    assert pagina.status_code == 200
    assert _vraagt_om_code(pagina.content.decode()) == []

    oud = client.get(f"{reverse('accounts:tweede_factor')}?next={lijst}")
    assert oud.status_code == 302
    assert oud["Location"] == lijst
    assert client.post(reverse("accounts:tweede_factor"), {"code": "123456"}).status_code == 302
    assert not TOTPDevice.objects.filter(user=user).exists()


def test_without_totp_the_second_factor_page_still_needs_a_sign_in(db, settings):
    settings.TWO_FACTOR_REQUIRED = False
    response = Client().get(reverse("accounts:tweede_factor"))
    assert response.status_code == 302
    assert response["Location"] == reverse(settings.LOGIN_URL)


def test_the_login_page_in_english_follows_the_same_rule(db, settings):
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    settings.TWO_FACTOR_REQUIRED = False
    zonder = client.get(reverse("accounts:login")).content.decode()
    assert "Log in with your Open Inburgering username and password." in zonder
    assert "authenticator" not in zonder
    settings.TWO_FACTOR_REQUIRED = True
    met = client.get(reverse("accounts:login")).content.decode()
    assert "We will then ask for the code from your authenticator app." in met
