"""The demo shows a chain that works: every demo dossier agrees with itself (status, timeline,
intake, PIP, route, worklist, pages), and DUO (the simulator, seeded by the demo) confirms every
message the demo's outbox delivers."""

import io

from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse

import pytest

from openinburgering.accounts.models import User
from openinburgering.inburgeraars.models import Dossier, Gebeurtenis
from openinburgering.inburgeraars.workflow import Eindreden, Status
from openinburgering.intake.models import IntakeStatus
from openinburgering.pip.models import PipStatus
from openinburgering.signalen.models import Signaal, SignaalStatus, Soort

# A size that reaches every status in both gemeenten, in a fraction of the demo's time.
AANTAL = 80
# The order the workflow passes the statuses in; a dossier's timeline must follow it.
VOLGORDE = [Status.AANGEMELD, Status.INTAKE, Status.PIP_VASTGESTELD, Status.IN_UITVOERING]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo data once for this module (it sets dozens of PIPs with their letters).

    As in ``make demo``, the outbox waits for its worker: no delivery runs during demo_data.
    """
    dummy = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    with django_db_blocker.unblock():
        with override_settings(TASKS=dummy):
            call_command("demo_data", aantal=AANTAL, stdout=io.StringIO())
        try:
            yield
        finally:
            call_command("flush", interactive=False, verbosity=0)


def _dossiers():
    return list(
        Dossier.objects.select_related("inburgeraar", "gemeente", "brede_intake")
        .prefetch_related("pip_versies")
        .order_by("id")
    )


def _intake(dossier):
    return getattr(dossier, "brede_intake", None)


def _vastgesteld(dossier):
    return [p for p in dossier.pip_versies.all() if p.status == PipStatus.VASTGESTELD]


def test_every_status_in_both_gemeenten(demo, db):
    dossiers = _dossiers()
    assert len(dossiers) == AANTAL
    assert {d.status for d in dossiers} == set(Status.values)
    assert {d.gemeente.code for d in dossiers} == {"9001", "9002"}


def test_one_person_moved_from_demodam_to_proefwijk_with_the_history(demo, db):
    """ADR 0066: Demodam handed the dossier over, Proefwijk read the file in."""
    from openinburgering.verhuizing.models import Overdracht, Overname

    overdracht = Overdracht.objects.select_related("dossier__gemeente").get()
    overname = Overname.objects.select_related("dossier__gemeente").get()
    assert overdracht.dossier.gemeente.code == "9001" and overname.dossier.gemeente.code == "9002"
    assert overdracht.dossier.eindreden == Eindreden.VERHUISD
    assert overdracht.dossier.inburgeraar.bsn == overname.dossier.inburgeraar.bsn
    assert overname.dossier.gebeurtenissen.filter(soort="vorige_gemeente").exists()


def test_status_intake_and_pip_agree_in_every_dossier(demo, db):
    fouten = []
    for dossier in _dossiers():
        intake, pips = _intake(dossier), _vastgesteld(dossier)
        naam = f"dossier {dossier.pk} ({dossier.status})"
        if dossier.status == Status.AANGEMELD and (intake or dossier.pip_versies.all()):
            fouten.append(f"{naam}: aangemeld, maar met intake of PIP")
        if dossier.status == Status.INTAKE and (intake is None or pips):
            fouten.append(f"{naam}: in de intake zonder intake, of met een vastgesteld PIP")
        if dossier.status in (Status.PIP_VASTGESTELD, Status.IN_UITVOERING) and not pips:
            fouten.append(f"{naam}: zonder vastgesteld PIP")
        if pips and (intake is None or intake.status != IntakeStatus.AFGESLOTEN):
            fouten.append(f"{naam}: PIP vastgesteld terwijl de intake niet is afgesloten")
        for pip in pips:
            if (
                intake is not None
                and intake.afgesloten_op
                and pip.dagtekening < (intake.afgesloten_op)
            ):
                fouten.append(f"{naam}: PIP gedagtekend voor het afsluiten van de intake")
            if not pip.beschikking_pad:
                fouten.append(f"{naam}: vastgesteld PIP zonder beschikking")
        if dossier.eindreden == Eindreden.VOLDAAN and not pips:
            fouten.append(f"{naam}: plicht voldaan zonder PIP")
    assert not fouten, "\n".join(fouten)


def test_timeline_tells_the_same_story(demo, db):
    gebruikers = set(User.objects.values_list("username", flat=True))
    fouten = []
    for dossier in _dossiers():
        naam = f"dossier {dossier.pk} ({dossier.status})"
        # The history a handover file brought is the previous gemeente's story, not this one's.
        tijdlijn = list(
            Gebeurtenis.objects.filter(dossier=dossier)
            .exclude(soort="vorige_gemeente")
            .order_by("tijdstip", "id")
        )
        soorten = [g.soort for g in tijdlijn]
        statussen = [g.gegevens["naar"] for g in tijdlijn if g.soort == "status_gewijzigd"]
        if dossier.status == Status.AFGEROND:
            # Ending is open from every stage: the steps before it follow the workflow.
            verwacht = [*VOLGORDE[1 : len(statussen)], Status.AFGEROND]
        else:
            verwacht = VOLGORDE[1 : VOLGORDE.index(dossier.status) + 1]
        if statussen != verwacht:
            fouten.append(f"{naam}: tijdlijn {statussen}, verwacht {verwacht}")
        if soorten[0] != "aangemeld":
            fouten.append(f"{naam}: de tijdlijn begint niet met de aanmelding")
        if ("pip_vastgesteld" in soorten) != bool(_vastgesteld(dossier)):
            fouten.append(f"{naam}: tijdlijn en PIP zijn het oneens over 'PIP vastgesteld'")
        if "pip_vastgesteld" in soorten and (
            "intake_afgesloten" not in soorten
            or soorten.index("intake_afgesloten") > soorten.index("pip_vastgesteld")
        ):
            fouten.append(f"{naam}: PIP vastgesteld voor de intake was afgesloten")
        fouten += [
            f"{naam}: onbekende actor '{g.actor_naam}' op de tijdlijn"
            for g in tijdlijn
            if g.actor_naam not in gebruikers | {"", "systeem"}
        ]
    assert not fouten, "\n".join(fouten)


def test_worklist_route_and_school_follow_the_pip(demo, db):
    from openinburgering.taalaanbieders.models import Verwijzing
    from openinburgering.traject.models import ExamenUitslag

    fouten = []
    open_items = Signaal.objects.filter(status=SignaalStatus.OPEN)
    for dossier in _dossiers():
        naam = f"dossier {dossier.pk} ({dossier.status})"
        soorten = set(open_items.filter(dossier=dossier).values_list("soort", flat=True))
        pips = _vastgesteld(dossier)
        if pips and soorten & {Soort.PIP_TERMIJN, Soort.INTAKE_STARTEN, Soort.INTAKE_AFRONDEN}:
            fouten.append(f"{naam}: werkitem voor intake of PIP terwijl het PIP er is: {soorten}")
        if _intake(dossier) is not None and Soort.INTAKE_STARTEN in soorten:
            fouten.append(f"{naam}: werkitem 'intake starten' terwijl de intake loopt")
        if dossier.status == Status.AFGEROND and soorten:
            fouten.append(f"{naam}: afgerond dossier met open werkitems {soorten}")
        if pips and pips[0].leerroute == "Z" and ExamenUitslag.objects.filter(dossier=dossier):
            fouten.append(f"{naam}: examens in de Z-route")
    fouten += [
        f"verwijzing {v.kenmerk} zonder vastgesteld PIP (R54)"
        for v in Verwijzing.objects.select_related("inburgeraar__dossier")
        if not _vastgesteld(v.inburgeraar.dossier)
    ]
    assert not fouten, "\n".join(fouten)


def test_dossier_page_and_pip_page_agree(demo, db, inloggen):
    medewerkers = {
        "9001": inloggen(User.objects.get(username="klantregisseur")),
        "9002": inloggen(User.objects.get(username="proefwijk")),
    }
    fouten = []
    for dossier in _dossiers():
        if dossier.status == Status.AANGEMELD:
            continue
        client = medewerkers[dossier.gemeente.code]
        uuid = dossier.inburgeraar.uuid
        naam = f"dossier {dossier.pk} ({dossier.status})"
        detail = client.get(reverse("inburgeraars:detail", kwargs={"uuid": uuid}))
        assert detail.status_code == 200, naam
        tekst = detail.content.decode()
        if _intake(dossier) is not None and "nog niet gestart" in tekst:
            fouten.append(f"{naam}: de dossierpagina zegt 'Brede intake: nog niet gestart'")
        if _vastgesteld(dossier):
            if "Eerst een PIP nodig (R54)" in tekst:
                fouten.append(f"{naam}: 'Eerst een PIP nodig' terwijl het PIP er is")
            pip = client.get(reverse("pip:overzicht", kwargs={"uuid": uuid})).content.decode()
            if "Nog geen PIP" in pip:
                fouten.append(f"{naam}: de PIP-pagina zegt 'Nog geen PIP'")
    assert not fouten, "\n".join(fouten)


@pytest.fixture
def simulator_van_de_demo(demo, tmp_path, settings):
    """The DUO simulator in this process, seeded by the demo exactly as ``demo_run`` seeds it."""
    import requests

    from openinburgering.demo.simulator import zaaigegevens
    from openinburgering.duo_simulator.app import Simulator
    from openinburgering.duo_simulator.server import AchtergrondServer
    from openinburgering.duo_simulator.spec import laad_specs, standaard_specmap

    app = Simulator(
        tmp_path / "duo-simulator.sqlite3",
        specs=laad_specs(standaard_specmap()),
        duo_oin=settings.DUO_OIN,
    )
    server = AchtergrondServer(app).start()
    settings.DUO_API_ROOT = server.url
    settings.DUO_MTLS_REQUIRED = False
    try:
        antwoord = requests.post(f"{server.url}/_sim/zaaien", json=zaaigegevens(), timeout=60)
        assert antwoord.status_code == 200, antwoord.text
        yield server.url
    finally:
        server.stop()
        app.sluit()


def test_duo_confirms_every_message_of_the_demo(simulator_van_de_demo, db, settings):
    import requests

    from openinburgering.gemeenten.models import Gemeente
    from openinburgering.integrations.duo.afstemming import afstemmen
    from openinburgering.integrations.duo.bezorging import bezorgen
    from openinburgering.integrations.duo.models import (
        UitgaandBericht,
        UitgaandStatus,
        Werkitem,
    )

    berichten = UitgaandBericht.objects.all()
    assert berichten.filter(soort="pip_registreren").count() >= 20
    for _ronde in range(20):
        if not bezorgen(limiet=500).verwerkt:
            break
    afgewezen = [
        f"{b.get_soort_display()}: {b.laatste_fout}"
        for b in berichten.exclude(status=UitgaandStatus.BEZORGD)
    ]
    assert not afgewezen, "\n".join(afgewezen)
    assert not Werkitem.objects.filter(status="open").exists()
    # The reconciliation finds no difference between us and DUO in any running dossier, and
    # no person at DUO that we do not know.
    settings.DUO_SIM_PERSONENLIJST = True
    for gemeente in Gemeente.objects.all():
        afstemming = afstemmen(gemeente=gemeente)
        assert afstemming.aantal_dossiers > 0
        assert afstemming.aantal_fouten == 0, afstemming.toelichting
        assert afstemming.aantal_onbekende_personen == 0, afstemming.toelichting
    verschillen = [f"{w.titel}: {w.toelichting}" for w in Werkitem.objects.filter(status="open")]
    assert not verschillen, "\n".join(verschillen)
    # DUO knows every PIP now and set the inburgeringstermijn from the first one (R7).
    staat = requests.get(f"{simulator_van_de_demo}/_sim/personen", timeout=30).json()
    met_pip = {p["bsn"] for p in staat if p["heeftPip"]}
    assert len(met_pip) == len(
        {b.inburgeraar_id for b in berichten.filter(soort="pip_registreren")}
    )


def test_seeding_twice_keeps_what_duo_received(simulator_van_de_demo, db):
    """A restart of the demo seeds again; DUO's state since the first seeding stays."""
    import requests

    from openinburgering.demo.simulator import zaaigegevens

    antwoord = requests.post(
        f"{simulator_van_de_demo}/_sim/zaaien", json=zaaigegevens(), timeout=60
    ).json()
    assert antwoord["nieuw"] == 0
    assert antwoord["alBekend"] == len(zaaigegevens()["personen"])


