"""Reconciliation: every difference with DUO becomes one work item with both values."""

import io

from django.core.management import call_command

import pytest

from openinburgering.inburgeraars.tests.factories import nieuw_bsn
from openinburgering.integrations.duo.afstemming import afstemmen
from openinburgering.integrations.duo.models import (
    AfstemmingStatus,
    DuoStand,
    MeldingSoort,
    UitgaandBericht,
    UitgaandStatus,
    Werkitem,
    WerkitemSoort,
    WerkitemStatus,
)
from openinburgering.logboek.models import Activiteit, Verwerking

pytestmark = pytest.mark.django_db


def gemeld(inburgeraar, soort, inhoud, status=UitgaandStatus.BEZORGD):
    """What we reported to DUO earlier (as the outbox holds it)."""
    bericht = UitgaandBericht(
        gemeente=inburgeraar.gemeente,
        inburgeraar=inburgeraar,
        soort=soort,
        methode="PUT",
        pad="/",
        inhoud=inhoud,
        status=status,
    )
    bericht.zet_bsn(inburgeraar.bsn)
    bericht.volgorde_sleutel = f"p:{bericht.bsn_hash}"
    bericht.save()
    return bericht


@pytest.fixture
def in_orde(gemeente_a, inburgeraar_factory, duo_mock):
    """A person whose data at DUO matches ours exactly (DUO's answers: the examples)."""
    persoon = inburgeraar_factory(gemeente_a, bsn=nieuw_bsn())
    gemeld(
        persoon,
        MeldingSoort.PIP_REGISTREREN,
        {"dagtekeningPip": "2026-03-20", "leerroute": "B", "niveau": "B1"},
    )
    gemeld(persoon, MeldingSoort.UREN_TAALLES_KNM_BREDE_INTAKE, {"uren": 40})
    gemeld(persoon, MeldingSoort.UREN_PARTICIPATIEACTIVITEITEN, {"uren": 12})
    gemeld(persoon, MeldingSoort.MAP, {"datumEindgesprekMap": "2027-05-10"})
    gemeld(persoon, MeldingSoort.PVT, {"datumOndertekeningPvt": "2026-11-02"})
    return persoon


def verschillen(persoon):
    return {
        w.titel: w.toelichting
        for w in Werkitem.objects.filter(
            dossier=persoon.dossier, soort=WerkitemSoort.DUO_VERSCHIL, status=WerkitemStatus.OPEN
        )
    }


def test_no_differences_no_work_items(in_orde, duo_mock, gemeente_a):
    duo_mock.persoon(in_orde.bsn)
    run = afstemmen(gemeente=gemeente_a)
    assert run.status == AfstemmingStatus.KLAAR
    assert (run.aantal_dossiers, run.aantal_verschillen, run.aantal_fouten) == (1, 0, 0)
    assert verschillen(in_orde) == {}
    assert DuoStand.objects.get(inburgeraar=in_orde).gegevens["pip"]["leerroute"] == "B"
    assert Verwerking.objects.filter(
        activiteit=Activiteit.DUO_AFGESTEMD, betrokkene=in_orde.pseudoniem
    ).exists()
    assert "geen lijst van personen" in run.toelichting


def test_every_difference_is_listed_with_both_values(in_orde, duo_mock, gemeente_a):
    duo_mock.persoon(
        in_orde.bsn,
        plicht={
            "indicatorInburgeringsplicht": False,
            "redenGeenInburgeringsplicht": "Verblijfsdoel gewijzigd",
        },
        doelgroep={"indeling": "Gezinsmigrant en overige migrant"},
        pip={"gemeentecode": "0001", "pip": {"dagtekeningPip": "2026-03-20", "leerroute": "Z"}},
        termijn={"startdatum": "2026-03-25", "einddatum": "2029-03-25"},
        uren=[{"gemeentecode": "0001", "TaallesEnKnmBredeIntake": {"uren": 38}}],
        map=None,
        pvt={"datumOndertekeningPvt": "2026-11-03"},
    )
    run = afstemmen(gemeente=gemeente_a)
    assert run.aantal_verschillen == 8
    assert verschillen(in_orde) == {
        "Verschil met DUO: inburgeringsplicht": "Bij ons: plichtig (dossier loopt). "
        "Bij DUO: geen plicht: Verblijfsdoel gewijzigd.",
        "Verschil met DUO: doelgroep": "Bij ons: Asielstatushouder. "
        "Bij DUO: Gezinsmigrant en overige migrant.",
        "Verschil met DUO: PIP": "Bij ons: 20-03-2026, B1-route, B1. "
        "Bij DUO: 20-03-2026, Zelfredzaamheidsroute (Z-route).",
        "Verschil met DUO: start inburgeringstermijn": "Bij ons: 21-03-2026. Bij DUO: 25-03-2026.",
        "Verschil met DUO: uren taalles en KNM (brede intake)": "Bij ons: 40. Bij DUO: 38.",
        "Verschil met DUO: uren participatieactiviteiten": "Bij ons: 12. Bij DUO: (niets).",
        "Verschil met DUO: datum eindgesprek MAP": "Bij ons: 10-05-2027. Bij DUO: (niets).",
        "Verschil met DUO: datum ondertekening PVT": "Bij ons: 02-11-2026. Bij DUO: 03-11-2026.",
    }


