"""What schools report: intake, hours and absence (threshold → work item), progress, exams,
afschalen (R21 from regels), and the hours total to DUO (R68) through the outbox."""

from datetime import timedelta
from decimal import Decimal

from django.core.exceptions import ValidationError

import pytest

from openinburgering.core.exceptions import Geweigerd, RegelsGeschonden
from openinburgering.integrations.duo.models import UitgaandBericht
from openinburgering.taalaanbieders import services
from openinburgering.taalaanbieders.models import Aandachtspunt, Urenregel

from .conftest import VANDAAG, school_actor, week

D = Decimal


@pytest.fixture
def gestart(contract, verwijs, school_medewerker):
    v = verwijs(contract)
    user = school_medewerker(contract.instelling)
    actor = school_actor(user, v)
    services.intake_bevestigen(actor=actor, verwijzing=v, datum=VANDAAG - timedelta(days=1))
    return v, actor


def _uren(actor, v, n=1, aangeboden="12", aanwezig="12", fysiek=None, reden=""):
    start, einde = week(n)
    return services.uren_melden(
        actor=actor,
        verwijzing=v,
        periode_start=start,
        periode_einde=einde,
        uren_aangeboden=D(aangeboden),
        uren_aanwezig=D(aanwezig),
        uren_fysiek=D(fysiek if fysiek is not None else aanwezig),
        verzuimreden=reden,
    )


def test_hours_need_a_confirmed_intake(contract, verwijs, school_medewerker):
    v = verwijs(contract)
    actor = school_actor(school_medewerker(contract.instelling), v)
    with pytest.raises(Geweigerd, match="Bevestig eerst de intake"):
        _uren(actor, v)


def test_intake_confirmation_lands_on_the_timeline(gestart):
    v, _ = gestart
    v.refresh_from_db()
    assert v.status == "gestart"
    tekst = v.inburgeraar.dossier.gebeurtenissen.get(soort="intake_school_bevestigd").omschrijving
    assert tekst.startswith("Taalhuis De Brug: intake bij de school bevestigd")


def test_absence_above_the_contract_threshold_becomes_a_work_item(gestart):
    v, actor = gestart
    _uren(actor, v, aangeboden="12", aanwezig="6", reden="onbekend")
    punt = Aandachtspunt.objects.get()
    assert punt.soort == "verzuim" and punt.status == "open"
    assert "50,0%" in punt.titel and "grens 20%" in punt.titel
    assert punt.dossier == v.inburgeraar.dossier


def test_absence_at_or_below_the_threshold_is_no_work_item(gestart):
    v, actor = gestart
    _uren(actor, v, aangeboden="10", aanwezig="8", reden="ziek")
    assert not Aandachtspunt.objects.exists()


def test_reporting_a_period_again_replaces_it_and_closes_the_absence_item(gestart):
    v, actor = gestart
    _uren(actor, v, aangeboden="12", aanwezig="3", reden="onbekend")
    _uren(actor, v, aangeboden="12", aanwezig="12")
    assert Urenregel.objects.count() == 1
    assert Urenregel.objects.get().uren_aanwezig == D("12")
    assert Aandachtspunt.objects.get().status == "afgehandeld"


@pytest.mark.parametrize(
    ("velden", "veld"),
    [
        ({"aangeboden": "10", "aanwezig": "11"}, "uren_aanwezig"),
        ({"aangeboden": "10", "aanwezig": "8", "fysiek": "9", "reden": "ziek"}, "uren_fysiek"),
        ({"aangeboden": "10", "aanwezig": "8"}, "verzuimreden"),
    ],
)
def test_impossible_hours_are_refused_in_dutch(gestart, velden, veld):
    v, actor = gestart
    with pytest.raises(ValidationError) as exc:
        _uren(actor, v, **velden)
    assert veld in exc.value.message_dict
    assert not Urenregel.objects.exists()


