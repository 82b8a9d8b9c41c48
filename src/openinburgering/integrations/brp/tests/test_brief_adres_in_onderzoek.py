"""R74: a letter to an address the BRP has under investigation is never made silently. The
caseworker sees the warning and a checkbox in the form that makes the letter; without the tick
nothing is made (no step, no kenmerk, no file), with it the real PDF is made."""

from datetime import date

from django.urls import reverse

import pytest

from openinburgering.accounts.context import Actor
from openinburgering.accounts.rollen import Rol
from openinburgering.brieven.models import Briefkenmerk
from openinburgering.handhaving import services as handhaving_services
from openinburgering.handhaving.models import Handhavingsstap
from openinburgering.inburgeraars.tests.factories import maak_inburgeraar

pytestmark = pytest.mark.django_db


@pytest.fixture
def klantregisseur(gemeente_a, medewerker, inloggen):
    return inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_a))


@pytest.fixture
def zaak(brp_stand_in, gemeente_a, klantregisseur):
    bsn = brp_stand_in.persoon(adresInOnderzoek="2026-10-01")
    persoon = maak_inburgeraar(gemeente_a, bsn=bsn)
    klantregisseur.post(reverse("brp:opnieuw_ophalen", kwargs={"uuid": persoon.uuid}))
    return handhaving_services.zaak_openen(
        actor=Actor(gemeente=gemeente_a, systeem="test"), dossier=persoon.dossier,
        verplichting="map", overtredingsdatum=date(2026, 9, 1), omschrijving="Niet verschenen.",
        genegeerde_oproepen=0,
    )  # fmt: skip


def _waarschuwing(client, zaak, **extra):
    return client.post(
        reverse("handhaving:waarschuwing", kwargs={"uuid": zaak.uuid}),
        {"w-datum": date.today().isoformat(), "w-toelichting": "Eerste waarschuwing.", **extra},
    )


def test_the_letter_form_shows_the_warning_and_the_checkbox(zaak, klantregisseur):
    html = klantregisseur.get(reverse("handhaving:zaak", kwargs={"uuid": zaak.uuid})).content
    html = html.decode()
    assert "Adres in onderzoek." in html
    assert 'name="adres_in_onderzoek_bevestigd"' in html
    assert 'id="adres_in_onderzoek_bevestigd-w"' in html


def test_without_the_tick_no_letter_is_made(zaak, klantregisseur):
    response = _waarschuwing(klantregisseur, zaak)
    assert response.status_code == 400
    assert "R74" in response.content.decode()
    assert "bevestig dat u de brief toch naar dit adres wilt maken" in response.content.decode()
    assert not Handhavingsstap.objects.filter(zaak=zaak).exists()
    assert not Briefkenmerk.objects.exists()


def test_with_the_tick_the_letter_is_made(zaak, klantregisseur, settings):
    response = _waarschuwing(klantregisseur, zaak, adres_in_onderzoek_bevestigd="1")
    assert response.status_code == 302
    stap = Handhavingsstap.objects.get(zaak=zaak)
    assert stap.brief_pad and stap.brief_sha256
    pdf = (settings.PRIVATE_MEDIA_ROOT / stap.brief_pad).read_bytes()
    assert pdf.startswith(b"%PDF")
