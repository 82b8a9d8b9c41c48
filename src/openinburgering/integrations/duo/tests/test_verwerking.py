"""Processing DUO's notifications per event: ask DUO, update the dossier, timeline, work items."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
import time_machine

from openinburgering.inburgeraars.models import Bron, Gebeurtenis, Inburgeraar
from openinburgering.inburgeraars.tests.factories import nieuw_bsn
from openinburgering.inburgeraars.workflow import Eindreden, Status
from openinburgering.intake.models import BredeIntake
from openinburgering.integrations.duo import inbox, tasks, verwerking
from openinburgering.integrations.duo.models import (
    DuoStand,
    Notificatie,
    NotificatieStatus,
    Werkitem,
    WerkitemSoort,
    WerkitemStatus,
)
from openinburgering.logboek.models import Activiteit, Verwerking
from openinburgering.regels import termijnen
from openinburgering.regels.duo import PIP_TERMIJN_GEBEURTENISSEN
from openinburgering.signalen.models import Signaal, Soort

from .conftest import notificatie_body

pytestmark = pytest.mark.django_db


@pytest.fixture
def ontvang(duo_afzender, django_capture_on_commit_callbacks):
    """DUO sends a notification; processing runs at once (ImmediateBackend after commit)."""

    def doe(gebeurtenis, bsn=None, tijd="2026-03-02T09:15:00+01:00", **extra):
        with django_capture_on_commit_callbacks(execute=True):
            response = duo_afzender.post(
                notificatie_body(bsn=bsn, gebeurtenis=gebeurtenis, tijd=tijd, **extra)
            )
        assert response.status_code == 201
        return Notificatie.objects.get(bericht_id=response.bericht_id)

    return doe


def open_items(inburgeraar, soort=None):
    qs = Werkitem.objects.filter(dossier=inburgeraar.dossier, status=WerkitemStatus.OPEN)
    return qs.filter(soort=soort) if soort else qs


def open_signalen(inburgeraar, soort):
    """The deadline engine's open items of this kind (it derives them from the dossier)."""
    return Signaal.objects.filter(dossier=inburgeraar.dossier, soort=soort, status="open")


def duo_tijdlijn(inburgeraar):
    return list(
        Gebeurtenis.objects.filter(dossier=inburgeraar.dossier, bron=Bron.DUO).order_by(
            "tijdstip", "id"
        )
    )


def test_ss101_creates_the_person_and_dossier_from_duos_data(ontvang, duo_mock, gemeente_a):
    bsn = nieuw_bsn()
    duo_mock.persoon(bsn)
    notificatie = ontvang("SS101", bsn)
    assert notificatie.status == NotificatieStatus.VERWERKT
    inburgeraar = Inburgeraar.objects.get(gemeente=gemeente_a)
    assert notificatie.inburgeraar == inburgeraar
    assert inburgeraar.bsn == bsn
    assert inburgeraar.doelgroep == "Asielstatushouder"
    assert inburgeraar.regime == "Wi2021"
    assert inburgeraar.dossier.status == Status.AANGEMELD
    assert inburgeraar.dossier.aangemeld_op == date(2026, 3, 2)
    [regel] = duo_tijdlijn(inburgeraar)
    assert regel.soort == "SS101"
    assert "inburgeringsplichtig sinds 12-01-2026" in regel.omschrijving
    assert {w.soort for w in open_items(inburgeraar)} == {WerkitemSoort.PERSOONSGEGEVENS_AANVULLEN}
    assert open_signalen(inburgeraar, Soort.INTAKE_STARTEN).exists()
    assert DuoStand.objects.get(inburgeraar=inburgeraar).gegevens["plicht"]["begindatum"] == (
        "2026-01-12"
    )
    activiteiten = set(Verwerking.objects.values_list("activiteit", flat=True))
    assert {
        Activiteit.AANMAKEN,
        Activiteit.DUO_OPGEVRAAGD,
        Activiteit.DUO_ONTVANGEN,
    } <= activiteiten
    assert all(v.betrokkene == inburgeraar.pseudoniem for v in Verwerking.objects.all())


