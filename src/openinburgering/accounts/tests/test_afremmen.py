"""Issue 15, finding 8: failed sign-ins slow an attacker down per IP and per account, and never
lock the real user out (no 30-minute lockout that five anonymous requests could trigger)."""

from datetime import timedelta

from django.test import Client
from django.urls import reverse
from django.utils import timezone

import pytest
import time_machine
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from openinburgering.accounts import afremmen
from openinburgering.accounts.rollen import Rol

from .factories import WACHTWOORD

pytestmark = pytest.mark.django_db

AANVALLER = "203.0.113.7"
KANTOOR = "198.51.100.20"


def _poging(username, wachtwoord, ip):
    return Client(REMOTE_ADDR=ip).post(
        reverse("accounts:login"), {"username": username, "password": wachtwoord}
    )


def _fouten(username, aantal, ip, traveller):
    """``aantal`` wrong passwords, each after the waiting time of the one before."""
    for _ in range(aantal):
        response = _poging(username, "fout-wachtwoord", ip)
        assert response.status_code == 400, response.status_code
        wacht = afremmen.nog_wachten(
            [afremmen.ip_sleutel_voor(ip), afremmen.account_sleutel(username)]
        )
        traveller.shift(wacht.total_seconds() + 0.5)


@pytest.mark.parametrize(
    ("score", "wacht"),
    [
        (0, 0),
        (4.4, 0),
        (4.6, 2),
        (5, 2),
        (6, 4),
        (7, 8),
        (13, 512),
        (14, 900),  # the maximum for an account: 15 minutes
        (400, 900),
    ],
)
def test_the_wait_doubles_per_failure_up_to_the_maximum(score, wacht):
    assert afremmen.wachttijd(
        score, vrij=afremmen.VRIJE_POGINGEN_ACCOUNT, maximum=afremmen.MAX_WACHTTIJD_ACCOUNT
    ) == timedelta(seconds=wacht)


def test_five_anonymous_failures_do_not_lock_the_user_out(gemeente_a, medewerker, settings):
    settings.TWO_FACTOR_REQUIRED = False
    user = medewerker(Rol.KLANTREGISSEUR, gemeente_a)
    for _ in range(5):
        assert _poging(user.username, "fout", AANVALLER).status_code == 400
    # A few seconds later the right password works (it was a 30-minute lockout).
    with time_machine.travel(timezone.now() + timedelta(seconds=3)):
        assert _poging(user.username, WACHTWOORD, KANTOOR).status_code == 302


def test_a_guessing_run_waits_longer_each_time_and_the_user_gets_in_after_the_window(
    gemeente_a, medewerker, settings
):
    settings.TWO_FACTOR_REQUIRED = False
    user = medewerker(Rol.KLANTREGISSEUR, gemeente_a)
    with time_machine.travel(timezone.now(), tick=False) as reis:
        _fouten(user.username, 9, AANVALLER, reis)
        # The ninth failure set a wait of 2 s * 2**4 = 32 s; inside it even the right
        # password is refused, from any address, without being checked.
        reis.shift(-1)
        binnen = _poging(user.username, WACHTWOORD, KANTOOR)
        assert binnen.status_code == 429
        assert "Te veel mislukte pogingen" in binnen.content.decode()
        assert 1 <= int(binnen["Retry-After"]) <= 32
        # Attempts inside the window do not count and do not lengthen it.
        assert _poging(user.username, "fout", AANVALLER).status_code == 429
        reis.shift(2)
        assert _poging(user.username, WACHTWOORD, KANTOOR).status_code == 302


def test_the_score_fades_in_hours(gemeente_a, medewerker, settings):
    settings.TWO_FACTOR_REQUIRED = False
    user = medewerker(Rol.KLANTREGISSEUR, gemeente_a)
    with time_machine.travel(timezone.now(), tick=False) as reis:
        _fouten(user.username, 8, AANVALLER, reis)
        reis.shift(timedelta(hours=6).total_seconds())
        # After hours of quiet a single typo costs no wait at all.
        assert _poging(user.username, "fout", KANTOOR).status_code == 400
        assert _poging(user.username, WACHTWOORD, KANTOOR).status_code == 302


def test_one_address_guessing_many_accounts_is_slowed_but_others_are_not(
    gemeente_a, medewerker, settings
):
    settings.TWO_FACTOR_REQUIRED = False
    slachtoffer = medewerker(Rol.KLANTREGISSEUR, gemeente_a)
    with time_machine.travel(timezone.now(), tick=False) as reis:
        for nummer in range(afremmen.VRIJE_POGINGEN_IP + 2):
            # Each a different (partly unknown) username: no account reaches its own limit.
            assert _poging(f"gok{nummer}", "fout", AANVALLER).status_code == 400
            reis.shift(
                afremmen.nog_wachten([afremmen.ip_sleutel_voor(AANVALLER)]).total_seconds() + 0.5
            )
        reis.shift(-1)
        assert _poging(slachtoffer.username, WACHTWOORD, AANVALLER).status_code == 429
        assert _poging(slachtoffer.username, WACHTWOORD, KANTOOR).status_code == 302


def test_an_unknown_username_is_slowed_like_a_known_one(db):
    with time_machine.travel(timezone.now(), tick=False) as reis:
        _fouten("bestaat-niet", afremmen.VRIJE_POGINGEN_ACCOUNT + 1, AANVALLER, reis)
        reis.shift(-1)
        assert _poging("bestaat-niet", "fout", KANTOOR).status_code == 429


def test_wrong_second_factor_codes_slow_down_too(gemeente_a, medewerker):
    user = medewerker(Rol.KLANTREGISSEUR, gemeente_a)
    apparaat = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    goed = f"{totp(apparaat.bin_key, apparaat.step, apparaat.t0, apparaat.digits):06d}"
    fout = "000000" if goed != "000000" else "111111"
    client = Client(REMOTE_ADDR=AANVALLER)
    client.post(reverse("accounts:login"), {"username": user.username, "password": WACHTWOORD})
    with time_machine.travel(timezone.now(), tick=False) as reis:
        for _ in range(afremmen.VRIJE_POGINGEN_ACCOUNT):
            assert client.post(reverse("accounts:tweede_factor"), {"code": fout}).status_code == 400
            reis.shift(60)  # past django-otp's own per-device delay
        reis.shift(-59)
        response = client.post(reverse("accounts:tweede_factor"), {"code": fout})
        assert response.status_code == 429


def test_the_proxy_header_names_the_address(settings, rf):
    settings.INLOGGEN_IP_HEADER = "HTTP_X_REAL_IP"
    verzoek = rf.post("/inloggen/", HTTP_X_REAL_IP="2001:db8::1", REMOTE_ADDR="10.0.0.1")
    assert afremmen.ip_sleutel(verzoek).waarde == "ip:2001:db8::/64"


def test_without_the_proxy_header_the_socket_address_counts(settings, rf):
    settings.INLOGGEN_IP_HEADER = "HTTP_X_REAL_IP"
    verzoek = rf.post("/inloggen/", REMOTE_ADDR="192.0.2.44")
    assert afremmen.ip_sleutel(verzoek).waarde == "ip:192.0.2.44"