def test_running_again_keeps_one_item_per_difference_and_closes_solved_ones(
    in_orde, duo_mock, gemeente_a, requests_mock
):
    duo_mock.persoon(in_orde.bsn, doelgroep={"indeling": "Gezinsmigrant en overige migrant"})
    afstemmen(gemeente=gemeente_a)
    afstemmen(gemeente=gemeente_a)
    assert len(verschillen(in_orde)) == 1
    duo_mock.persoon(in_orde.bsn)
    run = afstemmen(gemeente=gemeente_a)
    assert run.aantal_opgelost == 1
    assert verschillen(in_orde) == {}
    gesloten = Werkitem.objects.get(soort=WerkitemSoort.DUO_VERSCHIL)
    assert gesloten.status == WerkitemStatus.AFGEHANDELD
    assert "Opgelost" in gesloten.afhandeling


def test_a_field_with_a_message_on_its_way_is_not_compared(in_orde, duo_mock, gemeente_a):
    gemeld(
        in_orde, MeldingSoort.PVT, {"datumOndertekeningPvt": "2026-12-01"}, UitgaandStatus.WACHTEND
    )
    duo_mock.persoon(in_orde.bsn)
    assert afstemmen(gemeente=gemeente_a).aantal_verschillen == 0


def test_a_pip_of_ours_that_duo_lacks_is_a_difference(gemeente_a, inburgeraar_factory, duo_mock):
    persoon = inburgeraar_factory(gemeente_a, bsn=nieuw_bsn())
    gemeld(
        persoon, MeldingSoort.PIP_REGISTREREN, {"dagtekeningPip": "2026-03-20", "leerroute": "O"}
    )
    duo_mock.persoon(persoon.bsn, pip=None, termijn=None, uren=[], map=None, pvt=None)
    afstemmen(gemeente=gemeente_a)
    assert verschillen(persoon) == {
        "Verschil met DUO: PIP": "Bij ons: 20-03-2026, Onderwijsroute. Bij DUO: (niets).",
        "Verschil met DUO: start inburgeringstermijn": "Bij ons: 21-03-2026. Bij DUO: (niets).",
    }


def test_duo_down_for_one_dossier_is_counted_not_fatal(gemeente_a, inburgeraar_factory, duo_mock):
    a = inburgeraar_factory(gemeente_a, bsn=nieuw_bsn())
    b = inburgeraar_factory(gemeente_a, bsn=nieuw_bsn())
    duo_mock.antwoord("GET", "/personen/{bsn}/inburgeringsplicht", status=503, bsn=a.bsn)
    duo_mock.persoon(b.bsn)
    run = afstemmen(gemeente=gemeente_a)
    assert (run.aantal_dossiers, run.aantal_fouten) == (2, 1)
    assert run.status == AfstemmingStatus.KLAAR


def test_closed_dossiers_and_other_gemeenten_are_left_alone(
    gemeente_a, gemeente_b, inburgeraar_factory, requests_mock
):
    from openinburgering.inburgeraars.models import Dossier

    gesloten = inburgeraar_factory(gemeente_a, bsn=nieuw_bsn())
    Dossier.objects.filter(pk=gesloten.dossier.pk).update(status="afgerond", eindreden="voldaan")
    inburgeraar_factory(gemeente_b, bsn=nieuw_bsn())
    run = afstemmen(gemeente=gemeente_a)
    assert run.aantal_dossiers == 0
    assert requests_mock.call_count == 0


def test_against_the_simulator_persons_we_do_not_know_are_listed(
    settings, gemeente_a, inburgeraar_factory, duo_mock, requests_mock
):
    settings.DUO_SIM_PERSONENLIJST = True
    bekend = inburgeraar_factory(gemeente_a, bsn=nieuw_bsn())
    duo_mock.persoon(bekend.bsn)
    onbekend = nieuw_bsn()
    requests_mock.get(
        f"http://duo.test/_sim/personen?gemeente={gemeente_a.oin}",
        json=[
            {"bsn": bekend.bsn, "woongemeenteOin": gemeente_a.oin},
            {"bsn": onbekend, "woongemeenteOin": gemeente_a.oin},
        ],
    )
    run = afstemmen(gemeente=gemeente_a)
    assert run.aantal_onbekende_personen == 1
    item = Werkitem.objects.get(soort=WerkitemSoort.PERSOON_ONBEKEND)
    assert item.dossier is None
    assert item.bsn == onbekend
    afstemmen(gemeente=gemeente_a)
    assert Werkitem.objects.filter(soort=WerkitemSoort.PERSOON_ONBEKEND).count() == 1


def test_management_command(in_orde, duo_mock, gemeente_a):
    duo_mock.persoon(in_orde.bsn)
    uit = io.StringIO()
    call_command("duo_afstemmen", gemeente=gemeente_a.code, stdout=uit)
    assert "dossiers=1 verschillen=0" in uit.getvalue()
