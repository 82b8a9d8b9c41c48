"""Set-based processing of people DUO announces: the same outcome as one by one, in a fixed
number of queries, and everything that does not fit falls back to the one-by-one path."""

from datetime import date

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from openinburgering.accounts.context import Actor
from openinburgering.inburgeraars import services as inburgeraar_services
from openinburgering.inburgeraars.models import Gebeurtenis, Inburgeraar
from openinburgering.inburgeraars.tests.factories import maak_inburgeraar, nieuw_bsn
from openinburgering.integrations.duo import inbox, nieuwe_personen, verwerking
from openinburgering.integrations.duo.models import (
    DuoStand,
    Notificatie,
    NotificatieStatus,
    Werkitem,
)
from openinburgering.logboek.models import Verwerking

from .conftest import notificatie_body

pytestmark = pytest.mark.django_db

AANKONDIGINGEN = sorted(g.value for g in nieuwe_personen.AANKONDIGINGEN)


@pytest.fixture(autouse=True)
def _inbox(settings):
    # As in production: the endpoint only stores, the inbox worker processes.
    settings.DUO_NOTIFICATIES_DIRECT = False


def _ontvangen(duo_afzender, gebeurtenis: str, bsn: str, **extra) -> Notificatie:
    response = duo_afzender.post(notificatie_body(bsn=bsn, gebeurtenis=gebeurtenis, **extra))
    assert response.status_code == 201
    return Notificatie.objects.get(bericht_id=response.bericht_id)


def _beeld(notificatie: Notificatie) -> dict:
    """Everything processing wrote about the person, without ids, uuids and clock times."""
    notificatie.refresh_from_db()
    inburgeraar = notificatie.inburgeraar
    uuids = {str(notificatie.uuid): "<notificatie>", str(inburgeraar.dossier.uuid): "<dossier>"}

    def zonder_uuids(tekst: str) -> str:
        for uuid, naam in uuids.items():
            tekst = tekst.replace(uuid, naam)
        return tekst

    return {
        "notificatie": (notificatie.status, notificatie.resultaat),
        "inburgeraar": {
            veld: getattr(inburgeraar, veld)
            for veld in (
                "doelgroep",
                "gedetailleerde_doelgroep",
                "regime",
                "vnummer",
                "voornamen",
                "achternaam",
                "geboortedatum",
                "versie",
            )
        },
        "dossier": (inburgeraar.dossier.status, inburgeraar.dossier.aangemeld_op),
        "tijdlijn": [
            (
                g.soort,
                g.bron,
                g.actor_naam,
                g.omschrijving,
                {k: zonder_uuids(str(v)) for k, v in g.gegevens.items()},
            )
            for g in Gebeurtenis.objects.filter(dossier=inburgeraar.dossier).order_by("id")
        ],
        "werkitems": sorted(
            (
                w.soort,
                w.titel,
                w.toelichting,
                w.deadline,
                w.regel,
                w.status,
                zonder_uuids(w.sleutel),
                w.notificatie_id == notificatie.pk,
            )
            for w in Werkitem.objects.filter(dossier=inburgeraar.dossier)
        ),
        "duo_stand": {
            k: v
            for k, v in DuoStand.objects.get(inburgeraar=inburgeraar).gegevens.items()
            if k != "opgehaald_op"
        },
        "logboek": sorted(
            (v.activiteit, v.resultaat, v.actor, v.actor_soort)
            for v in Verwerking.objects.filter(betrokkene=inburgeraar.pseudoniem)
        ),
    }