def test_the_deadline_engine_not_this_app_makes_the_intake_item(ontvang, duo_mock):
    bsn = nieuw_bsn()
    duo_mock.persoon(bsn)
    ontvang("SS101", bsn)
    assert {w.soort for w in Werkitem.objects.all()} == {WerkitemSoort.PERSOONSGEGEVENS_AANVULLEN}


def test_ss139_starts_the_10_week_clock_and_a_new_one_restarts_it(ontvang, duo_mock):
    bsn = nieuw_bsn()
    duo_mock.persoon(bsn)
    ontvang("SS139", bsn, tijd="2026-03-02T09:15:00+01:00")
    inburgeraar = Inburgeraar.objects.get()
    eerste = termijnen.pip_termijn([date(2026, 3, 2)])
    assert eerste.laatste_dag == date(2026, 5, 11)
    [regel] = duo_tijdlijn(inburgeraar)
    assert regel.soort == "SS139", "the deadline engine reads SS139 from the timeline"
    assert regel.tijdstip.date() == date(2026, 3, 2)
    assert "uiterlijk 11-05-2026" in regel.omschrijving

    ontvang("SS139", bsn, tijd="2026-04-01T10:00:00+02:00")
    tweede = termijnen.pip_termijn([date(2026, 3, 2), date(2026, 4, 1)])
    assert tweede.regel.id == "R10"
    assert "opnieuw" in duo_tijdlijn(inburgeraar)[-1].omschrijving
    # The deadline engine, not this app, holds the item; it follows the restarted term.
    assert not Werkitem.objects.filter(soort=WerkitemSoort.PIP_TERMIJN).exists()
    [signaal] = open_signalen(inburgeraar, Soort.PIP_TERMIJN)
    assert signaal.deadline == tweede.laatste_dag == date(2026, 6, 10)
    assert signaal.regel == "R10"


def test_processing_the_same_notification_again_has_no_second_effect(ontvang, duo_mock):
    bsn = nieuw_bsn()
    duo_mock.persoon(bsn)
    notificatie = ontvang("SS139", bsn)
    tellingen = (Gebeurtenis.objects.count(), Werkitem.objects.count(), Verwerking.objects.count())
    for _ in range(3):
        assert tasks.notificatie_verwerken.call(notificatie.pk) == NotificatieStatus.VERWERKT
    Notificatie.objects.filter(pk=notificatie.pk).update(status=NotificatieStatus.ONTVANGEN)
    assert (
        Gebeurtenis.objects.count(),
        Werkitem.objects.count(),
        Verwerking.objects.count(),
    ) == tellingen


@pytest.mark.parametrize(
    ("gebeurtenis", "eindreden"),
    [
        ("SS106", Eindreden.VOLDAAN),
        ("SS107", Eindreden.VRIJGESTELD),
        ("SS108", Eindreden.ONTHEVEN),
        ("SS110", Eindreden.PLICHT_VERVALLEN),
        ("SS111", Eindreden.OVERLEDEN),
    ],
)
def test_end_of_duty_closes_the_dossier_with_the_right_reason(
    ontvang, duo_mock, gebeurtenis, eindreden
):
    bsn = nieuw_bsn()
    duo_mock.persoon(
        bsn,
        plicht={
            "indicatorInburgeringsplicht": False,
            "begindatum": "2026-01-12",
            "einddatum": "2026-03-01",
            "redenGeenInburgeringsplicht": "Inburgeringsplicht voldaan",
        },
    )
    ontvang("SS139", bsn, tijd="2026-01-20T09:00:00+01:00")
    inburgeraar = Inburgeraar.objects.get()
    ontvang(gebeurtenis, bsn)
    inburgeraar.dossier.refresh_from_db()
    assert inburgeraar.dossier.status == Status.AFGEROND
    assert inburgeraar.dossier.eindreden == eindreden
    assert not open_signalen(inburgeraar, Soort.PIP_TERMIJN).exists(), "clocks stop (R45)"
    assert open_items(inburgeraar, WerkitemSoort.PERSOONSGEGEVENS_AANVULLEN).exists()
    assert duo_tijdlijn(inburgeraar)[-1].soort == gebeurtenis
    # Again: the dossier is closed already; nothing breaks, nothing doubles.
    ontvang(gebeurtenis, bsn)
    assert Gebeurtenis.objects.filter(soort="status_gewijzigd").count() == 1


