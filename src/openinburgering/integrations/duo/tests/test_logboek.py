"""The processing log names the DUO exchange: received, asked, reported, reconciled.

One record per person per processing, with the person's pseudonym, never a BSN or name.
"""

from datetime import date

from django.utils import timezone

import pytest
import time_machine

from openinburgering.accounts.context import Actor
from openinburgering.inburgeraars.models import Inburgeraar
from openinburgering.inburgeraars.tests.factories import nieuw_bsn
from openinburgering.integrations.duo import bezorging, meldingen
from openinburgering.integrations.duo.afstemming import afstemmen
from openinburgering.integrations.duo.client import Duo
from openinburgering.integrations.duo.fouten import DuoAfwijzing, DuoNietBereikbaar
from openinburgering.logboek.models import Activiteit, Resultaat, Verwerking
from openinburgering.regels.codes import Leerroute
from openinburgering.regels.pip import Pip

from . import voorbeelden
from .test_verwerking import ontvang  # noqa: F401  (the fixture)

pytestmark = pytest.mark.django_db


def records(activiteit):
    return list(Verwerking.objects.filter(activiteit=activiteit))


def geen_bsn_of_naam(record, bsn, inburgeraar=None):
    velden = " ".join(str(getattr(record, f.attname)) for f in Verwerking._meta.concrete_fields)
    assert bsn not in velden
    if inburgeraar is not None and inburgeraar.achternaam:
        assert inburgeraar.achternaam not in velden


def test_processing_a_notification_logs_asked_and_received_once_per_person(
    ontvang,  # noqa: F811
    duo_mock,
    gemeente_a,
):
    bsn = nieuw_bsn()
    duo_mock.persoon(bsn)
    ontvang("SS101", bsn)
    inburgeraar = Inburgeraar.objects.get(gemeente=gemeente_a)
    # Processing SS101 asks DUO several APIs about the one person: one record.
    assert len(duo_mock.verzoeken) > 1
    [opgevraagd] = records(Activiteit.DUO_OPGEVRAAGD)
    # Received twice: the notification when it is stored, DUO's data when it is applied.
    ontvangen = records(Activiteit.DUO_ONTVANGEN)
    assert len(ontvangen) == 2
    for record in (opgevraagd, *ontvangen):
        assert record.betrokkene == inburgeraar.pseudoniem
        assert record.gemeente == gemeente_a
        assert record.resultaat == Resultaat.OK
        assert record.actor_soort == "systeem"
        geen_bsn_of_naam(record, bsn, inburgeraar)
    assert not records(Activiteit.INZIEN)


def test_a_client_read_logs_asked_with_the_caseworkers_name(
    gemeente_a, inburgeraar_factory, medewerker, duo_mock
):
    from openinburgering.accounts.rollen import Rol

    persoon = inburgeraar_factory(gemeente_a)
    user = medewerker(Rol.KLANTREGISSEUR, gemeente_a)
    duo_mock.persoon(persoon.bsn)
    duo = Duo(gemeente_a, actor=Actor(gemeente=gemeente_a, user=user, rol=Rol.KLANTREGISSEUR))
    duo.examen.resultaten(bsn=persoon.bsn)
    duo.examen.gratis_pogingen(bsn=persoon.bsn)
    [record] = records(Activiteit.DUO_OPGEVRAAGD)
    assert (record.betrokkene, record.gebruiker, record.actor) == (
        persoon.pseudoniem,
        user,
        user.username,
    )
    geen_bsn_of_naam(record, persoon.bsn, persoon)


def test_a_read_duo_refuses_is_logged_as_refused_and_an_unanswered_one_not_at_all(
    gemeente_a, inburgeraar_factory, duo_mock
):
    persoon = inburgeraar_factory(gemeente_a)
    duo = Duo(gemeente_a)
    duo_mock.antwoord(
        "GET", "/personen/{bsn}/inburgeringsplicht", status=503, json=[], bsn=persoon.bsn
    )
    with pytest.raises(DuoNietBereikbaar):
        duo.plicht.plicht(bsn=persoon.bsn)
    assert not records(Activiteit.DUO_OPGEVRAAGD)
    duo_mock.antwoord(
        "GET",
        "/personen/{bsn}/inburgeringsplicht",
        status=403,
        json=voorbeelden.AFWIJZING_PIP,
        bsn=persoon.bsn,
    )
    with pytest.raises(DuoAfwijzing):
        duo.plicht.plicht(bsn=persoon.bsn)
    [record] = records(Activiteit.DUO_OPGEVRAAGD)
    assert record.resultaat == Resultaat.GEWEIGERD


@time_machine.travel("2026-06-01 10:00 +0200", tick=True)
def test_an_outbox_delivery_logs_reported_when_duo_took_it(
    gemeente_a, inburgeraar_factory, duo_mock
):
    persoon = inburgeraar_factory(gemeente_a)
    actor = Actor(gemeente=gemeente_a, systeem="test")
    meldingen.pip_melden(
        actor=actor,
        inburgeraar=persoon,
        pip=Pip(dagtekening=date(2026, 5, 20), leerroute=Leerroute.B1_ROUTE),
    )
    assert not records(Activiteit.DUO_GEMELD), "queued is not yet reported"
    duo_mock.schrijven()
    assert bezorging.bezorgen().bezorgd == 1
    [record] = records(Activiteit.DUO_GEMELD)
    assert record.betrokkene == persoon.pseudoniem
    assert record.resultaat == Resultaat.OK
    assert record.tijdstip <= timezone.now()
    geen_bsn_of_naam(record, persoon.bsn, persoon)


def test_reconciliation_logs_reconciled_once_per_person(gemeente_a, inburgeraar_factory, duo_mock):
    eerste = inburgeraar_factory(gemeente_a)
    tweede = inburgeraar_factory(gemeente_a)
    duo_mock.persoon(eerste.bsn)
    duo_mock.persoon(tweede.bsn)
    afstemmen(gemeente=gemeente_a)
    for activiteit in (Activiteit.DUO_AFGESTEMD, Activiteit.DUO_OPGEVRAAGD):
        assert sorted(r.betrokkene for r in records(activiteit)) == sorted(
            [eerste.pseudoniem, tweede.pseudoniem]
        ), activiteit
        assert {r.actor for r in records(activiteit)} == {"DUO-afstemming"}
    for record in Verwerking.objects.all():
        geen_bsn_of_naam(record, eerste.bsn, eerste)
        geen_bsn_of_naam(record, tweede.bsn, tweede)
