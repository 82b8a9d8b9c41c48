"""Against the DUO simulator (a separate WSGI app, run in a thread): notifications from "DUO",
the outbox to "DUO", and reconciliation, end to end over real HTTP."""

from datetime import date

import pytest

from openinburgering.accounts.context import Actor
from openinburgering.inburgeraars.models import Gebeurtenis, Inburgeraar
from openinburgering.inburgeraars.tests.factories import nieuw_bsn
from openinburgering.integrations.duo import bezorging, meldingen
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
from openinburgering.signalen.models import Signaal, Soort


@pytest.mark.django_db(transaction=True)
def test_notification_sent_by_the_simulator_is_received_and_processed(
    simulator, live_server, gemeente_a, settings
):
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
    # The deadline engine derives the 10-week item from the SS139 entry.
    assert Signaal.objects.filter(dossier=inburgeraar.dossier, soort=Soort.PIP_TERMIJN).exists()
    gevraagd = {b["pad"].rsplit("/", 1)[1] for b in simulator.berichten(methode="GET")}
    assert {"inburgeringsplicht", "doelgroep"} <= gevraagd


@pytest.mark.django_db(transaction=True)
def test_an_lbt_result_from_the_simulator_lands_on_the_brede_intake(
    simulator, live_server, gemeente_a, inburgeraar_factory, medewerker, inloggen
):
    """SS131 through the real path: DUO notifies, we ask DUO's Leerbaarheidstoets API, the
    result is stored on the intake and shown there with the leerroute advice (R28, R29)."""
    from django.urls import reverse

    from openinburgering.accounts.rollen import Rol
    from openinburgering.intake.models import BredeIntake

    simulator.gemeente(gemeente_a)
    bsn = nieuw_bsn()
    resultaat = {
        "resultaat": "B1-route haalbaar",
        "behaaldeScore": "30,00",
        "benodigdeScore": "28,00",
        "datumAfname": "2026-02-20",
    }
    simulator.persoon(bsn, gemeente_a, lbt={"examennummer": "LBT123456", "resultaten": [resultaat]})
    persoon = inburgeraar_factory(gemeente_a, bsn=bsn)
    antwoord = simulator.post(
        "/notificaties",
        {
            "gebeurtenisId": "SS131",
            "bsn": bsn,
            "doelGemeenteOin": gemeente_a.oin,
            "gemeenteUrl": live_server.url,
        },
    )
    assert antwoord["status"] == 201
    notificatie = Notificatie.objects.get()
    assert notificatie.status == NotificatieStatus.VERWERKT, notificatie.resultaat
    intake = BredeIntake.objects.get(dossier=persoon.dossier)
    assert intake.lbt_resultaat == "B1-route haalbaar"
    assert intake.lbt_afgenomen_op == date(2026, 2, 20)
    assert intake.geadviseerde_leerroute == "B"
    gevraagd = [b["pad"] for b in simulator.berichten(methode="GET")]
    assert any(p.endswith("/lbt/resultaten") for p in gevraagd)

    client = inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_a))
    pagina = client.get(reverse("intake:intake", kwargs={"uuid": persoon.uuid})).content.decode()
    assert "DUO (ontvangen op" in pagina
    assert "Score 30,00 tegen DUO&#x27;s benodigde score 28,00: B1-route haalbaar." in pagina
    assert "B1-route (B)" in pagina
    assert "afschalen, R21" in pagina


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


@pytest.mark.django_db(transaction=True)
def test_duo_records_an_event_but_never_notifies_catching_up_processes_it_once(
    simulator, live_server, gemeente_a
):
    """Issue 16's acceptance test, over real HTTP: DUO notifies SS139, records SS133 without
    notifying; while DUO is unreachable the catch-up stores nothing, then it stores SS133 once and
    the inbox processes it once, however often the catch-up runs (ADR 0063)."""
    from openinburgering.integrations.duo.inhalen import gebeurtenissen_inhalen

    simulator.gemeente(gemeente_a)
    bsn = nieuw_bsn()
    simulator.persoon(bsn, gemeente_a)
    antwoord = simulator.post(
        "/notificaties",
        {"gebeurtenisId": "SS139", "bsn": bsn, "gemeenteUrl": live_server.url},
    )
    assert antwoord["status"] == 201
    inburgeraar = Inburgeraar.objects.get(gemeente=gemeente_a)
    vastgelegd = simulator.post(
        "/notificaties", {"gebeurtenisId": "SS133", "bsn": bsn, "versturen": False}
    )
    assert vastgelegd["verzonden"] is None

    simulator.storing("503", paths=f"/personen/{bsn}/gebeurtenissen")
    ronde = gebeurtenissen_inhalen(gemeente=gemeente_a)
    assert ronde.onderbroken and ronde.ingehaald == 0
    assert not Notificatie.objects.filter(ingehaald=True).exists()

    simulator.storing("none")
    rondes = [gebeurtenissen_inhalen(gemeente=gemeente_a) for _ in range(2)]
    assert [r.ingehaald for r in rondes] == [1, 0]
    [ingehaald] = Notificatie.objects.filter(ingehaald=True)
    assert (ingehaald.gebeurtenis_id, ingehaald.status) == ("SS133", NotificatieStatus.VERWERKT)
    soorten = list(
        Gebeurtenis.objects.filter(dossier=inburgeraar.dossier, soort__startswith="SS")
        .order_by("soort")
        .values_list("soort", flat=True)
    )
    assert soorten == ["SS133", "SS139"]
    assert (
        Werkitem.objects.filter(
            dossier=inburgeraar.dossier, soort=WerkitemSoort.OPLEIDINGSCONTRACT
        ).count()
        == 1
    )
    gevraagd = [b["pad"] for b in simulator.berichten(methode="GET")]
    assert gevraagd.count(f"/v1/personen/{bsn}/gebeurtenissen") == 3