def test_end_of_duty_for_an_unknown_person_creates_nothing(ontvang, duo_mock):
    bsn = nieuw_bsn()
    duo_mock.persoon(bsn)
    notificatie = ontvang("SS106", bsn)
    assert notificatie.status == NotificatieStatus.VERWERKT
    assert "niet bekend" in notificatie.resultaat
    assert not Inburgeraar.objects.exists()
    assert duo_mock.verzoeken == [], "no reason to ask DUO"


def test_ss120_newcomer_without_pip(ontvang, duo_mock):
    bsn = nieuw_bsn()
    duo_mock.persoon(bsn, pip=None)
    ontvang("SS120", bsn)
    inburgeraar = Inburgeraar.objects.get()
    assert "gevestigd" in duo_tijdlijn(inburgeraar)[0].omschrijving
    assert open_signalen(inburgeraar, Soort.INTAKE_STARTEN).exists()


def test_ss121_newcomer_with_the_pip_of_the_previous_gemeente(ontvang, duo_mock):
    bsn = nieuw_bsn()
    vorig_pip = {
        "gemeentecode": "0002",
        "pip": {"dagtekeningPip": "2025-11-03", "leerroute": "Z", "niveau": "A2"},
    }
    duo_mock.persoon(bsn, pip=vorig_pip)
    ontvang("SS121", bsn)
    inburgeraar = Inburgeraar.objects.get()
    regel = duo_tijdlijn(inburgeraar)[0]
    assert "andere gemeente (0002)" in regel.omschrijving
    assert "Zelfredzaamheidsroute" in regel.omschrijving
    assert regel.gegevens["vorig_pip"]["leerroute"] == "Z"
    [item] = open_items(inburgeraar, WerkitemSoort.PIP_NIEUWE_GEMEENTE)
    assert item.regel == "R22"
    assert "03-11-2025" in item.toelichting


def test_ss124_changes_the_doelgroep(ontvang, duo_mock, inburgeraar_factory, gemeente_a):
    bsn = nieuw_bsn()
    inburgeraar = inburgeraar_factory(gemeente_a, bsn=bsn)
    duo_mock.persoon(
        bsn,
        doelgroep={
            "indeling": "Gezinsmigrant en overige migrant",
            "gedetailleerdeDoelgroep": "Gezinsvormer",
        },
    )
    ontvang("SS124", bsn)
    inburgeraar.refresh_from_db()
    assert inburgeraar.doelgroep == "Gezinsmigrant en overige migrant"
    assert inburgeraar.gedetailleerde_doelgroep == "Gezinsvormer"
    assert "Asielstatushouder → Gezinsmigrant en overige migrant" in (
        duo_tijdlijn(inburgeraar)[-1].omschrijving
    )
    assert open_items(inburgeraar, WerkitemSoort.DOELGROEP_GEWIJZIGD).get().regel == "R36"


def test_ss199_puts_the_exam_result_on_the_timeline(
    ontvang, duo_mock, inburgeraar_factory, gemeente_a
):
    bsn = nieuw_bsn()
    inburgeraar = inburgeraar_factory(gemeente_a, bsn=bsn)
    duo_mock.persoon(bsn)
    ontvang("SS199", bsn)
    teksten = [g.omschrijving for g in duo_tijdlijn(inburgeraar)]
    assert teksten == [
        "Examenresultaat Leesvaardigheid (B1) van 01-02-2027: Geslaagd.",
        "Examenresultaat Spreekvaardigheid (B1) van 03-02-2027: Geen. Reden: Afgemeld. "
        "Gratis pogingen over: 1.",
    ]
    # The route's exam overview is updated from the same answer.
    from openinburgering.traject.models import ExamenUitslag

    assert sorted(ExamenUitslag.objects.values_list("onderdeel", "resultaat")) == [
        ("LE", "Geslaagd"),
        ("SP", "Geen"),
    ]