def test_every_report_sends_the_new_total_to_duo_R68(gestart):
    v, actor = gestart
    _uren(actor, v, n=2, aangeboden="12", aanwezig="10.5", reden="afspraak")
    _uren(actor, v, n=1, aangeboden="12", aanwezig="12")
    berichten = UitgaandBericht.objects.filter(soort="uren_participatie_taalles").order_by("id")
    assert [b.inhoud for b in berichten] == [{"uren": 10}, {"uren": 22}]
    assert berichten[0].pad == "/personen/{bsn}/uren/participatietaalles"


def test_no_hours_to_duo_for_a_self_chosen_course(gestart, inburgeraar_factory):
    from openinburgering.inburgeraars.codes import Doelgroep

    v, actor = gestart
    v.inburgeraar.doelgroep = Doelgroep.GEZINSMIGRANT_EN_OVERIGE_MIGRANT
    assert services.uren_bij_duo_melden(actor=actor, inburgeraar=v.inburgeraar) is None


def test_progress_behind_and_exam_date_are_reported(gestart):
    v, actor = gestart
    services.voortgang_melden(
        actor=actor, verwijzing=v, datum=VANDAAG, onderdeel="SP", beoordeling="achter", niveau="A1"
    )
    services.examendatum_melden(
        actor=actor, verwijzing=v, onderdeel="LE", niveau="B1", datum=VANDAAG + timedelta(days=30)
    )
    assert Aandachtspunt.objects.get().soort == "voortgang"
    soorten = set(v.inburgeraar.dossier.gebeurtenissen.values_list("soort", flat=True))
    assert {"voortgang_gemeld", "examendatum_gemeld"} <= soorten


def test_R21_afschalen_is_refused_below_600_hours_with_the_rule(gestart):
    v, actor = gestart
    _uren(actor, v, aangeboden="20", aanwezig="20")
    with pytest.raises(RegelsGeschonden) as exc:
        services.afschalen_adviseren(
            actor=actor, verwijzing=v, b1_onhaalbaar=True, voldoende_inspanning=True, motivering="x"
        )
    tekst = str(exc.value)
    assert "R21" in tekst and "600" in tekst and "Wi2021 art. 17" in tekst
    assert not Aandachtspunt.objects.filter(soort="afschaaladvies").exists()


def test_R21_afschalen_advice_after_620_hours_reaches_the_caseworker(gestart):
    v, actor = gestart
    for n in range(1, 21):  # 20 months of 31 hours, of which 16 in class
        start = VANDAAG.replace(day=1) - timedelta(days=31 * n)
        Urenregel.objects.create(
            verwijzing=v,
            periode_start=start,
            periode_einde=start + timedelta(days=27),
            uren_aangeboden=D("31"),
            uren_aanwezig=D("31"),
            uren_fysiek=D("16"),
        )
    advies = services.afschalen_adviseren(
        actor=actor,
        verwijzing=v,
        b1_onhaalbaar=True,
        voldoende_inspanning=True,
        motivering="Na 620 uur blijft schrijven op A1.",
    )
    assert (advies.lesuren, advies.lesuren_fysiek) == (620, 320)
    punt = Aandachtspunt.objects.get(soort="afschaaladvies")
    assert punt.regel == "R21"


def test_absence_work_item_reaches_the_caseworkers_worklist(gestart):
    from django.urls import reverse

    from openinburgering.signalen import weergave
    from openinburgering.signalen.models import Signaal, Soort
    from openinburgering.signalen.services import signalen_herberekenen

    v, actor = gestart
    _uren(actor, v, aangeboden="12", aanwezig="6", reden="onbekend")
    signalen_herberekenen(peildatum=VANDAAG)
    signaal = Signaal.objects.get(soort=Soort.SCHOOL, status="open")
    punt = Aandachtspunt.objects.get()
    assert (signaal.dossier, signaal.object_uuid, signaal.titel) == (
        punt.dossier,
        punt.uuid,
        punt.titel,
    )
    assert weergave.link(signaal) == reverse("taalaanbieders:aandachtspunten")
    Aandachtspunt.objects.update(status="afgehandeld")
    signalen_herberekenen(peildatum=VANDAAG)
    assert not Signaal.objects.filter(soort=Soort.SCHOOL, status="open").exists()
