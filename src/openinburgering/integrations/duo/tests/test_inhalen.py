"""Catching up on DUO's events (Gebeurtenis API, ADR 0063): what DUO recorded and never notified
is stored in the inbox once and processed once, through the same path as a notification."""

from collections import Counter
from datetime import date

from django.core.management import call_command
from django.core.management.base import CommandError

import pytest

from openinburgering.inburgeraars.models import Bron, Gebeurtenis
from openinburgering.inburgeraars.tests.factories import maak_inburgeraar, nieuw_bsn
from openinburgering.integrations.duo import inbox, inhalen, tasks
from openinburgering.integrations.duo.data import GebeurtenisBijDuo
from openinburgering.integrations.duo.inhalen import Gemist, gebeurtenissen_inhalen
from openinburgering.integrations.duo.models import (
    Notificatie,
    NotificatieStatus,
    Werkitem,
    WerkitemSoort,
)
from openinburgering.logboek.models import Activiteit, Verwerking

from .conftest import notificatie_body

pytestmark = pytest.mark.django_db

PAD = "/personen/{bsn}/gebeurtenissen"


@pytest.fixture(autouse=True)
def _via_de_inbox(settings):
    settings.DUO_NOTIFICATIES_DIRECT = False


def duo_lijst(duo_mock, bsn, *gebeurtenissen, status=200):
    """What DUO's Gebeurtenis API answers for this person: (id, date) pairs, oldest first."""
    if status != 200:
        duo_mock.antwoord("GET", PAD, status=status, bsn=bsn, valideer=status in (400, 403, 404))
        return
    duo_mock.antwoord(
        "GET",
        PAD,
        json=[{"id": i, "omschrijving": f"Gebeurtenis {i}", "datum": d} for i, d in gebeurtenissen],
        bsn=bsn,
    )


@pytest.fixture
def persoon(gemeente_a, duo_mock):
    bsn = nieuw_bsn()
    duo_mock.persoon(bsn)
    return maak_inburgeraar(gemeente_a, bsn=bsn, aangemeld_op=date(2026, 1, 15))


def duo_tijdlijn(inburgeraar, soort):
    return Gebeurtenis.objects.filter(dossier=inburgeraar.dossier, bron=Bron.DUO, soort=soort)


def test_duo_records_an_event_but_never_notifies_after_catching_up_it_is_processed_once(
    duo_afzender, duo_mock, gemeente_a, persoon
):
    # DUO notified SS139 on 2 March, and recorded SS133 the same day without notifying us.
    response = duo_afzender.post(
        notificatie_body(bsn=persoon.bsn, gebeurtenis="SS139", tijd="2026-03-02T09:15:00+01:00")
    )
    assert response.status_code == 201
    assert inbox.inbox_verwerken() == 1
    duo_lijst(duo_mock, persoon.bsn, ("SS139", "2026-03-02"), ("SS133", "2026-03-02"))

    rondes = []
    for _ in range(2):
        rondes.append(gebeurtenissen_inhalen(gemeente=gemeente_a))
        inbox.inbox_verwerken()

    assert [(r.personen, r.ingehaald, r.fouten) for r in rondes] == [(1, 1, 0), (1, 0, 0)]
    [ingehaald] = Notificatie.objects.filter(ingehaald=True)
    assert ingehaald.gebeurtenis_id == "SS133"
    assert ingehaald.status == NotificatieStatus.VERWERKT, ingehaald.resultaat
    assert ingehaald.inburgeraar == persoon
    assert ingehaald.bron == "00000001800866472000" and ingehaald.doel == gemeente_a.oin
    assert Notificatie.objects.count() == 2
    assert duo_tijdlijn(persoon, "SS133").count() == 1
    assert duo_tijdlijn(persoon, "SS139").count() == 1
    [item] = Werkitem.objects.filter(
        dossier=persoon.dossier, soort=WerkitemSoort.OPLEIDINGSCONTRACT
    )
    assert item.deadline == date(2026, 3, 30), "counted from DUO's date (R71)"
    # Reading DUO's list is in the processing log, under the pseudonym.
    assert Verwerking.objects.filter(
        activiteit=Activiteit.DUO_OPGEVRAAGD, betrokkene=persoon.pseudoniem
    ).exists()


def test_the_same_event_twice_on_one_day_is_caught_up_for_the_one_missing(
    duo_afzender, duo_mock, gemeente_a, persoon
):
    duo_afzender.post(
        notificatie_body(bsn=persoon.bsn, gebeurtenis="SS199", tijd="2026-04-07T23:30:00+02:00")
    )
    duo_lijst(duo_mock, persoon.bsn, ("SS199", "2026-04-07"), ("SS199", "2026-04-07"))
    assert gebeurtenissen_inhalen(gemeente=gemeente_a).ingehaald == 1
    assert gebeurtenissen_inhalen(gemeente=gemeente_a).ingehaald == 0
    assert Notificatie.objects.filter(gebeurtenis_id="SS199").count() == 2