def test_the_brp_stand_in_knows_every_demo_person_as_the_dossier_has_them(demo, db, settings):
    """``make demo`` seeds the BRP stand-in from the demo (ADR 0062): reading a demo person
    from it changes nothing in the dossier, and the stand-in marks a few for the demo."""
    from openinburgering.accounts.context import Actor
    from openinburgering.brp_simulator.app import BrpStandIn
    from openinburgering.brp_simulator.server import AchtergrondServer
    from openinburgering.brp_simulator.spec import laad_spec
    from openinburgering.demo import brp as demo_brp
    from openinburgering.inburgeraars.models import Inburgeraar
    from openinburgering.integrations.brp.client import BrpClient
    from openinburgering.logboek.models import Doel

    gegevens, bijzonder = demo_brp.zaaigegevens()
    assert {soort for _naam, soort in bijzonder} == {
        "geheimhouding", "adresInOnderzoek", "overleden"
    }  # fmt: skip
    app = BrpStandIn(spec=laad_spec())
    server = AchtergrondServer(app).start()
    settings.BRP_API_ROOT = server.url
    try:
        app.zaaien(gegevens)
        from openinburgering.demo.verhuisd import vertrokken_kopieen

        # The moved person is registered once, where they live now (ADR 0066).
        assert len(vertrokken_kopieen()) == 1
        met_naam = (
            Inburgeraar.objects.exclude(achternaam="")
            .exclude(geboortedatum=None)
            .exclude(id__in=vertrokken_kopieen())
        )
        assert len(gegevens["personen"]) == met_naam.count()
        verschillen = []
        for gemeente_id in set(met_naam.values_list("gemeente_id", flat=True)):
            personen = list(met_naam.filter(gemeente_id=gemeente_id).select_related("gemeente"))
            client = BrpClient(actor=Actor(gemeente=personen[0].gemeente, systeem="test"))
            antwoord = client.raadplegen(bsns=[p.bsn for p in personen], doel=Doel.ACTUALISEREN)
            for persoon in personen:
                for veld, waarde in antwoord[persoon.bsn].persoonsgegevens.items():
                    if getattr(persoon, veld) != waarde:
                        verschillen.append(f"{persoon.pk} {veld}: {waarde!r}")
        assert not verschillen, "\n".join(verschillen)
    finally:
        server.stop()