@pytest.mark.parametrize("gebeurtenis", AANKONDIGINGEN)
def test_set_based_gives_what_one_by_one_gives(gebeurtenis, duo_afzender, duo_mock):
    een_voor_een, in_bulk = [], []
    for lijst in (een_voor_een, in_bulk):
        for vnummer in ("", "1234567"):
            bsn = nieuw_bsn()
            duo_mock.persoon(bsn)
            extra = {"vNummer": int(vnummer)} if vnummer else {}
            lijst.append(_ontvangen(duo_afzender, gebeurtenis, bsn, **extra))
    for notificatie in een_voor_een:
        verwerking.notificatie_verwerken(notificatie_id=notificatie.pk)
    assert inbox.inbox_verwerken() == 2
    for eerder, nu in zip(een_voor_een, in_bulk, strict=True):
        beeld = _beeld(nu)
        assert beeld == _beeld(eerder)
        assert beeld["notificatie"][0] == NotificatieStatus.VERWERKT
        assert beeld["tijdlijn"][0][0] == "aangemeld"
        assert beeld["tijdlijn"][-1][0] == gebeurtenis


def _verwerk_nieuwe(duo_afzender, duo_mock, aantal: int, django_capture_on_commit_callbacks):
    for dag in range(1, aantal + 1):
        bsn = nieuw_bsn()
        duo_mock.persoon(bsn)
        # Another day each, so every notification gets its own result text and deadline.
        _ontvangen(duo_afzender, "SS139", bsn, tijd=f"2026-03-{dag:02d}T09:15:00+01:00")
    with (
        CaptureQueriesContext(connection) as queries,
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert inbox.inbox_verwerken() == aantal
    return len(queries)


def test_the_number_of_queries_does_not_grow_with_the_batch(
    duo_afzender, duo_mock, django_capture_on_commit_callbacks
):
    drie = _verwerk_nieuwe(duo_afzender, duo_mock, 3, django_capture_on_commit_callbacks)
    twintig = _verwerk_nieuwe(duo_afzender, duo_mock, 20, django_capture_on_commit_callbacks)
    assert twintig == drie
    assert set(Notificatie.objects.values_list("status", flat=True)) == {NotificatieStatus.VERWERKT}
    assert Inburgeraar.objects.count() == 23


def test_what_does_not_fit_goes_one_by_one_in_order(duo_afzender, duo_mock, gemeente_a):
    nieuw, bekend, geen_doelgroep = nieuw_bsn(), nieuw_bsn(), nieuw_bsn()
    for bsn in (nieuw, bekend):
        duo_mock.persoon(bsn)
    duo_mock.persoon(geen_doelgroep, doelgroep=None)
    maak_inburgeraar(gemeente_a, bsn=bekend)
    eerste = _ontvangen(duo_afzender, "SS139", nieuw)
    over_bekende = _ontvangen(duo_afzender, "SS139", bekend)
    tweede_over_nieuwe = _ontvangen(duo_afzender, "SS102", nieuw)
    zonder_doelgroep = _ontvangen(duo_afzender, "SS101", geen_doelgroep)
    onbekend = _ontvangen(duo_afzender, "SS105", nieuw_bsn())

    assert inbox.inbox_verwerken() == 5

    for n in (eerste, over_bekende, tweede_over_nieuwe, zonder_doelgroep, onbekend):
        n.refresh_from_db()
    assert eerste.status == NotificatieStatus.VERWERKT
    assert over_bekende.status == NotificatieStatus.VERWERKT
    assert over_bekende.inburgeraar.bsn == bekend
    # The second notification about the new person was processed after the first, on the
    # person the first one created.
    assert tweede_over_nieuwe.status == NotificatieStatus.VERWERKT
    assert tweede_over_nieuwe.inburgeraar == eerste.inburgeraar
    soorten = list(
        Gebeurtenis.objects.filter(dossier=eerste.inburgeraar.dossier)
        .order_by("id")
        .values_list("soort", flat=True)
    )
    assert soorten == ["aangemeld", "SS139", "SS102"]
    assert zonder_doelgroep.status == NotificatieStatus.MISLUKT
    assert "doelgroep" in zonder_doelgroep.resultaat
    assert onbekend.status == NotificatieStatus.ONBEKEND
    assert Inburgeraar.objects.filter(gemeente=gemeente_a).count() == 2


def test_a_person_created_meanwhile_falls_back_to_one_by_one(
    duo_afzender, duo_mock, gemeente_a, monkeypatch
):
    bsns = [nieuw_bsn() for _ in range(3)]
    for bsn in bsns:
        duo_mock.persoon(bsn)
        _ontvangen(duo_afzender, "SS139", bsn)
    echte_voorbereiden = nieuwe_personen._voorbereiden

    def gelijktijdig(kandidaten):
        # Another worker (a caseworker, the API) creates the second person just now.
        maak_inburgeraar(gemeente_a, bsn=bsns[1])
        return echte_voorbereiden(kandidaten)

    monkeypatch.setattr(nieuwe_personen, "_voorbereiden", gelijktijdig)
    assert inbox.inbox_verwerken() == 3
    assert set(Notificatie.objects.values_list("status", flat=True)) == {NotificatieStatus.VERWERKT}
    assert Inburgeraar.objects.filter(gemeente=gemeente_a).count() == 3
    # Nothing of the rolled-back attempt is left: one 'aangemeld' entry per person.
    assert Gebeurtenis.objects.filter(soort="aangemeld").count() == 3
    assert DuoStand.objects.count() == 3


def test_duo_going_away_halfway_keeps_what_was_done(duo_afzender, duo_mock):
    eerste, tweede, derde = nieuw_bsn(), nieuw_bsn(), nieuw_bsn()
    duo_mock.persoon(eerste)
    duo_mock.antwoord("GET", "/personen/{bsn}/inburgeringsplicht", status=503, bsn=tweede)
    duo_mock.persoon(derde)
    for bsn in (eerste, tweede, derde):
        _ontvangen(duo_afzender, "SS139", bsn)
    assert inbox.inbox_verwerken() == 3
    statussen = list(Notificatie.objects.order_by("id").values_list("status", flat=True))
    assert statussen == [
        NotificatieStatus.VERWERKT,
        NotificatieStatus.OPNIEUW,
        NotificatieStatus.ONTVANGEN,
    ]
    assert Inburgeraar.objects.count() == 1


def test_an_unexpected_error_in_the_batch_leaves_each_to_one_by_one(
    duo_afzender, duo_mock, monkeypatch
):
    """A fault in the set-based path must not fail the batch on every round (a blocked inbox)."""
    for _ in range(3):
        bsn = nieuw_bsn()
        duo_mock.persoon(bsn)
        _ontvangen(duo_afzender, "SS139", bsn)

    def kapot(kandidaten):
        raise RuntimeError("fout in de set-based verwerking")

    monkeypatch.setattr(nieuwe_personen, "_opslaan", kapot)
    assert inbox.inbox_verwerken() == 3
    assert set(Notificatie.objects.values_list("status", flat=True)) == {NotificatieStatus.VERWERKT}
    assert Inburgeraar.objects.count() == 3
    assert DuoStand.objects.count() == 3


def test_many_people_in_one_call_of_the_inburgeraars_service(gemeente_a):
    actor = Actor(gemeente=gemeente_a, systeem="DUO-koppeling")
    nieuw = [
        (
            inburgeraar_services.inburgeraar_voorbereiden(
                actor=actor, bsn=nieuw_bsn(), doelgroep="Asielstatushouder"
            ),
            date(2026, 3, 2),
        )
        for _ in range(4)
    ]
    with CaptureQueriesContext(connection) as queries:
        inburgeraars = inburgeraar_services.inburgeraars_aanmaken(actor=actor, nieuw=nieuw)
    # savepoint, four inserts, who subscribed to events (ADR 0072), release
    assert len(queries) <= 7
    assert [i.dossier.aangemeld_op for i in inburgeraars] == [date(2026, 3, 2)] * 4
    assert Verwerking.objects.filter(activiteit="aanmaken").count() == 4
