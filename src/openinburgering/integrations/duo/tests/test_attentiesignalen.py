"""Every event id in DUO's list is handled (issue 16): the attentiesignalen and SS112, each through
the real path: DUO posts to our Notificatie endpoint, the notification waits in the inbox, the
inbox worker processes it. ``regels.duo`` says what each means (R71 for the deadlines)."""

from datetime import date

from django.utils import translation

import pytest

from openinburgering.accounts.context import Actor
from openinburgering.inburgeraars import services as inburgeraar_services
from openinburgering.inburgeraars.models import Bron, Gebeurtenis, Inburgeraar
from openinburgering.inburgeraars.tests.factories import maak_inburgeraar, nieuw_bsn
from openinburgering.inburgeraars.workflow import Eindreden, Status
from openinburgering.integrations.duo import inbox
from openinburgering.integrations.duo.models import (
    Notificatie,
    NotificatieStatus,
    Werkitem,
    WerkitemSoort,
    WerkitemStatus,
)

from .conftest import notificatie_body

pytestmark = pytest.mark.django_db

#: Registered by DUO on 2 March 2026 (Dutch time).
TIJD = "2026-03-02T09:15:00+01:00"


@pytest.fixture(autouse=True)
def _via_de_inbox(settings):
    """No processing straight after the endpoint's commit: the inbox worker does it."""
    settings.DUO_NOTIFICATIES_DIRECT = False


@pytest.fixture
def meld(duo_afzender):
    def doe(gebeurtenis: str, bsn: str) -> Notificatie:
        response = duo_afzender.post(notificatie_body(bsn=bsn, gebeurtenis=gebeurtenis, tijd=TIJD))
        assert response.status_code == 201
        notificatie = Notificatie.objects.get(bericht_id=response.bericht_id)
        assert notificatie.status == NotificatieStatus.ONTVANGEN
        assert inbox.inbox_verwerken() == 1
        notificatie.refresh_from_db()
        return notificatie

    return doe


@pytest.fixture
def persoon(gemeente_a, duo_mock):
    bsn = nieuw_bsn()
    duo_mock.persoon(bsn)
    return maak_inburgeraar(gemeente_a, bsn=bsn, aangemeld_op=date(2026, 1, 15))


def _tijdlijn(inburgeraar, gebeurtenis: str) -> list[Gebeurtenis]:
    return list(
        Gebeurtenis.objects.filter(dossier=inburgeraar.dossier, bron=Bron.DUO, soort=gebeurtenis)
    )


# (event, kind of work item, deadline, rule that sets it, words on the timeline)
SIGNALEN = [
    ("SS122", WerkitemSoort.VERTROKKEN, date(2026, 4, 1), "R47", "andere gemeente vertrokken"),
    ("SS123", WerkitemSoort.VERTROKKEN, date(2026, 4, 1), "R47", "uit Nederland vertrokken"),
    ("SS126", WerkitemSoort.LEERROUTE_TE_LAAT, date(2026, 3, 2), "R9", "10 weken"),
    # DUO's PIP in the example: 20 March 2026, B1-route: the offer must start by 20 June (R55).
    ("SS127", WerkitemSoort.AANBOD_ONTBREEKT, date(2026, 6, 20), "R55", "inburgeringsaanbod"),
    ("SS133", WerkitemSoort.OPLEIDINGSCONTRACT, date(2026, 3, 30), "R71", "taalniveau"),
    ("SS134", WerkitemSoort.OPLEIDINGSCONTRACT, date(2026, 3, 30), "R71", "niet verwachte soort"),
    ("SS135", WerkitemSoort.OPLEIDINGSCONTRACT, date(2026, 3, 30), "R71", "Z-route"),
    ("SS136", WerkitemSoort.OPLEIDINGSCONTRACT, date(2026, 3, 30), "R71", "taalschakeltraject"),
    ("SS140", WerkitemSoort.ADVIES_ONTHEFFING, date(2026, 3, 30), "R71", "advies"),
    ("SS141", WerkitemSoort.CERTIFICAAT_ZROUTE, date(2026, 3, 30), "R71", "certificaat"),
    ("SS142", WerkitemSoort.OPLEIDING_BEEINDIGD, date(2026, 3, 30), "R71", "uitgeschreven"),
]