def test_ss131_lbt_result_with_r28(ontvang, duo_mock, inburgeraar_factory, gemeente_a):
    bsn = nieuw_bsn()
    inburgeraar = inburgeraar_factory(gemeente_a, bsn=bsn)
    duo_mock.persoon(
        bsn,
        lbt_resultaten=[
            {
                "resultaat": "B1-route niet haalbaar",
                "behaaldeScore": "29,00",
                "benodigdeScore": "31,00",
                "datumAfname": "2023-03-01",
            }
        ],
    )
    ontvang("SS131", bsn)
    assert "B1-route niet haalbaar" in duo_tijdlijn(inburgeraar)[-1].omschrijving
    item = open_items(inburgeraar, WerkitemSoort.LBT_UITSLAG).get()
    assert item.regel == "R28"
    assert item.titel == "Uitslag leerbaarheidstoets opnieuw bekijken"
    # The result is on the brede intake (started for it), with the advice that fits it.
    intake = BredeIntake.objects.get(dossier=inburgeraar.dossier)
    assert intake.lbt_resultaat == "B1-route niet haalbaar"
    assert intake.lbt_afgenomen_op == date(2023, 3, 1)
    assert (intake.lbt_behaalde_score, intake.lbt_benodigde_score) == (Decimal(29), Decimal(31))
    assert intake.lbt_uitslag_van_duo_op is not None
    assert intake.geadviseerde_leerroute == "Z"


def test_ss131_does_not_override_the_caseworkers_advice_on_an_open_intake(
    ontvang, duo_mock, inburgeraar_factory, gemeente_a
):
    from openinburgering.accounts.context import Actor
    from openinburgering.intake import services as intake_services

    bsn = nieuw_bsn()
    inburgeraar = inburgeraar_factory(gemeente_a, bsn=bsn)
    actor = Actor(gemeente=gemeente_a, systeem="test")
    intake = intake_services.intake_starten(actor=actor, dossier=inburgeraar.dossier)
    intake = intake_services.intake_opslaan(
        actor=actor, intake=intake, versie=None, geadviseerde_leerroute="O"
    )
    duo_mock.persoon(
        bsn,
        lbt_resultaten=[
            {
                "resultaat": "B1-route haalbaar",
                "behaaldeScore": "33,00",
                "benodigdeScore": "28,00",
                "datumAfname": "2026-02-20",
            }
        ],
    )
    ontvang("SS131", bsn)
    gezien = intake.versie
    intake.refresh_from_db()
    assert intake.lbt_resultaat == "B1-route haalbaar" and intake.geadviseerde_leerroute == "O"
    assert intake.versie == gezien + 1  # an open form of the intake now gets a conflict
    assert intake_services.leerroute_advies(intake) == "B"


@pytest.mark.parametrize("gebeurtenis", ["SS102", "SS103", "SS104"])
def test_term_events(ontvang, duo_mock, inburgeraar_factory, gemeente_a, gebeurtenis):
    bsn = nieuw_bsn()
    inburgeraar = inburgeraar_factory(gemeente_a, bsn=bsn)
    duo_mock.persoon(bsn, termijn={"startdatum": "2026-03-21", "einddatum": "2029-09-21"})
    ontvang(gebeurtenis, bsn)
    tekst = duo_tijdlijn(inburgeraar)[-1].omschrijving
    assert "20-09-2029" in tekst
    heeft_item = open_items(inburgeraar, WerkitemSoort.TERMIJN_VERLENGD).exists()
    assert heeft_item == (gebeurtenis != "SS102")


@pytest.mark.parametrize(
    "gebeurtenis", ["SS113", "SS114", "SS115", "SS116", "SS117", "SS118", "SS119"]
)
def test_decisions_on_requests_become_a_work_item(
    ontvang, duo_mock, inburgeraar_factory, gemeente_a, gebeurtenis
):
    bsn = nieuw_bsn()
    inburgeraar = inburgeraar_factory(gemeente_a, bsn=bsn)
    duo_mock.persoon(bsn)
    ontvang(gebeurtenis, bsn)
    tekst = duo_tijdlijn(inburgeraar)[-1].omschrijving
    assert tekst.startswith("DUO heeft")
    assert open_items(inburgeraar, WerkitemSoort.BESLUIT_DUO).get().toelichting == tekst