def test_only_events_of_our_time_with_the_person_are_caught_up(duo_mock, gemeente_a, persoon):
    duo_lijst(
        duo_mock,
        persoon.bsn,
        ("SS101", "2026-01-10"),  # before the dossier was opened here (15 January)
        ("SS139", "2026-01-15"),
        ("SS-1", "2026-02-01"),  # not an id the Notificatie API allows
        ("SS122", "2026-03-01"),  # the person left
        ("SS121", "2026-03-05"),  # the next gemeente's event
    )
    assert gebeurtenissen_inhalen(gemeente=gemeente_a).ingehaald == 2
    assert sorted(Notificatie.objects.values_list("gebeurtenis_id", flat=True)) == [
        "SS122",
        "SS139",
    ]


def test_missed_events_are_stored_in_duos_order():
    lijst = [
        GebeurtenisBijDuo("SS102", "termijn", date(2026, 3, 21)),
        GebeurtenisBijDuo("SS139", "10 weken", date(2026, 1, 20)),
        GebeurtenisBijDuo("SS139", "10 weken", date(2026, 1, 20)),
    ]
    ontvangen = Counter({("SS139", date(2026, 1, 20)): 1})
    assert inhalen.gemist(lijst, ontvangen, vanaf=date(2026, 1, 1)) == [
        Gemist("SS139", date(2026, 1, 20), 2),
        Gemist("SS102", date(2026, 3, 21), 1),
    ]


def test_storing_the_same_event_twice_is_one_row(duo_mock, gemeente_a, persoon, monkeypatch):
    """Two rounds at once both find the event missing: the derived berichtId makes it one."""
    duo_lijst(duo_mock, persoon.bsn, ("SS140", "2026-05-04"))
    assert gebeurtenissen_inhalen(gemeente=gemeente_a).ingehaald == 1
    monkeypatch.setattr(
        inhalen, "_ontvangen", lambda gemeente, personen: {p.pk: Counter() for p in personen}
    )
    assert gebeurtenissen_inhalen(gemeente=gemeente_a).ingehaald == 0
    assert Notificatie.objects.count() == 1


def test_duo_unreachable_stops_the_round_whole_and_the_next_round_goes_on(duo_mock, gemeente_a):
    eerste, tweede = nieuw_bsn(), nieuw_bsn()
    personen = []
    for bsn in (eerste, tweede):
        duo_mock.persoon(bsn)
        personen.append(maak_inburgeraar(gemeente_a, bsn=bsn, aangemeld_op=date(2026, 1, 15)))
    duo_lijst(duo_mock, eerste, ("SS139", "2026-02-02"), ("SS137", "2026-02-03"))
    duo_lijst(duo_mock, tweede, status=503)

    ronde = gebeurtenissen_inhalen(gemeente=gemeente_a)
    assert (ronde.personen, ronde.ingehaald, ronde.onderbroken) == (1, 2, True)
    assert not Notificatie.objects.filter(bsn_hash=personen[1].bsn_hash).exists()

    duo_lijst(duo_mock, tweede, ("SS126", "2026-04-01"))
    ronde = gebeurtenissen_inhalen(gemeente=gemeente_a)
    assert (ronde.personen, ronde.ingehaald, ronde.onderbroken) == (2, 1, False)
    assert Notificatie.objects.count() == 3
    assert inbox.inbox_verwerken() == 3
    assert set(Notificatie.objects.values_list("status", flat=True)) == {NotificatieStatus.VERWERKT}


def test_a_failure_while_storing_leaves_nothing_of_that_person(
    duo_mock, gemeente_a, persoon, monkeypatch
):
    duo_lijst(duo_mock, persoon.bsn, ("SS139", "2026-02-02"), ("SS137", "2026-02-03"))
    echt = inhalen.notificatie_ontvangen
    aantal = []

    def tweede_faalt(**kwargs):
        aantal.append(1)
        if len(aantal) == 2:
            raise RuntimeError("database weg")
        return echt(**kwargs)

    monkeypatch.setattr(inhalen, "notificatie_ontvangen", tweede_faalt)
    with pytest.raises(RuntimeError):
        gebeurtenissen_inhalen(gemeente=gemeente_a)
    assert not Notificatie.objects.exists()


