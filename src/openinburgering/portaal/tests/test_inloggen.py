"""Signing in with DigiD (through the stand-in), the level (R95), the BSN without a record, the
session rules, and the processing log of the newcomer's own reads."""

from datetime import timedelta

from django.test import Client
from django.utils import timezone

import pytest

from openinburgering.inburgeraars.tests.factories import maak_inburgeraar, nieuw_bsn
from openinburgering.logboek.models import Verwerking
from openinburgering.portaal import sessie


@pytest.fixture
def persoon(gemeente_a):
    return maak_inburgeraar(gemeente_a, voornamen="Yonas", achternaam="Proefdijk")


def test_signing_in_with_digid_shows_the_own_plan_and_logs_the_read(digid, persoon, client):
    index = digid.persoon(persoon.bsn)
    antwoord = digid.inloggen(client, index)
    assert antwoord.status_code == 302
    assert antwoord["Location"] == "/portaal/"
    pagina = client.get("/portaal/")
    assert pagina.status_code == 200
    assert "Welkom Yonas" in pagina.content.decode()
    regel = Verwerking.objects.get(betrokkene=persoon.pseudoniem, actor_soort="inburgeraar")
    assert (regel.actor_soort, regel.actor, regel.activiteit) == (
        "inburgeraar",
        "inburgeraar:portaal/pip",
        "inzien",
    )
    assert regel.gebruiker is None
    # No user was made for the newcomer: the portal keeps its own session.
    assert "_auth_user_id" not in client.session


def test_digid_midden_is_refused_with_an_explanation(digid, persoon, client):
    antwoord = digid.inloggen(client, digid.persoon(persoon.bsn, niveau="midden"))
    assert antwoord.status_code == 403
    assert "sterkere DigiD" in antwoord.content.decode()
    assert sessie.SLEUTEL not in client.session
    assert client.get("/portaal/").status_code == 302


def test_a_bsn_without_a_record_sees_a_clear_page_and_nobody_elses_data(digid, persoon, client):
    antwoord = digid.inloggen(client, digid.persoon(nieuw_bsn()))
    inhoud = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert "Geen gegevens gevonden" in inhoud
    assert "Proefdijk" not in inhoud and "Yonas" not in inhoud
    assert sessie.SLEUTEL not in client.session


def test_cancelling_at_digid_signs_nobody_in(digid, persoon, client):
    antwoord = digid.inloggen(client, 0, annuleren=True)
    assert antwoord.status_code == 302
    assert sessie.SLEUTEL not in client.session


def test_a_callback_with_a_foreign_state_signs_nobody_in(digid, persoon, client):
    digid.persoon(persoon.bsn)
    antwoord = client.get("/portaal/inloggen/digid/terug/?code=abc&state=verzonnen")
    assert antwoord.status_code == 302
    assert sessie.SLEUTEL not in client.session


def test_a_replayed_code_does_not_sign_in_a_second_browser(digid, persoon, client):
    index = digid.persoon(persoon.bsn)
    digid.inloggen(client, index)
    ander = Client()
    # The same callback in another browser: no state of its own there.
    antwoord = ander.get("/portaal/inloggen/digid/terug/?code=x&state=y")
    assert antwoord.status_code == 302
    assert sessie.SLEUTEL not in ander.session


@pytest.mark.parametrize("verlopen", ["stil", "absoluut"])
def test_an_expired_session_sends_back_to_digid_with_a_message(
    digid, persoon, client, settings, verlopen
):
    digid.inloggen(client, digid.persoon(persoon.bsn))
    s = client.session
    gegevens = dict(s[sessie.SLEUTEL])
    if verlopen == "stil":
        oud = timezone.now() - timedelta(seconds=settings.SESSION_COOKIE_AGE + 5)
        gegevens["laatst"] = oud.isoformat()
    else:
        oud = timezone.now() - settings.SESSION_ABSOLUTE_TIMEOUT - timedelta(seconds=5)
        gegevens["login"] = oud.isoformat()
    s[sessie.SLEUTEL] = gegevens
    s.save()
    antwoord = client.get("/portaal/afspraken/", follow=True)
    assert antwoord.redirect_chain[-1][0] == "/portaal/inloggen/"
    assert "Log opnieuw in met DigiD" in antwoord.content.decode()


def test_signing_out_ends_the_portal_session(digid, persoon, client):
    digid.inloggen(client, digid.persoon(persoon.bsn))
    client.post("/portaal/uitloggen/")
    assert client.get("/portaal/").status_code == 302


def test_no_bsn_in_the_portals_urls_or_pages(digid, persoon, client):
    index = digid.persoon(persoon.bsn)
    antwoord = digid.inloggen(client, index)
    assert persoon.bsn not in antwoord["Location"]
    for pad in ("/portaal/", "/portaal/contact/", "/portaal/termijnen/"):
        assert persoon.bsn not in client.get(pad).content.decode()
