"""The deadline engine: every work item from dossier facts via regels; set-based and idempotent."""

from datetime import date

import pytest
import time_machine

from openinburgering.besluiten import services as besluiten_services
from openinburgering.pip import services as pip_services
from openinburgering.pip.tests.helpers import GELDIG_PIP, actor_voor, afgesloten_intake, ss139
from openinburgering.signalen.models import Signaal, SignaalStatus, Soort
from openinburgering.signalen.services import signalen_herberekenen

pytestmark = pytest.mark.django_db


def _open(dossier):
    return {s.soort: s for s in Signaal.objects.filter(dossier=dossier, status=SignaalStatus.OPEN)}


@pytest.fixture(autouse=True)
def _prive(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path


@pytest.mark.parametrize(
    ("ss139_datums", "peildatum", "verwacht"),
    [
        pytest.param([], date(2025, 1, 10), {Soort.INTAKE_STARTEN: (None, "")}, id="zonder-ss139"),
        pytest.param(
            [date(2025, 1, 6)], date(2025, 1, 10),
            {Soort.PIP_TERMIJN: (date(2025, 3, 17), "R9"),
             Soort.INTAKE_STARTEN: (date(2025, 3, 3), "R52")},
            id="R9-en-R52",
        ),
        pytest.param(
            [date(2025, 1, 6), date(2025, 4, 1)], date(2025, 4, 2),
            {Soort.PIP_TERMIJN: (date(2025, 6, 10), "R10"),
             Soort.INTAKE_STARTEN: (date(2025, 5, 27), "R52")},
            id="R10-herstart",
        ),
    ],
)  # fmt: skip
def test_pip_term_and_intake_items_come_from_regels(
    gemeente_a, inburgeraar_factory, ss139_datums, peildatum, verwacht
):
    persoon = inburgeraar_factory(gemeente_a, geboortedatum=date(1990, 1, 1))
    for dag in ss139_datums:
        ss139(persoon.dossier, dag)
    signalen_herberekenen(peildatum=peildatum)
    gevonden = {k: (s.deadline, s.regel) for k, s in _open(persoon.dossier).items()}
    assert gevonden == verwacht


def test_recomputation_is_idempotent_and_closes_what_no_longer_applies(
    gemeente_a, inburgeraar_factory
):
    persoon = inburgeraar_factory(gemeente_a)
    ss139(persoon.dossier, date(2025, 1, 6))
    eerste = signalen_herberekenen(peildatum=date(2025, 1, 10))
    assert eerste["nieuw"] == 2
    assert signalen_herberekenen(peildatum=date(2025, 1, 10)) == {
        "dossiers": 1,
        "nieuw": 0,
        "gewijzigd": 0,
        "gesloten": 0,
    }
    from openinburgering.inburgeraars.services import dossier_status_wijzigen

    dossier_status_wijzigen(
        actor=actor_voor(gemeente_a), dossier=persoon.dossier, naar="afgerond", eindreden="verhuisd"
    )
    assert signalen_herberekenen(peildatum=date(2025, 1, 11))["gesloten"] == 2
    assert _open(persoon.dossier) == {}


def test_assignment_survives_recomputation(gemeente_a, inburgeraar_factory, medewerker):
    from openinburgering.accounts.rollen import Rol

    kim = medewerker(Rol.KLANTREGISSEUR, gemeente_a)
    persoon = inburgeraar_factory(gemeente_a)
    ss139(persoon.dossier, date(2025, 1, 6))
    signalen_herberekenen(peildatum=date(2025, 1, 10))
    Signaal.objects.update(toegewezen_aan=kim)
    ss139(persoon.dossier, date(2025, 1, 8))  # deadline moves (R10)
    signalen_herberekenen(peildatum=date(2025, 1, 10))
    termijn = _open(persoon.dossier)[Soort.PIP_TERMIJN]
    assert termijn.toegewezen_aan == kim and termijn.regel == "R10"


@time_machine.travel(date(2025, 2, 14))
def test_after_vaststellen_the_items_follow_the_pip(gemeente_a, inburgeraar_factory, medewerker):
    from openinburgering.accounts.rollen import Rol

    actor = actor_voor(gemeente_a, medewerker(Rol.KLANTREGISSEUR, gemeente_a))
    persoon = inburgeraar_factory(gemeente_a, aangemeld_op=date(2025, 1, 6))
    ss139(persoon.dossier, date(2025, 1, 6))
    afgesloten_intake(actor, persoon.dossier)
    pip = pip_services.pip_concept_aanmaken(actor=actor, dossier=persoon.dossier, **GELDIG_PIP)
    signalen_herberekenen(peildatum=date(2025, 2, 14))
    assert _open(persoon.dossier)[Soort.PIP_TERMIJN].object_uuid == pip.uuid
    pip_services.pip_vaststellen(actor=actor, pip=pip, versie=None)
    # The first talk (8 weeks) is not yet within the horizon; the term end is 3 years away.
    assert set(signalen_herberekenen(peildatum=date(2025, 2, 14))) >= {"gesloten"}
    assert _open(persoon.dossier) == {}
    assert Soort.VOORTGANGSGESPREK in _open_op(persoon.dossier, date(2025, 4, 1))
    assert Soort.GESPREK_GEMIST in _open_op(persoon.dossier, date(2025, 4, 14))
    schakel = _open_op(persoon.dossier, date(2026, 7, 1))
    assert schakel[Soort.SCHAKELTERMIJN].deadline == date(2026, 8, 14)  # R20
    assert schakel[Soort.SCHAKELTERMIJN].regel == "R20"
    einde = _open_op(persoon.dossier, date(2027, 10, 1))
    assert einde[Soort.TERMIJN_EINDE].deadline == date(2028, 2, 14)  # R8


def _open_op(dossier, dag):
    signalen_herberekenen(peildatum=dag)
    return _open(dossier)


def test_aow_item_six_months_before_pension_age(gemeente_a, inburgeraar_factory):
    persoon = inburgeraar_factory(gemeente_a, geboortedatum=date(1960, 3, 10))
    aow = _open_op(persoon.dossier, date(2027, 1, 1))[Soort.AOW]
    assert aow.regel == "R1" and aow.deadline == date(2027, 3, 10)
    assert Soort.AOW not in _open_op(persoon.dossier, date(2026, 8, 1))


def test_no_aow_item_while_the_date_of_birth_is_unknown(gemeente_a, inburgeraar_factory):
    """A person DUO announced has no date of birth yet (ADR 0041): no AOW item, no crash."""
    persoon = inburgeraar_factory(gemeente_a, voornamen="", achternaam="", geboortedatum=None)
    assert Soort.AOW not in _open_op(persoon.dossier, date(2027, 1, 1))


def test_bezwaar_item_uses_r67(gemeente_a, inburgeraar_factory, medewerker):
    from openinburgering.accounts.rollen import Rol

    actor = actor_voor(gemeente_a, medewerker(Rol.KLANTREGISSEUR, gemeente_a))
    persoon = inburgeraar_factory(gemeente_a, aangemeld_op=date(2025, 1, 6))
    with time_machine.travel(date(2025, 2, 14)):
        afgesloten_intake(actor, persoon.dossier)
        pip = pip_services.pip_concept_aanmaken(actor=actor, dossier=persoon.dossier, **GELDIG_PIP)
        pip = pip_services.pip_vaststellen(actor=actor, pip=pip, versie=None)
        besluiten_services.bezwaar_registreren(
            actor=actor, beschikking=pip.beschikking, ontvangen_op=date(2025, 2, 14)
        )
    bezwaar = _open_op(persoon.dossier, date(2025, 3, 1))[Soort.BEZWAAR]
    assert (bezwaar.deadline, bezwaar.regel) == (date(2025, 5, 9), "R67")


def test_duo_work_items_join_the_same_worklist(gemeente_a, inburgeraar_factory):
    from openinburgering.integrations.duo.models import Werkitem

    persoon = inburgeraar_factory(gemeente_a)
    item = Werkitem.objects.create(
        gemeente=gemeente_a, dossier=persoon.dossier, soort="lbt_uitslag",
        titel="Uitslag leerbaarheidstoets", deadline=date(2025, 3, 1), regel="R28",
    )  # fmt: skip
    duo = _open_op(persoon.dossier, date(2025, 2, 1))[Soort.DUO]
    assert (duo.titel, duo.object_uuid, duo.regel) == (item.titel, item.uuid, "R28")
    Werkitem.objects.filter(pk=item.pk).update(status="afgehandeld")
    assert Soort.DUO not in _open_op(persoon.dossier, date(2025, 2, 1))


def test_recompute_costs_a_constant_number_of_queries(
    gemeente_a, inburgeraar_factory, django_assert_max_num_queries
):
    for _ in range(5):
        ss139(inburgeraar_factory(gemeente_a).dossier, date(2025, 1, 6))
    signalen_herberekenen(peildatum=date(2025, 1, 10))
    # A fixed number per chunk of dossiers: one or a few per source of facts.
    with django_assert_max_num_queries(20) as klein:
        signalen_herberekenen(peildatum=date(2025, 1, 11))
    for _ in range(20):
        ss139(inburgeraar_factory(gemeente_a).dossier, date(2025, 1, 6))
    signalen_herberekenen(peildatum=date(2025, 1, 10))
    with django_assert_max_num_queries(len(klein.captured_queries)):
        signalen_herberekenen(peildatum=date(2025, 1, 11))


def test_overdue_begeleiding_steps_join_the_worklist(gemeente_a, inburgeraar_factory):
    from django.urls import reverse

    from openinburgering.begeleiding.models import Stap
    from openinburgering.signalen import weergave

    persoon = inburgeraar_factory(
        gemeente_a, doelgroep="Asielstatushouder", aangemeld_op=date(2025, 1, 6)
    )
    Stap.objects.create(gemeente=gemeente_a, naam="Huisarts", streefdagen=14)
    assert Soort.BEGELEIDING not in _open_op(persoon.dossier, date(2025, 1, 15))
    item = _open_op(persoon.dossier, date(2025, 1, 25))[Soort.BEGELEIDING]
    assert item.deadline == date(2025, 1, 20)
    assert "Huisarts" in item.titel
    assert weergave.link(item) == reverse("begeleiding:checklist", kwargs={"uuid": persoon.uuid})


def test_a_movers_earlier_pip_keeps_the_term_start_after_our_own_pip():
    """SS121: the previous gemeente's PIP (03-11-2025, known from DUO) started the term (R7);
    our own new PIP of 01-04-2026 does not move the switching deadline or the end."""
    from openinburgering.signalen.engine import Feiten, gewenste_signalen

    feiten = Feiten(
        dossier_id=1, gemeente_id=1, actief=True, klantregisseur_id=None, geboortedatum=None,
        pip_dagtekeningen=(date(2026, 4, 1),), huidige_leerroute="B",
        duo_pip=(date(2025, 11, 3), "B"),
    )  # fmt: skip
    schakel = {g.soort: g for g in gewenste_signalen(feiten, date(2027, 4, 1))}
    assert schakel[Soort.SCHAKELTERMIJN].deadline == date(2027, 5, 3)
    einde = {g.soort: g for g in gewenste_signalen(feiten, date(2028, 10, 1))}
    assert (einde[Soort.TERMIJN_EINDE].deadline, einde[Soort.TERMIJN_EINDE].regel) == (
        date(2028, 11, 3),
        "R7",
    )
    assert "vorige gemeente" in einde[Soort.TERMIJN_EINDE].uitleg


def test_ss129_restarts_the_pip_term_as_regels_duo_says(gemeente_a, inburgeraar_factory):
    """The engine reads the events that start the 10-week term from ``regels.duo``: SS129 (a
    temporary exemption withdrawn without a PIP) restarts it like a new SS139 (R46, R10)."""
    from datetime import datetime, time

    from django.utils import timezone

    from openinburgering.inburgeraars.services import gebeurtenis_toevoegen

    persoon = inburgeraar_factory(gemeente_a)
    ss139(persoon.dossier, date(2025, 1, 6))
    gebeurtenis_toevoegen(
        dossier=persoon.dossier,
        soort="SS129",
        omschrijving="DUO: de tijdelijke vrijstelling is ingetrokken.",
        bron="duo",
        tijdstip=timezone.make_aware(datetime.combine(date(2025, 4, 1), time(10, 0))),
    )
    termijn = _open_op(persoon.dossier, date(2025, 4, 2))[Soort.PIP_TERMIJN]
    assert (termijn.deadline, termijn.regel) == (date(2025, 6, 10), "R10")


def test_a_temporary_exemption_pauses_the_pip_term_until_duo_withdraws_it(
    gemeente_a, inburgeraar_factory
):
    """R46: SS109 pauses the duty, so no 10-week PIP term runs and the intake has no deadline;
    SS129 (withdrawn, no PIP) restarts the term from its own date."""
    from datetime import datetime, time

    from django.utils import timezone

    from openinburgering.inburgeraars.services import gebeurtenis_toevoegen

    def duo(soort, dag):
        gebeurtenis_toevoegen(
            dossier=persoon.dossier,
            soort=soort,
            omschrijving=f"DUO: {soort}.",
            bron="duo",
            tijdstip=timezone.make_aware(datetime.combine(dag, time(10, 0))),
        )

    persoon = inburgeraar_factory(gemeente_a, geboortedatum=date(1990, 1, 1))
    ss139(persoon.dossier, date(2025, 1, 6))
    assert Soort.PIP_TERMIJN in _open_op(persoon.dossier, date(2025, 1, 10))

    duo("SS109", date(2025, 2, 3))
    gepauzeerd = _open_op(persoon.dossier, date(2025, 4, 1))
    assert Soort.PIP_TERMIJN not in gepauzeerd, "no term runs while the duty is paused"
    assert gepauzeerd[Soort.INTAKE_STARTEN].deadline is None

    duo("SS129", date(2025, 5, 5))
    termijn = _open_op(persoon.dossier, date(2025, 5, 6))[Soort.PIP_TERMIJN]
    assert (termijn.deadline, termijn.regel) == (date(2025, 7, 14), "R10")