def test_the_demo_shows_one_granted_extension_and_one_fine_of_duo(demo, db):
    """ADR 0064: one person whose extension DUO granted (the term follows, R42/R72) and one
    person DUO fined (R73), also in what the simulator is seeded with."""
    from openinburgering.core.keten import raadplegen
    from openinburgering.demo.simulator import zaaigegevens
    from openinburgering.integrations.duo.models import DuoStand

    standen = DuoStand.objects.select_related("inburgeraar")
    verlengd = [s for s in standen if s.gegevens.get("verlengingen")]
    beboet = [s for s in standen if s.gegevens.get("boetes")]
    assert len(verlengd) == 1 and len(beboet) == 1
    [aanvraag] = raadplegen.raadpleging().stand(verlengd[0].inburgeraar).verlengingen
    assert aanvraag.beoordeling == "Toegekend"
    termijn = raadplegen.inburgeringstermijn(verlengd[0].inburgeraar, pip_dagtekeningen=[])
    assert termijn.regel.id == "R42"
    assert beboet[0].inburgeraar.regime in ("Wi2013", "Wi2021")
    assert beboet[0].inburgeraar != verlengd[0].inburgeraar
    gezaaid = {p["bsn"]: p for p in zaaigegevens()["personen"]}
    assert gezaaid[verlengd[0].inburgeraar.bsn]["verlengingen"][0]["beoordelingAanvraag"] == (
        "Toegekend"
    )
    assert gezaaid[beboet[0].inburgeraar.bsn]["boetes"] == [
        {"bedrag": 500, "datum": beboet[0].gegevens["boetes"][0]["datum"]}
    ]


def test_a_statushouder_on_bijstand_has_ontzorgen_and_an_approved_payment_run(demo, db):
    from openinburgering.ontzorgen.models import Betaalrun, Ontzorgbesluit
    from openinburgering.ontzorgen.sepa import valideer

    besluit = Ontzorgbesluit.objects.get(gemeente__code="9001")
    assert besluit.status == "vastgesteld" and besluit.brief_pad
    assert besluit.bijstandsperiode.start_bron == "api"
    run = Betaalrun.objects.get(gemeente__code="9001")
    assert run.status == "goedgekeurd" and run.aantal >= 8
    valideer(run.bestand)
