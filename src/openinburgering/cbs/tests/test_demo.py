"""The CBS file for the demo gemeenten validates against the schema, and the check report lists
every deliberately broken demo case (``cbs_demo``; ADR 0070)."""

import io

from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

import pytest

from openinburgering.accounts.context import Actor
from openinburgering.accounts.models import User
from openinburgering.accounts.rollen import Rol
from openinburgering.cbs import formaat
from openinburgering.cbs.models import LeveringStatus
from openinburgering.cbs.services import levering_aanvragen
from openinburgering.demo.management.commands.cbs_demo import SOORT
from openinburgering.gemeenten.models import Gemeente
from openinburgering.inburgeraars.models import Gebeurtenis
from openinburgering.regels.statistiek import kwartaal_van, vorig_kwartaal

# Enough dossiers to reach every status in Demodam, in a fraction of the demo's time.
AANTAL = 40


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    dummy = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    with django_db_blocker.unblock():
        with override_settings(TASKS=dummy):
            call_command("demo_data", aantal=AANTAL, stdout=io.StringIO())
        try:
            yield
        finally:
            call_command("flush", interactive=False, verbosity=0)


def _levering(jaar, kwartaal):
    beleid = User.objects.get(username="beleid")
    demodam = Gemeente.objects.get(code="9001")
    levering = levering_aanvragen(
        actor=Actor(gemeente=demodam, user=beleid, rol=Rol.BELEIDSMEDEWERKER),
        gemeenten=list(Gemeente.objects.filter(code__in=["9001", "9002"])),
        jaar=jaar,
        kwartaal=kwartaal,
    )
    levering.refresh_from_db()
    return levering


def _gebroken():
    return {
        (str(g.dossier.inburgeraar.uuid), g.gegevens["code"])
        for g in Gebeurtenis.objects.filter(soort=SOORT).select_related("dossier__inburgeraar")
    }


@pytest.mark.parametrize("welk", ["vorig", "huidig"])
def test_demo_file_validates_and_the_report_lists_every_broken_case(demo, db, welk):
    vandaag = timezone.localdate()
    jaar, kwartaal = vorig_kwartaal(vandaag) if welk == "vorig" else kwartaal_van(vandaag)
    levering = _levering(jaar, kwartaal)
    assert levering.status == LeveringStatus.KLAAR, levering.melding
    inhoud = bytes(levering.bestand)
    assert formaat.valideren(inhoud) == []
    # Both demo gemeenten in one file: Bo delivers for both (one berichtgever).
    assert b'<Gemeente code="9001">' in inhoud and b'<Gemeente code="9002">' in inhoud
    assert levering.aantal_personen > 0
    gebroken = _gebroken()
    assert len(gebroken) >= 4, gebroken
    gemeld = {
        (rij["inburgeraar"], b["code"]) for rij in levering.controle for b in rij["bevindingen"]
    }
    assert gebroken <= gemeld, gebroken - gemeld