def test_temporary_exemption_pauses_and_its_withdrawal_restarts_the_clock(ontvang, duo_mock):
    bsn = nieuw_bsn()
    duo_mock.persoon(bsn)
    ontvang("SS139", bsn, tijd="2026-03-02T09:00:00+01:00")
    inburgeraar = Inburgeraar.objects.get()
    ontvang("SS109", bsn, tijd="2026-04-01T09:00:00+02:00")
    assert "tijdelijke vrijstelling" in duo_tijdlijn(inburgeraar)[-1].omschrijving
    assert "Tijdelijk: volgt vrijstellende opleiding" in duo_tijdlijn(inburgeraar)[-1].omschrijving
    assert open_items(inburgeraar, WerkitemSoort.PLICHT_GEPAUZEERD).exists()
    ontvang("SS129", bsn, tijd="2027-08-02T09:00:00+02:00")
    signaal = open_signalen(inburgeraar, Soort.PIP_TERMIJN).get()
    assert signaal.deadline == termijnen.pip_termijn([date(2027, 8, 2)]).laatste_dag


def test_ss130_resumes_the_route(ontvang, duo_mock, inburgeraar_factory, gemeente_a):
    bsn = nieuw_bsn()
    inburgeraar = inburgeraar_factory(gemeente_a, bsn=bsn)
    duo_mock.persoon(bsn)
    ontvang("SS130", bsn)
    assert "B1-route" in duo_tijdlijn(inburgeraar)[-1].omschrijving
    item = open_items(inburgeraar, WerkitemSoort.LEERROUTE_HERVATTEN).get()
    assert item.regel == "R46"


def test_ss128_aow_and_ss137_lbt_registration(ontvang, duo_mock, inburgeraar_factory, gemeente_a):
    bsn = nieuw_bsn()
    inburgeraar = inburgeraar_factory(gemeente_a, bsn=bsn)
    duo_mock.persoon(
        bsn,
        plicht={
            "indicatorInburgeringsplicht": True,
            "begindatum": "2026-01-12",
            "einddatum": "2026-08-31",
        },
    )
    ontvang("SS128", bsn)
    assert open_items(inburgeraar, WerkitemSoort.AOW_LEEFTIJD).get().deadline == date(2026, 8, 31)
    ontvang("SS137", bsn)
    assert "LBT000123456" in duo_tijdlijn(inburgeraar)[-1].omschrijving


def test_unknown_event_is_kept_for_the_beheerder(ontvang, duo_mock):
    # An id outside DUO's list (SS105 is not in it): every id in the list is handled.
    notificatie = ontvang("SS105", nieuw_bsn())
    assert notificatie.status == NotificatieStatus.ONBEKEND
    assert "SS105" in notificatie.resultaat
    assert duo_mock.verzoeken == []


def test_duo_unreachable_means_retry_later_then_success(ontvang, duo_mock, requests_mock):
    bsn = nieuw_bsn()
    duo_mock.antwoord("GET", "/personen/{bsn}/inburgeringsplicht", status=503, bsn=bsn)
    notificatie = ontvang("SS139", bsn)
    assert notificatie.status == NotificatieStatus.OPNIEUW
    assert notificatie.pogingen == 1
    assert notificatie.volgende_poging_op > notificatie.ontvangen_op
    assert not Inburgeraar.objects.exists()
    # Not yet due: nothing happens.
    assert inbox.inbox_verwerken() == 0
    requests_mock.reset_mock()
    duo_mock.persoon(bsn)
    with time_machine.travel(notificatie.volgende_poging_op + timedelta(seconds=1)):
        assert inbox.inbox_verwerken() == 1
    notificatie.refresh_from_db()
    assert notificatie.status == NotificatieStatus.VERWERKT
    assert Inburgeraar.objects.count() == 1


def test_retry_gives_up_after_seven_days(ontvang, duo_mock):
    bsn = nieuw_bsn()
    duo_mock.antwoord("GET", "/personen/{bsn}/inburgeringsplicht", status=503, bsn=bsn)
    notificatie = ontvang("SS139", bsn)
    with time_machine.travel(notificatie.ontvangen_op + timedelta(days=7, seconds=1)):
        verwerking.notificatie_verwerken(notificatie_id=notificatie.pk)
    notificatie.refresh_from_db()
    assert notificatie.status == NotificatieStatus.MISLUKT


