"""Fictional demo data, made the way users make it (``make demo``).

Every dossier goes through the services that a caseworker's actions and DUO's notices use:
registration, DUO's start of the 10-week term, the brede intake with the leerbaarheidstoets, the
PIP (a beschikking with its letter and its report to DUO), the start of the route, progress talks
and the end. Each step happens on its own day in the past (time-machine moves the clock), so that
a dossier's status, timeline, intake, PIP, route and worklist always agree, as they would after
months of real work. Nothing is written to a model directly.
"""

import random
from contextlib import contextmanager
from datetime import date, datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

# The demo moves the clock: each step of a dossier happens on its own day in the past. The demo
# app is installed only where the demo runs (DEMO_MODE, the tests), never in production, so a
# production install needs no test tools (ADR 0053).
import time_machine

from openinburgering.accounts.bereiken import alle as alle_bereiken
from openinburgering.accounts.context import Actor
from openinburgering.accounts.models import User
from openinburgering.accounts.rollen import Rol
from openinburgering.cijfers.services import kengetallen_bijwerken
from openinburgering.core.exceptions import Geweigerd
from openinburgering.demo import duo_besluiten
from openinburgering.demo import ontzorgen as demo_ontzorgen
from openinburgering.demo import talen as demo_talen
from openinburgering.demo.logo import demologo
from openinburgering.demo.personen import genereer_bsn, genereer_persoon
from openinburgering.gemeenten.models import Gemeente, Lidmaatschap
from openinburgering.gemeenten.services import (
    apitoken_aanmaken,
    gemeente_aanmaken,
    gemeente_logo_wijzigen,
)
from openinburgering.inburgeraars import services
from openinburgering.inburgeraars.codes import (
    Doelgroep,
    GedetailleerdeDoelgroep,
    Regime,
    Verblijfsdoel,
)
from openinburgering.inburgeraars.models import Bron, Inburgeraar
from openinburgering.inburgeraars.workflow import Eindreden, Status
from openinburgering.intake import services as intake_services
from openinburgering.intake.models import IntakeStatus
from openinburgering.pip import services as pip_services
from openinburgering.pip.models import (
    GesprekStatus,
    PipStatus,
    Voortgangsgesprek,
)
from openinburgering.regels import termijnen
from openinburgering.signalen.models import Signaal, SignaalStatus
from openinburgering.signalen.services import signalen_gebundeld, signalen_herberekenen

DEMO_WACHTWOORD = "demo-wachtwoord-2026"
GEMEENTEN = [
    {
        "code": "9001",
        "naam": "Demodam",
        "oin": "00000001234567890001",
        "adres": "Stadhuisplein 1, 9001 AA Demodam",
        "telefoonnummer": "14 9001",
        "email": "inburgering@demodam.example",
    },
    {"code": "9002", "naam": "Proefwijk", "oin": "00000001234567890002"},
]
GEBRUIKERS = [
    ("klantregisseur", "Kim", "Klantregisseur", Rol.KLANTREGISSEUR, ["9001"]),
    ("teamleider", "Tom", "Teamleider", Rol.TEAMLEIDER, ["9001", "9002"]),
    # Bo delivers to CBS for both gemeenten as one berichtgever (ADR 0070).
    ("beleid", "Bo", "Beleidsmedewerker", Rol.BELEIDSMEDEWERKER, ["9001", "9002"]),
    ("beheer", "Fenna", "Functioneel Beheerder", Rol.FUNCTIONEEL_BEHEERDER, ["9001"]),
    ("proefwijk", "Pim", "Proefwijker", Rol.KLANTREGISSEUR, ["9002"]),
]
# How the demo's dossiers are spread over the statuses (the stage each one reaches).
VERDELING = {
    Status.AANGEMELD: 20,
    Status.INTAKE: 25,
    Status.PIP_VASTGESTELD: 15,
    Status.IN_UITVOERING: 30,
    Status.AFGEROND: 10,
}
# Days since registration a dossier needs to reach a stage (intake, PIP, start of the route).
LOOPTIJD = {
    Status.AANGEMELD: (0, 45),
    Status.INTAKE: (14, 70),
    Status.PIP_VASTGESTELD: (60, 120),
    Status.IN_UITVOERING: (100, 900),
    Status.AFGEROND: (200, 900),
}
# The content of a PIP as a caseworker writes it (the parts every PIP has, R24).
PIP_INHOUD = {
    "begeleiding": "Maatschappelijke begeleiding het eerste jaar; hulp bij zorgverzekering.",
    "pvt_inhoud": "Workshops over vrijheid, gelijkwaardigheid en solidariteit",
    "pvt_intensiteit": "4 bijeenkomsten van 3 uur",
    "map_inhoud": "Oriëntatie op de arbeidsmarkt en een werkervaringsplaats",
    "map_intensiteit": "64 uur",
    "voortgang": "Voortgangsgesprek met de klantregisseur.",
    "gesprek_frequentie_weken": 8,
    "afspraken": "U gaat naar alle lessen en meldt het als u ziek bent.",
}
LBT_SCORES = [22, 26, 29, 31, 33, 36, 38]
LBT_BENODIGD = 28


