"""A person DUO announces has no name or date of birth: stored empty, never invented (ADR 0041)."""

import importlib
from datetime import date

from django.apps import apps as django_apps
from django.urls import reverse

import pytest
import time_machine

from openinburgering.accounts.rollen import Rol
from openinburgering.core.exceptions import Geweigerd
from openinburgering.inburgeraars.models import Inburgeraar
from openinburgering.inburgeraars.tests.factories import nieuw_bsn
from openinburgering.integrations.duo.models import (
    NotificatieStatus,
    Werkitem,
    WerkitemSoort,
    WerkitemStatus,
)

from .test_verwerking import ontvang  # noqa: F401  (the fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture
def aangemeld(ontvang, duo_mock, gemeente_a):  # noqa: F811
    bsn = nieuw_bsn()
    duo_mock.persoon(bsn)
    notificatie = ontvang("SS101", bsn)
    assert notificatie.status == NotificatieStatus.VERWERKT
    return Inburgeraar.objects.select_related("dossier").get(gemeente=gemeente_a)


@pytest.fixture
def klantregisseur(gemeente_a, medewerker, inloggen):
    return inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_a))


def _item(inburgeraar):
    return Werkitem.objects.get(
        dossier=inburgeraar.dossier, soort=WerkitemSoort.PERSOONSGEGEVENS_AANVULLEN
    )


def test_the_person_is_stored_without_invented_values(aangemeld):
    assert (aangemeld.voornamen, aangemeld.achternaam, aangemeld.geboortedatum) == ("", "", None)
    assert aangemeld.volledige_naam == "Naam nog onbekend"
    assert aangemeld.lijstnaam == "Naam nog onbekend"
    assert not aangemeld.persoonsgegevens_compleet
    item = _item(aangemeld)
    assert item.status == WerkitemStatus.OPEN
    assert "BRP" in item.toelichting


def test_every_page_that_names_the_person_says_the_name_is_unknown(aangemeld, klantregisseur):
    from openinburgering.signalen.services import signalen_herberekenen

    signalen_herberekenen()
    for url in (
        reverse("inburgeraars:lijst"),
        reverse("inburgeraars:detail", kwargs={"uuid": aangemeld.uuid}),
        reverse("signalen:werklijst") + "?tab=niet_toegewezen",
        reverse("duo:werkitems"),
    ):
        response = klantregisseur.get(url)
        assert response.status_code == 200, url
        inhoud = response.content.decode()
        assert "Naam nog onbekend" in inhoud, url
        assert "(aangemeld door DUO)" not in inhoud
        assert "01-01-1900" not in inhoud
    detail = klantregisseur.get(reverse("inburgeraars:detail", kwargs={"uuid": aangemeld.uuid}))
    assert "Naam of geboortedatum nog onbekend." in detail.content.decode()


def test_the_edit_form_still_requires_name_and_date_of_birth(aangemeld, klantregisseur):
    url = reverse("inburgeraars:wijzigen", kwargs={"uuid": aangemeld.uuid})
    response = klantregisseur.post(
        url, {"doelgroep": aangemeld.doelgroep, "regime": aangemeld.regime, "versie": 1}
    )
    assert response.status_code == 400
    assert set(response.context["form"].errors) >= {"voornamen", "achternaam", "geboortedatum"}
    assert _item(aangemeld).status == WerkitemStatus.OPEN


def test_filling_them_in_closes_the_work_item(aangemeld, klantregisseur):
    url = reverse("inburgeraars:wijzigen", kwargs={"uuid": aangemeld.uuid})
    response = klantregisseur.post(
        url,
        {
            "voornamen": "Samira",
            "achternaam": "Voorbeeld",
            "geboortedatum": "14-02-1994",
            "doelgroep": aangemeld.doelgroep,
            "regime": aangemeld.regime,
            "versie": aangemeld.versie,
        },
    )
    assert response.status_code == 302
    aangemeld.refresh_from_db()
    assert aangemeld.volledige_naam == "Samira Voorbeeld"
    assert aangemeld.geboortedatum == date(1994, 2, 14)
    item = _item(aangemeld)
    assert item.status == WerkitemStatus.AFGEHANDELD
    assert item.afhandeling == "Naam en geboortedatum aangevuld."


def test_only_the_name_is_not_enough_to_close_it(aangemeld):
    from openinburgering.accounts.context import Actor
    from openinburgering.inburgeraars import services

    services.inburgeraar_wijzigen(
        actor=Actor(gemeente=aangemeld.gemeente, systeem="test"),
        inburgeraar=aangemeld,
        versie=None,
        voornamen="Samira",
        achternaam="Voorbeeld",
    )
    assert _item(aangemeld).status == WerkitemStatus.OPEN


@time_machine.travel(date(2026, 3, 20))
def test_no_pip_beschikking_while_the_name_is_unknown(
    aangemeld, gemeente_a, medewerker, inloggen, settings, tmp_path
):
    from openinburgering.pip import services as pip_services
    from openinburgering.pip.models import PipStatus
    from openinburgering.pip.tests.helpers import GELDIG_PIP, actor_voor, afgesloten_intake

    settings.PRIVATE_MEDIA_ROOT = tmp_path
    actor = actor_voor(gemeente_a, medewerker(Rol.KLANTREGISSEUR, gemeente_a))
    afgesloten_intake(actor, aangemeld.dossier)
    pip = pip_services.pip_concept_aanmaken(actor=actor, dossier=aangemeld.dossier, **GELDIG_PIP)
    with pytest.raises(Geweigerd, match="nog onbekend"):
        pip_services.pip_vaststellen(actor=actor, pip=pip, versie=pip.versie)
    pip.refresh_from_db()
    assert pip.status == PipStatus.CONCEPT
    assert not pip.beschikking_pad

    # In the browser: the caseworker sees why, in Dutch, and the draft stays a draft.
    client = inloggen(actor.user)
    response = client.post(
        reverse("pip:vaststellen", kwargs={"uuid": pip.uuid}), {"versie": pip.versie}, follow=True
    )
    assert "Een brief of beschikking moet de persoon noemen" in response.content.decode()
    pip.refresh_from_db()
    assert pip.status == PipStatus.CONCEPT


def test_the_migration_empties_the_old_placeholders(gemeente_a, inburgeraar_factory):
    oud = inburgeraar_factory(
        gemeente_a,
        voornamen="Onbekend",
        achternaam="(aangemeld door DUO)",
        geboortedatum=date(1900, 1, 1),
    )
    echt = inburgeraar_factory(gemeente_a, voornamen="Onbekend", achternaam="Janssen")
    migratie = importlib.import_module(
        "openinburgering.inburgeraars.migrations.0004_placeholders_leegmaken"
    )
    migratie.leegmaken(django_apps, None)
    oud.refresh_from_db()
    echt.refresh_from_db()
    assert (oud.voornamen, oud.achternaam, oud.geboortedatum) == ("", "", None)
    assert (echt.voornamen, echt.achternaam) == ("Onbekend", "Janssen")