def test_the_inbox_worker_processes_what_the_endpoint_stored(
    duo_afzender, duo_mock, settings, django_capture_on_commit_callbacks
):
    """Production: the endpoint only stores; ``duo_inbox_verwerken`` claims and processes."""
    settings.DUO_NOTIFICATIES_DIRECT = False
    bsns = [nieuw_bsn() for _ in range(3)]
    for bsn in bsns:
        duo_mock.persoon(bsn)
        duo_afzender.post(notificatie_body(bsn=bsn, gebeurtenis="SS139"))
    assert set(Notificatie.objects.values_list("status", flat=True)) == {
        NotificatieStatus.ONTVANGEN
    }
    with django_capture_on_commit_callbacks(execute=True) as na_commit:
        assert inbox.inbox_verwerken(limiet=2) == 2
    assert len(na_commit) == 1, "one recomputation for the whole batch"
    with django_capture_on_commit_callbacks(execute=True):
        assert inbox.inbox_verwerken(limiet=2) == 1
        assert inbox.inbox_verwerken(limiet=2) == 0
    assert set(Notificatie.objects.values_list("status", flat=True)) == {NotificatieStatus.VERWERKT}
    assert Inburgeraar.objects.count() == 3
    # One pass of the deadline engine for the batch: every new dossier has its 10-week item.
    assert Signaal.objects.filter(soort=Soort.PIP_TERMIJN, status="open").count() == 3


def test_a_batch_stops_when_duo_is_unreachable(duo_afzender, duo_mock, settings):
    settings.DUO_NOTIFICATIES_DIRECT = False
    bsns = [nieuw_bsn() for _ in range(3)]
    for bsn in bsns:
        duo_mock.antwoord("GET", "/personen/{bsn}/inburgeringsplicht", status=503, bsn=bsn)
        duo_afzender.post(notificatie_body(bsn=bsn, gebeurtenis="SS139"))
    assert inbox.inbox_verwerken() == 3
    statussen = list(Notificatie.objects.order_by("id").values_list("status", flat=True))
    # The first meets the outage and waits for a retry; the others are not tried in vain.
    assert statussen == [NotificatieStatus.OPNIEUW, NotificatieStatus.ONTVANGEN] + [
        NotificatieStatus.ONTVANGEN
    ]


def test_inbox_command_runs_until_empty(duo_afzender, duo_mock, settings):
    from io import StringIO

    from django.core.management import call_command

    settings.DUO_NOTIFICATIES_DIRECT = False
    for _ in range(3):
        bsn = nieuw_bsn()
        duo_mock.persoon(bsn)
        duo_afzender.post(notificatie_body(bsn=bsn, gebeurtenis="SS139"))
    uit = StringIO()
    call_command("duo_inbox_verwerken", "--tot-leeg", "--limiet", "2", stdout=uit)
    assert uit.getvalue().strip() == "notificaties=3"
    assert not Notificatie.objects.exclude(status=NotificatieStatus.VERWERKT).exists()


def test_refusal_by_duo_fails_with_a_work_item(ontvang, duo_mock, inburgeraar_factory, gemeente_a):
    bsn = nieuw_bsn()
    inburgeraar = inburgeraar_factory(gemeente_a, bsn=bsn)
    duo_mock.antwoord(
        "GET",
        "/personen/{bsn}/inburgeringstermijn",
        status=403,
        bsn=bsn,
    )
    notificatie = ontvang("SS102", bsn)
    assert notificatie.status == NotificatieStatus.MISLUKT
    item = open_items(inburgeraar, WerkitemSoort.VERWERKING_MISLUKT).get()
    assert "DUO weigert" in item.toelichting


