"""The session and the signed-in user are read with one plain statement each (ADR 0061): the
same answers as Django's ORM reads, for a live, an expired, an unknown and a tampered session,
and for a user who was deactivated or changed their password."""

from datetime import timedelta

from django.contrib.sessions.models import Session
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest

from openinburgering.accounts.backends import WachtwoordBackend
from openinburgering.accounts.rollen import Rol
from openinburgering.accounts.sessie import SessionStore


def test_een_sessie_lezen_zoals_django(db):
    sessie = SessionStore()
    sessie["iets"] = "waarde"
    sessie.create()
    with CaptureQueriesContext(connection) as vragen:
        assert SessionStore(sessie.session_key).load() == {"iets": "waarde"}
    assert len(vragen) == 1
    # Unknown or expired: an empty session and no key, so a new one is made on save.
    onbekend = SessionStore("x" * 32)
    assert onbekend.load() == {} and onbekend.session_key is None
    Session.objects.filter(pk=sessie.session_key).update(
        expire_date=timezone.now() - timedelta(seconds=1)
    )
    verlopen = SessionStore(sessie.session_key)
    assert verlopen.load() == {} and verlopen.session_key is None


def test_een_vervalste_sessie_is_leeg(db):
    sessie = SessionStore()
    sessie["user"] = "1"
    sessie.create()
    Session.objects.filter(pk=sessie.session_key).update(session_data="vervalst:abc")
    assert SessionStore(sessie.session_key).load() == {}


def test_de_gebruiker_zoals_django_hem_leest(gemeente_a, medewerker):
    user = medewerker(Rol.KLANTREGISSEUR, gemeente_a)
    backend = WachtwoordBackend()
    gelezen = backend.get_user(user.pk)
    assert gelezen == user
    assert (gelezen.username, gelezen.password, gelezen.is_active) == (
        user.username,
        user.password,
        True,
    )
    assert gelezen._state.db == "default" and not gelezen._state.adding
    assert backend.get_user(user.pk + 1000) is None
    user.is_active = False
    user.save()
    assert backend.get_user(user.pk) is None


def test_wie_uitgeschakeld_wordt_of_zijn_wachtwoord_wijzigt_is_uitgelogd(
    gemeente_a, medewerker, inloggen
):
    user = medewerker(Rol.KLANTREGISSEUR, gemeente_a)
    client = inloggen(user)
    lijst = reverse("inburgeraars:lijst")
    assert client.get(lijst).status_code == 200
    user.set_password("een-ander-wachtwoord-2026")
    user.save()
    assert client.get(lijst)["Location"].startswith(reverse("accounts:login"))

    ander = medewerker(Rol.KLANTREGISSEUR, gemeente_a)
    client = inloggen(ander)
    assert client.get(lijst).status_code == 200
    ander.is_active = False
    ander.save()
    assert client.get(lijst)["Location"].startswith(reverse("accounts:login"))


def test_een_token_met_zijn_gemeente_in_een_statement(gemeente_a):
    """``core.lezen.een``: the token and its gemeente as the ORM's ``select_related`` reads
    them, with the JSON column decoded, in one statement; an inactive token is none."""
    from openinburgering.core.lezen import een
    from openinburgering.gemeenten.models import ApiToken, hash_token
    from openinburgering.gemeenten.services import apitoken_aanmaken

    token, sleutel = apitoken_aanmaken(gemeente=gemeente_a, naam="lezen-test")
    with CaptureQueriesContext(connection) as vragen:
        gelezen = een(ApiToken, ook="gemeente", sleutel_hash=hash_token(sleutel))
        assert gelezen.gemeente.code == gemeente_a.code
    assert len(vragen) == 1
    orm = ApiToken.objects.select_related("gemeente").get(pk=token.pk)
    for veld in ApiToken._meta.concrete_fields:
        assert getattr(gelezen, veld.attname) == getattr(orm, veld.attname), veld.name
    for veld in type(gemeente_a)._meta.concrete_fields:
        assert getattr(gelezen.gemeente, veld.attname) == getattr(orm.gemeente, veld.attname)
    assert een(ApiToken, sleutel_hash="onbekend") is None
    # A boolean is written into the SQL by the ORM, not passed as a parameter: refused.
    with pytest.raises(ImproperlyConfigured):
        een(ApiToken, sleutel_hash=hash_token(sleutel), actief=False)


def test_een_ingetrokken_token_geeft_401(gemeente_a, client):
    from openinburgering.gemeenten.models import ApiToken
    from openinburgering.gemeenten.services import apitoken_aanmaken

    token, sleutel = apitoken_aanmaken(gemeente=gemeente_a, naam="ingetrokken")
    url = "/api/v1/inburgeraars"
    assert client.get(url, HTTP_AUTHORIZATION=f"Token {sleutel}").status_code == 200
    ApiToken.objects.filter(pk=token.pk).update(actief=False)
    assert client.get(url, HTTP_AUTHORIZATION=f"Token {sleutel}").status_code == 401
