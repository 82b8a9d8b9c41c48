"""R41 counts the hours schools report: the Z-route check uses the very total DUO gets."""

from datetime import timedelta
from decimal import Decimal

import pytest
import time_machine

from openinburgering.accounts.context import Actor
from openinburgering.accounts.rollen import Rol
from openinburgering.core.exceptions import RegelsGeschonden
from openinburgering.integrations.duo.models import UitgaandBericht
from openinburgering.pip import services as pip_services
from openinburgering.pip.tests.helpers import GELDIG_PIP, afgesloten_intake
from openinburgering.taalaanbieders import services
from openinburgering.traject import duo, uren

from .conftest import VANDAAG, school_actor

pytestmark = pytest.mark.django_db

PIP_DATUM = VANDAAG - timedelta(days=60)


@pytest.fixture
def zroute_met_school(
    gemeente_a, inburgeraar_factory, klantregisseur, contract, school_medewerker, settings,
    tmp_path,
):  # fmt: skip
    """A Z-route PIP, a referral to a school that reports 100 hours, and the caseworker's own
    700 language and 800 participation hours: 800 language hours only with the school's."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    actor = Actor(gemeente=gemeente_a, user=klantregisseur, rol=Rol.KLANTREGISSEUR)
    persoon = inburgeraar_factory(gemeente_a, aangemeld_op=PIP_DATUM - timedelta(days=30))
    with time_machine.travel(PIP_DATUM):
        afgesloten_intake(actor, persoon.dossier, haalbaar=False)
        pip = pip_services.pip_concept_aanmaken(
            actor=actor, dossier=persoon.dossier,
            **{**GELDIG_PIP, "leerroute": "Z", "niveau": "",
               "motivering_leerroute": "De leerbaarheidstoets wijst op de Z-route."},
        )  # fmt: skip
        pip_services.pip_vaststellen(actor=actor, pip=pip, versie=None)
    verwijzing = services.verwijzen(
        actor=actor, inburgeraar=persoon, contract=contract,
        datum_inburgeringsaanbod=PIP_DATUM + timedelta(days=1),
        verwachte_startdatum=PIP_DATUM + timedelta(days=2),
    )  # fmt: skip
    school = school_actor(school_medewerker(contract.instelling), verwijzing)
    services.intake_bevestigen(actor=school, verwijzing=verwijzing, datum=PIP_DATUM)
    services.uren_melden(
        actor=school, verwijzing=verwijzing,
        periode_start=PIP_DATUM + timedelta(days=1), periode_einde=PIP_DATUM + timedelta(days=30),
        uren_aangeboden=Decimal("100"), uren_aanwezig=Decimal("100"), uren_fysiek=Decimal("100"),
    )  # fmt: skip
    for soort, aantal, dagen in (("taal", 700, 60), ("participatie", 800, 100)):
        uren.uren_registreren(
            actor=actor, dossier=persoon.dossier, soort=soort, uren=aantal,
            periode_start=VANDAAG - timedelta(days=dagen), periode_einde=VANDAAG - timedelta(days=1),
        )  # fmt: skip
    return actor, persoon.dossier


def test_school_hours_count_for_r41(zroute_met_school):
    actor, dossier = zroute_met_school
    assert duo.zroute_uren(dossier=dossier) == {"taaluren": 800, "participatieuren": 800}
    uren.zroute_afronden(actor=actor, dossier=dossier, datum=VANDAAG)
    # The total DUO got for language hours is the one R41 counted.
    laatste = UitgaandBericht.objects.filter(soort="uren_participatie_taalles").latest("id")
    assert laatste.inhoud == {"uren": 800}
    assert UitgaandBericht.objects.filter(soort="zroute").exists()


def test_the_route_page_shows_the_hours_r41_counts(zroute_met_school, klantregisseur, inloggen):
    from django.urls import reverse

    _actor, dossier = zroute_met_school
    pagina = inloggen(klantregisseur).get(
        reverse("traject:overzicht", kwargs={"uuid": dossier.inburgeraar.uuid})
    )
    assert pagina.status_code == 200
    inhoud = pagina.content.decode()
    assert "met de uren die scholen meldden: 800 uur taal en 800 uur participatie" in inhoud
    assert "Genoeg uren: minstens 1600, waarvan 800 taal." in inhoud


def test_without_the_school_hours_r41_refuses(zroute_met_school):
    """The same dossier minus the school's report: 700 language hours are too few (R41)."""
    from openinburgering.taalaanbieders.models import Urenregel

    actor, dossier = zroute_met_school
    Urenregel.objects.all().delete()
    with pytest.raises(RegelsGeschonden) as fout:
        uren.zroute_afronden(actor=actor, dossier=dossier, datum=VANDAAG)
    assert "R41" in str(fout.value) and "700" in str(fout.value)