class Verloop:
    """One demo dossier through its stages, each step on its own (past) day."""

    def __init__(self, *, rng: random.Random, vandaag: date, time_machine, medewerker: Actor):
        self.rng = rng
        self.vandaag = vandaag
        self.time_machine = time_machine
        self.medewerker = medewerker
        self.systeem = Actor(gemeente=medewerker.gemeente)
        self._laatst: datetime | None = None

    @contextmanager
    def op(self, dag: date):
        """Act on ``dag`` during office hours, always after the previous step."""
        moment = timezone.make_aware(
            datetime.combine(dag, time(9, 0)) + timedelta(minutes=self.rng.randint(0, 420))
        )
        if self._laatst is not None and moment <= self._laatst:
            moment = self._laatst + timedelta(minutes=self.rng.randint(5, 40))
        self._laatst = moment
        with self.time_machine.travel(moment, tick=False):
            yield

    def volgende_dag(self, dag: date, minimaal: int, maximaal: int) -> date | None:
        """A later working day, or None when it would lie in the future."""
        volgende = dag + timedelta(days=self.rng.randint(minimaal, maximaal))
        while volgende.weekday() >= 5:
            volgende += timedelta(days=1)
        return volgende if volgende <= self.vandaag else None

    # --- the stages -----------------------------------------------------------------------------
    def aanmelden(self, *, aangemeld_op: date, bsn: str, **velden) -> Inburgeraar:
        with self.op(aangemeld_op):
            inburgeraar = services.inburgeraar_aanmaken(
                actor=self.systeem, bsn=bsn, aangemeld_op=aangemeld_op, **velden
            )
            if inburgeraar.regime == Regime.WI2021:
                # DUO's SS139 on the day of settling: the 10-week term for the PIP starts (R9).
                laatste = termijnen.pip_termijn([aangemeld_op]).laatste_dag
                services.gebeurtenis_toevoegen(
                    dossier=inburgeraar.dossier,
                    soort="SS139",
                    omschrijving=(
                        "DUO meldt dat de termijn van 10 weken om het PIP vast te stellen is "
                        f"begonnen. Het PIP moet uiterlijk {laatste:%d-%m-%Y} zijn vastgesteld."
                    ),
                    bron=Bron.DUO,
                    gegevens={"pip_termijn_laatste_dag": laatste.isoformat(), "regel": "R9"},
                )
        return inburgeraar

    def intake(self, dossier, dag: date, *, afsluiten_op: date | None):
        """Start the brede intake, write it with the leerbaarheidstoets, close it if it is time."""
        with self.op(dag):
            intake = intake_services.intake_starten(actor=self.medewerker, dossier=dossier)
        lbt_dag = self.volgende_dag(dag, 3, 10)
        score = self.rng.choice(LBT_SCORES)
        talen = dossier.inburgeraar.talen or "Arabisch"
        with self.op(lbt_dag or dag):
            velden = {
                "taal_en_opleiding": f"Spreekt {talen}; "
                + self.rng.choice(
                    [
                        "middelbare school in het land van herkomst.",
                        "zes jaar basisonderwijs.",
                        "een bachelor in het land van herkomst.",
                    ]
                ),
                "werkervaring": self.rng.choice(
                    ["Kapper, 6 jaar.", "Lerares, 3 jaar.", "Monteur."]
                ),
                "gezondheid": "Geen bijzonderheden.",
                "gezin_en_kinderopvang": self.rng.choice(
                    ["Alleenstaand.", "Gehuwd, twee kinderen."]
                ),
                "ambities": self.rng.choice(["Werken in de zorg.", "Een eigen zaak.", ""]),
            }
            if lbt_dag is not None:
                velden.update(
                    lbt_afgenomen_op=lbt_dag,
                    lbt_behaalde_score=score,
                    lbt_benodigde_score=LBT_BENODIGD,
                )
            intake = intake_services.intake_opslaan(
                actor=self.medewerker, intake=intake, versie=None, **velden
            )
        if afsluiten_op is None or lbt_dag is None or afsluiten_op < lbt_dag:
            return intake
        with self.op(afsluiten_op):
            advies = intake_services.leerroute_advies(intake)
            if advies is not None:
                intake = intake_services.intake_opslaan(
                    actor=self.medewerker,
                    intake=intake,
                    versie=None,
                    geadviseerde_leerroute=str(advies),
                )
            return intake_services.intake_afsluiten(
                actor=self.medewerker, intake=intake, versie=None
            )

    def leerroute(self, intake) -> dict:
        """The route the intake advises (R29), sometimes the onderwijsroute for the young."""
        advies = intake_services.leerroute_advies(intake)
        inburgeraar = intake.dossier.inburgeraar
        jong = (self.vandaag - inburgeraar.geboortedatum).days < 28 * 365
        if advies == "Z":
            return {"leerroute": "Z", "niveau": ""}
        if jong and self.rng.random() < 0.4:
            # The onderwijsroute has no MAP (R25).
            return {"leerroute": "O", "map_inhoud": "", "map_intensiteit": ""}
        return {"leerroute": "B"}

    def pip_concept(self, dossier, intake, dag: date):
        # The summary's language follows from the person's languages at vaststellen.
        with self.op(dag):
            return pip_services.pip_concept_aanmaken(
                actor=self.medewerker,
                dossier=dossier,
                **{**PIP_INHOUD, **self.leerroute(intake)},
            )

    def pip_vaststellen(self, pip, dag: date):
        with self.op(dag):
            return pip_services.pip_vaststellen(
                actor=self.medewerker, pip=pip, versie=None, dagtekening=dag
            )

    def gesprekken_voeren(self, dossier, tot: date) -> None:
        """Hold the progress talks the PIP planned, up to ``tot`` (the next one stays planned)."""
        while True:
            gesprek = Voortgangsgesprek.objects.filter(
                dossier=dossier, status=GesprekStatus.GEPLAND
            ).first()
            if gesprek is None or gesprek.gepland_op > tot:
                return
            gemist = self.rng.random() < 0.1
            with self.op(gesprek.gepland_op):
                pip_services.gesprek_vastleggen(
                    actor=self.medewerker,
                    gesprek=gesprek,
                    versie=None,
                    gemist=gemist,
                    gevoerd_op=None if gemist else gesprek.gepland_op,
                    notities="" if gemist else "Gaat goed; taalles loopt.",
                )

    def status(self, dossier, dag: date, naar: str, eindreden: str = ""):
        with self.op(dag):
            return services.dossier_status_wijzigen(
                actor=self.medewerker, dossier=dossier, naar=naar, eindreden=eindreden
            )

    def doorlopen(self, inburgeraar: Inburgeraar, doel: str) -> None:
        """Take the dossier as far towards ``doel`` as the days since registration allow."""
        dossier = inburgeraar.dossier
        wi2013 = inburgeraar.regime != Regime.WI2021
        eindreden = ""
        if doel == Status.AFGEROND:
            eindreden = (
                self.rng.choice([Eindreden.VERHUISD, Eindreden.VRIJGESTELD])
                if wi2013
                else self.rng.choice(
                    [Eindreden.VOLDAAN, Eindreden.VOLDAAN, Eindreden.VERHUISD, Eindreden.ONTHEVEN]
                )
            )
        if wi2013 or (doel == Status.AFGEROND and eindreden == Eindreden.VERHUISD):
            # No PIP under the Wi2013 (R2); a person who moves away ends here, early on.
            if doel == Status.AFGEROND:
                dag = self.volgende_dag(dossier.aangemeld_op, 20, 120)
                if dag is not None:
                    self.status(dossier, dag, Status.AFGEROND, eindreden)
            return
        if doel == Status.AANGEMELD:
            return
        intake_dag = self.volgende_dag(dossier.aangemeld_op, 5, 20)
        if intake_dag is None:
            return
        afsluiten = self.volgende_dag(intake_dag, 14, 30)
        if doel == Status.INTAKE and self.rng.random() < 0.6:
            afsluiten = None  # still busy with the intake
        intake = self.intake(dossier, intake_dag, afsluiten_op=afsluiten)
        if intake.status != IntakeStatus.AFGESLOTEN:
            return
        concept_dag = self.volgende_dag(intake.afgesloten_op, 1, 7)
        if concept_dag is None:
            return
        pip = self.pip_concept(dossier, intake, concept_dag)
        vaststellen = self.volgende_dag(concept_dag, 3, 14)
        if doel == Status.INTAKE or vaststellen is None:
            return  # a draft PIP waits for the caseworker
        pip = self.pip_vaststellen(pip, vaststellen)
        dossier.refresh_from_db()
        if doel == Status.PIP_VASTGESTELD:
            self.gesprekken_voeren(dossier, self.vandaag - timedelta(days=7))
            return
        start = self.volgende_dag(vaststellen, 14, 45)
        if start is None:
            self.gesprekken_voeren(dossier, self.vandaag - timedelta(days=7))
            return
        dossier = self.status(dossier, start, Status.IN_UITVOERING)
        einde = self.volgende_dag(start, 150, 600) if doel == Status.AFGEROND else None
        self.gesprekken_voeren(dossier, (einde or self.vandaag) - timedelta(days=7))
        if einde is not None:
            dossier = self.status(dossier, einde, Status.AFGEROND, eindreden)


