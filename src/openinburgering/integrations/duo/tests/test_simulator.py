"""Against the DUO simulator (a separate WSGI app, run in a thread): notifications from "DUO",
the outbox to "DUO", and reconciliation, end to end over real HTTP."""

from datetime import date

import pytest

from openinburgering.accounts.context import Actor
from openinburgering.inburgeraars.models import Gebeurtenis, Inburgeraar
from openinburgering.inburgeraars.tests.factories import nieuw_bsn
from openinburgering.integrations.duo import bezorging, meldingen, verwerking
from openinburgering.integrations.duo.afstemming import afstemmen
from openinburgering.integrations.duo.models import (
    Notificatie,
    NotificatieStatus,
    UitgaandStatus,
    Werkitem,
    WerkitemSoort,
)
from openinburgering.regels.codes import Leerroute
from openinburgering.regels.pip import Pip


@pytest.mark.django_db(transaction=True)
def test_notification_sent_by_the_simulator_is_received_and_processed(
    simulator, live_server, gemeente_a, settings, monkeypatch
):
    monkeypatch.setattr(verwerking, "termijnen_door_signalen", lambda: False)
    simulator.gemeente(gemeente_a)
    bsn = nieuw_bsn()
    simulator.persoon(bsn, gemeente_a, gedetailleerdeDoelgroep="Gezinsvormer met Asielstatushouder")
    antwoord = simulator.post(
        "/notificaties",
        {
            "gebeurtenisId": "SS139",
            "bsn": bsn,
            "doelGemeenteOin": gemeente_a.oin,
            "gemeenteUrl": live_server.url,
        },
    )
    assert antwoord["status"] == 201
    notificatie = Notificatie.objects.get()
    assert notificatie.status == NotificatieStatus.VERWERKT, notificatie.resultaat
    inburgeraar = Inburgeraar.objects.get(gemeente=gemeente_a)
    assert inburgeraar.gedetailleerde_doelgroep == "Gezinsvormer met Asielstatushouder"
    assert Gebeurtenis.objects.filter(dossier=inburgeraar.dossier, soort="SS139").exists()
    assert Werkitem.objects.filter(soort=WerkitemSoort.PIP_TERMIJN).exists()
    gevraagd = {b["pad"].rsplit("/", 1)[1] for b in simulator.berichten(methode="GET")}
    assert {"inburgeringsplicht", "doelgroep"} <= gevraagd


@pytest.mark.django_db
def test_outbox_reaches_the_simulator_and_is_applied(simulator, gemeente_a, inburgeraar_factory):
    simulator.gemeente(gemeente_a)
    bsn = nieuw_bsn()
    simulator.persoon(bsn, gemeente_a)
    persoon = inburgeraar_factory(gemeente_a, bsn=bsn)
    actor = Actor(gemeente=gemeente_a, systeem="test")
    pip = meldingen.pip_melden(
        actor=actor,
        inburgeraar=persoon,
        pip=Pip(dagtekening=date(2026, 2, 2), leerroute=Leerroute.B1_ROUTE),
    )
    uren = meldingen.uren_melden(
        actor=actor, inburgeraar=persoon, soort="taalles_knm_brede_intake", uren=24
    )
    resultaat = bezorging.bezorgen()
    assert resultaat.bezorgd == 2, [b["status"] for b in simulator.berichten()]
    staat = simulator.staat(bsn)
    assert staat["pips"][-1]["pip"]["dagtekeningPip"] == "2026-02-02"
    berichten = simulator.berichten(methode="POST") + simulator.berichten(methode="PUT")
    assert {b["berichtId"] for b in berichten} >= {str(pip.bericht_id), str(uren.bericht_id)}
    assert all(b["toegepast"] for b in berichten)


@pytest.mark.django_db
def test_simulator_refusal_becomes_a_work_item(simulator, gemeente_a, inburgeraar_factory):
    simulator.gemeente(gemeente_a)
    bsn = nieuw_bsn()
    # DUO's rule R11: the PIP cannot be dated before the duty started.
    simulator.persoon(bsn, gemeente_a, plichtBegindatum="2026-03-01")
    persoon = inburgeraar_factory(gemeente_a, bsn=bsn)
    bericht = meldingen.pip_melden(
        actor=Actor(gemeente=gemeente_a, systeem="test"),
        inburgeraar=persoon,
        pip=Pip(dagtekening=date(2026, 2, 2), leerroute=Leerroute.B1_ROUTE),
    )
    assert bezorging.bezorgen().afgewezen == 1
    bericht.refresh_from_db()
    assert bericht.status == UitgaandStatus.AFGEWEZEN
    assert bericht.fouten
    item = Werkitem.objects.get(soort=WerkitemSoort.DUO_AFWIJZING)
    assert item.toelichting == "\n".join(bericht.fouten)


@pytest.mark.django_db
def test_reconciliation_against_the_simulator(simulator, gemeente_a, inburgeraar_factory, settings):
    settings.DUO_SIM_PERSONENLIJST = True
    simulator.gemeente(gemeente_a)
    bekend = nieuw_bsn()
    simulator.persoon(bekend, gemeente_a, doelgroep="Gezinsmigrant en overige migrant")
    persoon = inburgeraar_factory(gemeente_a, bsn=bekend)
    onbekend = nieuw_bsn()
    simulator.persoon(onbekend, gemeente_a)
    run = afstemmen(gemeente=gemeente_a)
    assert (run.aantal_dossiers, run.aantal_fouten, run.aantal_onbekende_personen) == (1, 0, 1)
    verschil = Werkitem.objects.get(dossier=persoon.dossier, soort=WerkitemSoort.DUO_VERSCHIL)
    assert verschil.toelichting == (
        "Bij ons: Asielstatushouder. Bij DUO: Gezinsmigrant en overige migrant."
    )
    assert Werkitem.objects.get(soort=WerkitemSoort.PERSOON_ONBEKEND).bsn == onbekend