def test_people_duo_does_not_know_or_may_not_show_and_closed_dossiers_are_skipped(
    duo_mock, gemeente_a, persoon, inburgeraar_factory
):
    from openinburgering.accounts.context import Actor
    from openinburgering.inburgeraars import services
    from openinburgering.inburgeraars.workflow import Eindreden, Status

    duo_lijst(duo_mock, persoon.bsn, status=404)
    afgerond = inburgeraar_factory(gemeente_a, bsn=nieuw_bsn())
    services.dossier_status_wijzigen(
        actor=Actor(gemeente=gemeente_a, systeem="test"),
        dossier=afgerond.dossier,
        naar=Status.AFGEROND,
        eindreden=Eindreden.VOLDAAN,
    )
    ronde = gebeurtenissen_inhalen(gemeente=gemeente_a)
    assert (ronde.personen, ronde.ingehaald, ronde.fouten) == (0, 0, 0)
    assert [r.url.split("/")[-2] for r in duo_mock.verzoeken] == [persoon.bsn]


def test_a_refusal_by_duo_is_counted_and_the_round_goes_on(duo_mock, gemeente_a, persoon):
    duo_lijst(duo_mock, persoon.bsn, status=400)
    ronde = gebeurtenissen_inhalen(gemeente=gemeente_a)
    assert (ronde.fouten, ronde.onderbroken) == (1, False)


def test_the_command_and_the_periodic_task(duo_mock, gemeente_a, persoon, capsys):
    duo_lijst(duo_mock, persoon.bsn, ("SS141", "2026-05-04"))
    call_command("duo_gebeurtenissen_inhalen", "--gemeente", gemeente_a.code)
    assert f"{gemeente_a.code}: personen=1 ingehaald=1 fouten=0" in capsys.readouterr().out
    assert tasks.gebeurtenissen_inhalen.call(gemeente_a.pk) == {
        gemeente_a.code: {"personen": 1, "ingehaald": 0, "fouten": 0, "onderbroken": False}
    }


def test_the_command_refuses_an_unknown_gemeente():
    with pytest.raises(CommandError):
        call_command("duo_gebeurtenissen_inhalen", "--gemeente", "9998")


def test_duos_own_notification_arriving_after_the_catch_up_is_not_processed_again(
    duo_afzender, duo_mock, gemeente_a, persoon
):
    duo_lijst(duo_mock, persoon.bsn, ("SS133", "2026-03-02"))
    assert gebeurtenissen_inhalen(gemeente=gemeente_a).ingehaald == 1
    assert inbox.inbox_verwerken() == 1
    # DUO's notification of that very event arrives after all.
    laat = duo_afzender.post(
        notificatie_body(bsn=persoon.bsn, gebeurtenis="SS133", tijd="2026-03-02T09:15:00+01:00")
    )
    assert inbox.inbox_verwerken() == 1
    notificatie = Notificatie.objects.get(bericht_id=laat.bericht_id)
    assert notificatie.status == NotificatieStatus.VERWERKT
    assert "niet nog eens" in notificatie.resultaat
    assert duo_tijdlijn(persoon, "SS133").count() == 1
    assert Werkitem.objects.filter(dossier=persoon.dossier).count() == 1


def test_a_second_event_of_the_same_kind_that_day_is_processed(
    duo_afzender, duo_mock, gemeente_a, persoon
):
    duo_lijst(duo_mock, persoon.bsn, ("SS199", "2026-03-02"))
    gebeurtenissen_inhalen(gemeente=gemeente_a)
    inbox.inbox_verwerken()
    # DUO recorded a second exam result that day and notifies it.
    duo_lijst(duo_mock, persoon.bsn, ("SS199", "2026-03-02"), ("SS199", "2026-03-02"))
    nog_een = duo_afzender.post(
        notificatie_body(bsn=persoon.bsn, gebeurtenis="SS199", tijd="2026-03-02T15:00:00+01:00")
    )
    inbox.inbox_verwerken()
    notificatie = Notificatie.objects.get(bericht_id=nog_een.bericht_id)
    assert notificatie.status == NotificatieStatus.VERWERKT
    assert "niet nog eens" not in notificatie.resultaat
    assert gebeurtenissen_inhalen(gemeente=gemeente_a).ingehaald == 0


def test_the_command_with_loop_runs_rounds_until_sigterm(gemeente_a, monkeypatch):
    import os
    import signal

    from openinburgering.integrations.duo.management.commands import (
        duo_gebeurtenissen_inhalen as commando,
    )

    rondes = []

    def ronde(*, gemeente, batch):
        rondes.append(gemeente.code)
        if len(rondes) == 2:
            os.kill(os.getpid(), signal.SIGTERM)
        return inhalen.Inhaalronde()

    monkeypatch.setattr(commando, "gebeurtenissen_inhalen", ronde)
    oud = signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGINT)
    try:
        call_command("duo_gebeurtenissen_inhalen", "--loop", "--interval", "0")
    finally:
        signal.signal(signal.SIGTERM, oud[0])
        signal.signal(signal.SIGINT, oud[1])
    assert rondes == [gemeente_a.code, gemeente_a.code]