def test_vnummer_only(ontvang, duo_mock, inburgeraar_factory, gemeente_a):
    onbekend = ontvang("SS139", None, vNummer=1234567890)
    assert onbekend.status == NotificatieStatus.MISLUKT
    bsn = nieuw_bsn()
    inburgeraar = inburgeraar_factory(gemeente_a, bsn=bsn, vnummer="1234567891")
    duo_mock.persoon(bsn)
    bekend = ontvang("SS139", None, vNummer=1234567891)
    assert bekend.status == NotificatieStatus.VERWERKT
    assert bekend.inburgeraar == inburgeraar


def test_bsn_failing_the_11_proef_is_marked(ontvang):
    notificatie = ontvang("SS139", "123456789")
    assert notificatie.status == NotificatieStatus.MISLUKT
    assert "11-proef" in notificatie.resultaat


def test_event_for_a_closed_dossier_asks_the_caseworker(ontvang, duo_mock):
    bsn = nieuw_bsn()
    duo_mock.persoon(bsn)
    ontvang("SS101", bsn)
    ontvang("SS106", bsn)
    inburgeraar = Inburgeraar.objects.get()
    ontvang("SS139", bsn)
    assert open_items(inburgeraar, WerkitemSoort.VERWERKING_MISLUKT).exists()
    inburgeraar.dossier.refresh_from_db()
    assert inburgeraar.dossier.status == Status.AFGEROND


@pytest.mark.parametrize("gebeurtenis", sorted(g.value for g in PIP_TERMIJN_GEBEURTENISSEN))
def test_the_events_regels_says_start_the_pip_clock_start_it(ontvang, duo_mock, gebeurtenis):
    """What an event means comes from ``regels.duo`` alone: each event whose ``Gevolg`` starts
    the 10-week term puts the term's last day on the timeline (R9, R10, R46)."""
    bsn = nieuw_bsn()
    duo_mock.persoon(bsn)
    ontvang(gebeurtenis, bsn, tijd="2026-03-02T09:15:00+01:00")
    [regel] = [r for r in duo_tijdlijn(Inburgeraar.objects.get()) if r.soort == gebeurtenis][-1:]
    assert regel.gegevens["pip_termijn_laatste_dag"] == "2026-05-11"


def test_ss132_course_contract_without_a_pip_is_a_task_by_r54(
    ontvang, duo_mock, inburgeraar_factory, gemeente_a
):
    """Stored as unknown before; ``regels.duo`` now gives it its meaning (Wi2021 art. 11(2))."""
    bsn = nieuw_bsn()
    inburgeraar = inburgeraar_factory(gemeente_a, bsn=bsn)
    duo_mock.persoon(bsn)
    notificatie = ontvang("SS132", bsn)
    assert notificatie.status == NotificatieStatus.VERWERKT
    assert "cursuscontract" in duo_tijdlijn(inburgeraar)[-1].omschrijving
    item = open_items(inburgeraar, WerkitemSoort.PIP_ONTBREEKT).get()
    assert (item.titel, item.regel) == ("PIP ontbreekt", "R54")
    assert duo_mock.verzoeken == [], "nothing to ask DUO about a person we know"


def test_reactions_run_in_the_transaction_that_stores_the_event(
    ontvang, duo_mock, inburgeraar_factory, gemeente_a, monkeypatch
):
    """A reaction that fails takes the whole event with it: no half-processed notification."""
    from openinburgering.core.keten import reacties
    from openinburgering.regels.codes import Gebeurtenis as Code
    from openinburgering.regels.duo import Domeingevolg

    def faalt(gebeurtenis):
        raise RuntimeError("reactie faalt")

    monkeypatch.setattr(reacties, "_REACTIES", dict(reacties._REACTIES))
    reacties.registreren(
        gebeurtenissen=[Code.SS199],
        domeingevolg=Domeingevolg.EXAMENUITSLAG_OVERNEMEN,
        reactie=faalt,
        app="zzz",
    )
    bsn = nieuw_bsn()
    inburgeraar = inburgeraar_factory(gemeente_a, bsn=bsn)
    duo_mock.persoon(bsn)
    notificatie = ontvang("SS199", bsn)
    assert notificatie.status == NotificatieStatus.OPNIEUW
    assert duo_tijdlijn(inburgeraar) == []
    from openinburgering.traject.models import ExamenUitslag

    assert not ExamenUitslag.objects.exists(), "the route's reaction (before it) rolled back too"