@pytest.mark.parametrize(
    ("gebeurtenis", "soort", "deadline", "regel", "woorden"), SIGNALEN, ids=[s[0] for s in SIGNALEN]
)
def test_an_attentiesignaal_gives_a_timeline_entry_and_a_task_with_its_deadline(
    meld, persoon, gebeurtenis, soort, deadline, regel, woorden
):
    notificatie = meld(gebeurtenis, persoon.bsn)
    assert notificatie.status == NotificatieStatus.VERWERKT, notificatie.resultaat
    assert notificatie.inburgeraar == persoon
    [regel_op_tijdlijn] = _tijdlijn(persoon, gebeurtenis)
    assert woorden in regel_op_tijdlijn.omschrijving
    assert regel_op_tijdlijn.tekst["t"], "stored as a msgid (ADR 0046)"
    [item] = Werkitem.objects.filter(dossier=persoon.dossier, status=WerkitemStatus.OPEN)
    assert (item.soort, item.deadline, item.regel) == (soort, deadline, regel)
    assert item.notificatie == notificatie
    assert item.teksten["titel"]["t"] and item.teksten["toelichting"]
    # The dossier stays open: a signal asks for work, it ends nothing.
    persoon.dossier.refresh_from_db()
    assert persoon.dossier.status != Status.AFGEROND


def test_ss112_an_extension_request_is_on_the_timeline_without_a_task(meld, persoon):
    notificatie = meld("SS112", persoon.bsn)
    assert notificatie.status == NotificatieStatus.VERWERKT
    [regel] = _tijdlijn(persoon, "SS112")
    assert "verlengen" in regel.omschrijving
    assert "21-03-2029" in regel.omschrijving, "the term as DUO has it now"
    assert not Werkitem.objects.filter(dossier=persoon.dossier).exists()


def test_a_departure_of_someone_unknown_here_makes_no_dossier(meld, duo_mock, gemeente_a):
    bsn = nieuw_bsn()
    duo_mock.persoon(bsn)
    for gebeurtenis in ("SS122", "SS123"):
        notificatie = meld(gebeurtenis, bsn)
        assert notificatie.status == NotificatieStatus.VERWERKT
        assert "niet bekend" in notificatie.resultaat
    assert not Inburgeraar.objects.filter(gemeente=gemeente_a).exists()
    assert duo_mock.verzoeken == []


def test_the_z_route_certificate_is_still_handed_out_after_the_dossier_closed(meld, persoon):
    inburgeraar_services.dossier_status_wijzigen(
        actor=Actor(gemeente=persoon.gemeente, systeem="test"),
        dossier=persoon.dossier,
        naar=Status.AFGEROND,
        eindreden=Eindreden.VOLDAAN,
    )
    meld("SS141", persoon.bsn)
    soorten = set(Werkitem.objects.filter(dossier=persoon.dossier).values_list("soort", flat=True))
    assert soorten == {WerkitemSoort.CERTIFICAAT_ZROUTE}


def test_a_signal_on_a_closed_dossier_is_for_review(meld, persoon):
    inburgeraar_services.dossier_status_wijzigen(
        actor=Actor(gemeente=persoon.gemeente, systeem="test"),
        dossier=persoon.dossier,
        naar=Status.AFGEROND,
        eindreden=Eindreden.VOLDAAN,
    )
    meld("SS133", persoon.bsn)
    soorten = set(Werkitem.objects.filter(dossier=persoon.dossier).values_list("soort", flat=True))
    assert soorten == {WerkitemSoort.VERWERKING_MISLUKT}


def test_the_duty_ending_closes_the_tasks_that_belong_to_it(meld, persoon):
    meld("SS133", persoon.bsn)
    meld("SS122", persoon.bsn)
    meld("SS111", persoon.bsn)
    open_soorten = set(
        Werkitem.objects.filter(dossier=persoon.dossier, status=WerkitemStatus.OPEN).values_list(
            "soort", flat=True
        )
    )
    # The contract lapses with the duty; what DUO still lacks about the past does not.
    assert WerkitemSoort.OPLEIDINGSCONTRACT not in open_soorten
    assert WerkitemSoort.VERTROKKEN in open_soorten


def test_task_and_explanation_read_in_the_readers_language(meld, persoon):
    meld("SS140", persoon.bsn)
    item = Werkitem.objects.get(dossier=persoon.dossier)
    assert item.titel == "Advies aan DUO geven over de ontheffing (BIO)"
    assert "30-03-2026" in item.toelichting and "R71" in item.toelichting
    with translation.override("en"):
        assert item.titel_weergave != item.titel
        assert "30-03-2026" in item.toelichting_weergave


def test_ss122_records_the_departure_for_the_handover(meld, persoon):
    """The verhuizing app reacts (ADR 0050, 0066): the dossier card shows the departure."""
    from openinburgering.verhuizing.models import Meldingbron, Richting, Verhuismelding

    meld("SS122", persoon.bsn)
    melding = Verhuismelding.objects.get(dossier=persoon.dossier)
    assert (melding.richting, melding.bron, melding.gebeurtenis) == (
        Richting.VERTREK,
        Meldingbron.DUO,
        "SS122",
    )
    assert melding.datum == date(2026, 3, 2)
    # DUO's own timeline entry is the only one: the reaction adds none.
    assert not Gebeurtenis.objects.filter(
        dossier=persoon.dossier, soort="verhuizing_gemeld"
    ).exists()