def _verhuizing_kandidaat(gemeente, *, voor: date):
    """A Demodam dossier past the intake (closed before ``voor``), with no PIP at DUO yet: the
    one who moves."""
    from openinburgering.inburgeraars.models import Dossier

    return (
        Dossier.objects.filter(
            gemeente=gemeente,
            status=Status.INTAKE,
            brede_intake__status=IntakeStatus.AFGESLOTEN,
            brede_intake__afgesloten_op__lt=voor,
            inburgeraar__regime=Regime.WI2021,
        )
        .exclude(inburgeraar__achternaam="")
        .select_related("inburgeraar")
        .order_by("id")
        .first()
    )


class Command(BaseCommand):
    help = "Laad fictieve demodata: twee gemeenten, een gebruiker per rol en 200 inburgeraars."

    def add_arguments(self, parser):
        parser.add_argument("--aantal", type=int, default=200)
        parser.add_argument("--seed", type=int, default=2022)

    def handle(self, *args, aantal, seed, **options):
        if Gemeente.objects.filter(code=GEMEENTEN[0]["code"]).exists():
            self.stdout.write("Demodata staat er al.")
            return
        # Every step asks the worklist to recompute its dossier; once, at the end, is enough.
        with transaction.atomic(), signalen_gebundeld():
            self._laden(aantal=aantal, seed=seed)

    def _laden(self, *, aantal, seed):
        rng = random.Random(seed)
        gemeenten = {g["code"]: gemeente_aanmaken(**g) for g in GEMEENTEN}
        # Demodam's letters show a (made-up) logo; Proefwijk's show the name as a word mark.
        gemeente_logo_wijzigen(gemeente=gemeenten["9001"], inhoud=demologo("Demodam"))
        for username, voornaam, achternaam, rol, codes in GEBRUIKERS:
            user = User.objects.create_user(
                username=username,
                password=DEMO_WACHTWOORD,
                first_name=voornaam,
                last_name=achternaam,
                email=f"{username}@demodam.example",
            )
            for code in codes:
                Lidmaatschap.objects.create(user=user, gemeente=gemeenten[code], rol=rol)
        medewerkers = {
            "9001": Actor(
                gemeente=gemeenten["9001"],
                user=User.objects.get(username="klantregisseur"),
                rol=Rol.KLANTREGISSEUR,
            ),
            "9002": Actor(
                gemeente=gemeenten["9002"],
                user=User.objects.get(username="proefwijk"),
                rol=Rol.KLANTREGISSEUR,
            ),
        }
        teamleider = Lidmaatschap.objects.select_related("user").get(
            gemeente=gemeenten["9001"], rol=Rol.TEAMLEIDER
        )
        toewijzers = {
            code: Actor(gemeente=gemeente, user=teamleider.user, rol=Rol.TEAMLEIDER)
            for code, gemeente in gemeenten.items()
        }
        vandaag = timezone.localdate()
        gezien = set()
        # The last of ``aantal`` is the person who moves to Proefwijk (``_verhuizing``).
        for nummer in range(aantal - 1):
            code = "9001" if nummer < aantal * 0.85 else "9002"
            bsn = genereer_bsn(rng)
            while bsn in gezien:
                bsn = genereer_bsn(rng)
            gezien.add(bsn)
            asiel = rng.random() < 0.6
            doel = rng.choices(list(VERDELING), weights=list(VERDELING.values()))[0]
            aangemeld_op = vandaag - timedelta(days=rng.randint(*LOOPTIJD[doel]))
            # About one in eight came before 2022: regels.plicht then puts them under Wi2013 (R2).
            oud_recht = rng.random() < 0.12 and doel in (Status.AANGEMELD, Status.AFGEROND)
            bekendmaking = (
                date(2021, 1, 4) + timedelta(days=rng.randint(0, 300))
                if oud_recht
                else max(date(2022, 1, 3), aangemeld_op - timedelta(days=rng.randint(5, 60)))
            )
            if oud_recht:
                aangemeld_op = min(aangemeld_op, bekendmaking + timedelta(days=rng.randint(5, 60)))
            persoon = genereer_persoon(rng, peildatum=aangemeld_op)
            if oud_recht and persoon["nationaliteit"] == "TR":
                # Turkish family migrants were only obliged from 2022 on (R4).
                persoon["nationaliteit"] = "SY"
            verloop = Verloop(
                rng=rng, vandaag=vandaag, time_machine=time_machine, medewerker=medewerkers[code]
            )
            inburgeraar = verloop.aanmelden(
                aangemeld_op=aangemeld_op,
                bsn=bsn,
                doelgroep=Doelgroep.ASIELSTATUSHOUDER
                if asiel
                else Doelgroep.GEZINSMIGRANT_EN_OVERIGE_MIGRANT,
                gedetailleerde_doelgroep=(
                    GedetailleerdeDoelgroep.ASIELSTATUSHOUDER
                    if asiel
                    else rng.choice(
                        [
                            GedetailleerdeDoelgroep.GEZINSVORMER,
                            GedetailleerdeDoelgroep.GEZINSHERENIGER,
                            GedetailleerdeDoelgroep.OVERIG,
                        ]
                    )
                ),
                verblijfsdoel=Verblijfsdoel.ASIEL_BEPAALDE_TIJD
                if asiel
                else rng.choice([Verblijfsdoel.GEZINSVORMING, Verblijfsdoel.GEZINSHERENIGING]),
                datum_bekendmaking_ind=bekendmaking,
                **persoon,
            )
            if code == "9002" or rng.random() < 0.7:
                # The teamleider hands the dossier to the caseworker (Proefwijk has one).
                with verloop.op(aangemeld_op):
                    services.klantregisseur_toewijzen(
                        actor=toewijzers[code],
                        dossier=inburgeraar.dossier,
                        klantregisseur=medewerkers[code].user,
                    )
            try:
                verloop.doorlopen(inburgeraar, doel)
            except (ValidationError, Geweigerd) as fout:
                raise CommandError(
                    f"Demodossier {nummer}: een regel weigerde een stap: {fout}"
                ) from fout
        for gemeente in gemeenten.values():
            signalen_herberekenen(gemeente=gemeente)
        # Begeleiding, PVT, MAP, hours, exams and fines (begeleiding, traject, handhaving).
        call_command("traject_demo", gemeente="9001", stdout=self.stdout)
        # Schools, contracts, referrals and the school user 'taalschool' (taalaanbieders).
        call_command("taalaanbieders_demo", gemeente="9001", stdout=self.stdout)
        # DUO's decisions: one granted extension, one fine of DUO (ADR 0064).
        for regel in duo_besluiten.laden(gemeente=gemeenten["9001"], actor=medewerkers["9001"]):
            self.stdout.write(f"DUO: {regel}")
        self._verhuizing(rng=rng, vandaag=vandaag, medewerkers=medewerkers)
        # A statushouder on bijstand with ontzorgen and an approved payment run (issue 19).
        for regel in demo_ontzorgen.laden(
            gemeente=gemeenten["9001"],
            medewerker=medewerkers["9001"],
            teamleider=toewijzers["9001"],
        ):
            self.stdout.write(f"Ontzorgen: {regel}")
        # A few deliberately broken records for the CBS check report (ADR 0070).
        call_command("cbs_demo", gemeente="9001", stdout=self.stdout)
        # Grants and costs per person for both gemeenten (ADR 0082).
        call_command("financien_demo", stdout=self.stdout)
        # A message with a doctor's note from a newcomer's portal (issue 20, ADR 0087).
        from openinburgering.demo import digid as demo_digid

        self.stdout.write(demo_digid.bericht_laden())
        self.stdout.write(demo_talen.voorkeuren_laden())
        for gemeente in gemeenten.values():
            signalen_herberekenen(gemeente=gemeente)
            # The dashboards and the council page read precomputed figures (ADR 0068).
            kengetallen_bijwerken(gemeente=gemeente)
        # Every scope, so the demo shows the whole API (ADR 0074).
        _, sleutel = apitoken_aanmaken(
            gemeente=gemeenten["9001"], naam="demo-koppeling", bereiken=alle_bereiken()
        )
        per_status = {
            str(Status(s).label): Inburgeraar.objects.filter(dossier__status=s).count()
            for s in Status.values
        }
        pips = (
            Inburgeraar.objects.filter(dossier__pip_versies__status=PipStatus.VASTGESTELD)
            .distinct()
            .count()
        )
        self.stdout.write(
            f"Demodata geladen: {Inburgeraar.objects.count()} fictieve inburgeraars in 2 "
            f"gemeenten ({', '.join(f'{n} {s.lower()}' for s, n in per_status.items())}); "
            f"{pips} met een vastgesteld PIP en beschikking. Werklijst: "
            f"{Signaal.objects.filter(status=SignaalStatus.OPEN).count()} open werkitems.\n"
            f"API-token voor Demodam (eenmalig getoond): {sleutel}"
        )

    def _verhuizing(self, *, rng, vandaag, medewerkers):
        """One person moves from Demodam to Proefwijk (ADR 0066): Demodam's klantregisseur
        hands the dossier over (R76), DUO announces the person in Proefwijk (SS120: no PIP
        yet), and Proefwijk's klantregisseur reads the handover file in (R77)."""
        from openinburgering import brieven
        from openinburgering.verhuizing import services as verhuizing
        from openinburgering.verhuizing.models import Meldingbron, Richting

        demodam, proefwijk = medewerkers["9001"], medewerkers["9002"]
        vertrek = vandaag - timedelta(days=12)
        dossier = _verhuizing_kandidaat(demodam.gemeente, voor=vertrek)
        if dossier is None:
            return
        oud = dossier.inburgeraar
        verloop = Verloop(rng=rng, vandaag=vandaag, time_machine=time_machine, medewerker=demodam)
        with verloop.op(vertrek):
            # The BRP registers the person in Proefwijk (what integrations.brp reports).
            verhuizing.verhuizing_melden(
                actor=Actor(gemeente=demodam.gemeente),
                dossier=dossier,
                richting=Richting.VERTREK,
                bron=Meldingbron.BRP,
                datum=vertrek,
                andere_gemeentecode=proefwijk.gemeente.code,
                andere_gemeentenaam=proefwijk.gemeente.naam,
            )
        with verloop.op(vertrek + timedelta(days=2)):
            overdracht = verhuizing.dossier_overdragen(
                actor=demodam,
                dossier=dossier,
                naar_gemeentecode=proefwijk.gemeente.code,
                naar_gemeentenaam=proefwijk.gemeente.naam,
            )
        aankomst = Verloop(
            rng=rng, vandaag=vandaag, time_machine=time_machine, medewerker=proefwijk
        )
        with aankomst.op(vertrek + timedelta(days=3)):
            nieuw = services.inburgeraar_aanmaken(
                actor=Actor(gemeente=proefwijk.gemeente),
                bsn=oud.bsn,
                aangemeld_op=vertrek,
                voornamen=oud.voornamen,
                voorvoegsel=oud.voorvoegsel,
                achternaam=oud.achternaam,
                geboortedatum=oud.geboortedatum,
                nationaliteit=oud.nationaliteit,
                verblijfsdoel=oud.verblijfsdoel,
                datum_bekendmaking_ind=oud.datum_bekendmaking_ind,
                doelgroep=oud.doelgroep,
                gedetailleerde_doelgroep=oud.gedetailleerde_doelgroep,
                straat_huisnummer="Verhuisstraat 12",
                postcode="9002 BC",
                woonplaats="Proefwijk",
            )
            verhuizing.verhuizing_melden(
                actor=Actor(gemeente=proefwijk.gemeente),
                dossier=nieuw.dossier,
                richting=Richting.VESTIGING,
                bron=Meldingbron.DUO,
                gebeurtenis="SS120",
                datum=vertrek,
                tijdlijn=False,
            )
            services.klantregisseur_toewijzen(
                actor=Actor(
                    gemeente=proefwijk.gemeente,
                    user=User.objects.get(username="teamleider"),
                    rol=Rol.TEAMLEIDER,
                ),
                dossier=nieuw.dossier,
                klantregisseur=proefwijk.user,
            )
        with aankomst.op(vertrek + timedelta(days=4)):
            verhuizing.overdracht_inlezen(
                actor=proefwijk,
                dossier=nieuw.dossier,
                inhoud=brieven.pad(overdracht.json_pad).read_bytes(),
            )
