"""The demo gives both demo gemeenten grants and costs of every kind, so the money pages show
something real (``financien_demo``; ADR 0082)."""

import io

from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

import pytest

from openinburgering.financien import selectors
from openinburgering.financien.models import Herkomst, Kostenboeking, Rijksbijdrage
from openinburgering.gemeenten.models import Gemeente

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


@pytest.mark.django_db
def test_both_demo_gemeenten_have_grants_and_costs(demo):
    vandaag = timezone.localdate()
    for code in ("9001", "9002"):
        gemeente = Gemeente.objects.get(code=code)
        soorten = set(
            Rijksbijdrage.objects.filter(gemeente=gemeente, jaar=vandaag.year).values_list(
                "soort", flat=True
            )
        )
        assert {"spuk_asiel", "structureel"} <= soorten
        assert Rijksbijdrage.objects.filter(gemeente=gemeente, soort="wi2013").exists()
        boekingen = Kostenboeking.objects.filter(gemeente=gemeente)
        assert boekingen.filter(herkomst=Herkomst.HANDMATIG).values("soort").distinct().count() >= 4
        assert boekingen.filter(corrigeert__isnull=False).count() == 1
        overzicht = selectors.jaaroverzicht(gemeente=gemeente, jaar=vandaag.year, peildatum=vandaag)
        assert overzicht.totaal_besteed_cent > 0
        assert selectors.cohorten(gemeente=gemeente)
    # Demodam's schools: course costs derived from the referrals and the reported hours.
    demodam = Kostenboeking.objects.filter(gemeente__code="9001", soort="cursus")
    assert demodam.filter(herkomst__in=[Herkomst.VERWIJZING, Herkomst.UREN]).exists()
    assert all(b.herkomst_omschrijving for b in demodam)
