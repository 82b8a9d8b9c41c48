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


def test_the_pip_beschikking_waits_for_the_confirmation_too(
    brp_stand_in, gemeente_a, medewerker, settings, tmp_path
):
    """The one letter renderer checks R74 for every letter: here the PIP's beschikking."""
    import time_machine

    from openinburgering.core import brp
    from openinburgering.core.exceptions import RegelsGeschonden
    from openinburgering.logboek.models import Doel
    from openinburgering.pip import services as pip_services
    from openinburgering.pip.models import PipStatus
    from openinburgering.pip.tests.helpers import GELDIG_PIP, actor_voor, afgesloten_intake

    settings.PRIVATE_MEDIA_ROOT = tmp_path / "prive"
    actor = actor_voor(gemeente_a, medewerker(Rol.KLANTREGISSEUR, gemeente_a), Rol.KLANTREGISSEUR)
    bsn = brp_stand_in.persoon(adresInOnderzoek="2024-12-01")
    persoon = maak_inburgeraar(gemeente_a, bsn=bsn, talen="Engels", aangemeld_op=date(2025, 1, 6))
    brp.brp().bijwerken(actor=actor, inburgeraar=persoon, doel=Doel.ACTUALISEREN)
    with time_machine.travel(date(2025, 2, 14)):
        afgesloten_intake(actor, persoon.dossier)
        pip = pip_services.pip_concept_aanmaken(actor=actor, dossier=persoon.dossier, **GELDIG_PIP)
        with pytest.raises(RegelsGeschonden) as fout:
            pip_services.pip_vaststellen(actor=actor, pip=pip, versie=pip.versie)
        assert fout.value.regels == ("R74",)
        pip.refresh_from_db()
        assert pip.status == PipStatus.CONCEPT and not pip.beschikking_pad
        assert not Briefkenmerk.objects.exists()
        pip = pip_services.pip_vaststellen(
            actor=actor, pip=pip, versie=pip.versie, adres_bevestigd=True
        )
    assert pip.status == PipStatus.VASTGESTELD and pip.beschikking_pad
