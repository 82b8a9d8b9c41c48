"""Demo data for issue 7: DUO's institutions, two schools under contract, referred people with
hours and absence, and the school user ``taalschool``. Called from ``demo_data``."""

from datetime import timedelta
from decimal import Decimal

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from openinburgering.accounts.context import Actor
from openinburgering.accounts.models import User
from openinburgering.accounts.rollen import Rol
from openinburgering.duo_simulator.store import STANDAARD_INSTELLINGEN
from openinburgering.gemeenten.models import Gemeente
from openinburgering.inburgeraars.codes import Doelgroep
from openinburgering.inburgeraars.models import Inburgeraar
from openinburgering.inburgeraars.workflow import Status
from openinburgering.pip import services as pip_services
from openinburgering.taalaanbieders import bronnen, services
from openinburgering.taalaanbieders.models import (
    Instelling,
    InstellingContact,
    InstellingMedewerker,
)

from .demo_data import PIP_INHOUD

WACHTWOORD = "demo-wachtwoord-2026"

# The invented institutions the DUO simulator lists at GET /instellingen: one list for both.
INSTELLINGEN = list(STANDAARD_INSTELLINGEN)


class Command(BaseCommand):
    help = "Laad demodata voor taalaanbieders: instellingen, contracten, verwijzingen, uren."

    def add_arguments(self, parser):
        parser.add_argument("--gemeente", default="9001")

    @staticmethod
    def _pips_erbij(actor, gemeente, *, nodig: int) -> list:
        """Give a few asielstatushouders in execution a PIP of some weeks ago (via the pip app)."""
        if nodig <= 0:
            return []
        vandaag = timezone.localdate()
        uit = []
        for inburgeraar in (
            Inburgeraar.objects.filter(
                gemeente=gemeente,
                doelgroep=Doelgroep.ASIELSTATUSHOUDER,
                dossier__status=Status.IN_UITVOERING,
                dossier__pip_versies__isnull=True,
            )
            .select_related("dossier")
            .order_by("id")[:nodig]
        ):
            pip = pip_services.pip_concept_aanmaken(
                actor=actor, dossier=inburgeraar.dossier, leerroute="B", **PIP_INHOUD
            )
            dagtekening = max(
                inburgeraar.dossier.aangemeld_op,
                inburgeraar.datum_bekendmaking_ind or vandaag,
                vandaag - timedelta(days=70 + 7 * len(uit)),
            )
            pip_services.pip_vaststellen(actor=actor, pip=pip, versie=None, dagtekening=dagtekening)
            uit.append((inburgeraar, bronnen.huidige_pip(inburgeraar.dossier)))
        return uit

    @transaction.atomic
    def handle(self, *args, gemeente, **options):
        gemeente = Gemeente.objects.get(code=gemeente)
        if InstellingMedewerker.objects.filter(user__username="taalschool").exists():
            self.stdout.write("Demodata taalaanbieders staat er al.")
            return
        vandaag = timezone.localdate()
        services.instellingen_bijwerken(items=INSTELLINGEN)
        brug = Instelling.objects.get(instellingsnummer="1000000001")
        roc = Instelling.objects.get(instellingsnummer="1000000002")
        InstellingContact.objects.create(
            gemeente=gemeente,
            instelling=brug,
            contactpersoon="Sanne de Vries",
            email="info@debrug.example",
            telefoon="0201234567",
        )
        kim = User.objects.filter(
            lidmaatschappen__gemeente=gemeente, lidmaatschappen__rol=Rol.KLANTREGISSEUR
        ).first()
        beheer = User.objects.filter(lidmaatschappen__gemeente=gemeente).first()
        inkoop = Actor(gemeente=gemeente, user=beheer, rol=Rol.TEAMLEIDER)
        begin = vandaag.replace(month=1, day=1)
        contract_brug = services.contract_aanmaken(
            actor=inkoop,
            instelling=brug,
            kenmerk=f"INK-{begin.year}-01",
            leerroutes=["B", "Z"],
            niveaus=[],
            prijsmodel="per_uur",
            tarief=Decimal("48.00"),
            afrekenbasis="aangeboden",
            uren_per_week=12,
            capaciteit=30,
            startdatum=begin - timedelta(days=365),
            einddatum=begin.replace(year=begin.year + 1) + timedelta(days=364),
            contractwaarde=Decimal("400000.00"),
            verzuim_drempel_procent=20,
            verzuimafspraken="De school meldt verzuim wekelijks; boven 20% volgt een gesprek.",
            resultaatafspraken="Examens worden per onderdeel gemeld.",
        )
        contract_roc = services.contract_aanmaken(
            actor=inkoop,
            instelling=roc,
            kenmerk=f"INK-{begin.year}-02",
            leerroutes=["B", "O"],
            niveaus=[],
            prijsmodel="per_traject",
            tarief=Decimal("11600.00"),
            uren_per_week=16,
            capaciteit=15,
            startdatum=begin - timedelta(days=365),
            einddatum=begin.replace(year=begin.year + 1) + timedelta(days=364),
            contractwaarde=Decimal("174000.00"),
            verzuim_drempel_procent=15,
            resultaatafspraken="10% van de trajectprijs na het behalen van B1 (onderwijsroute).",
        )
        school = User.objects.create_user(
            username="taalschool",
            password=WACHTWOORD,
            first_name="Sanne",
            last_name="de Vries",
            email="taalschool@debrug.example",
        )
        InstellingMedewerker.objects.create(user=school, instelling=brug)
        roc_user = User.objects.create_user(
            username="rocschool", password=WACHTWOORD, first_name="Rachid", last_name="Bakker"
        )
        InstellingMedewerker.objects.create(user=roc_user, instelling=roc)

        actor = Actor(gemeente=gemeente, user=kim, rol=Rol.KLANTREGISSEUR)
        kandidaten = [
            (i, bronnen.huidige_pip(i.dossier))
            for i in Inburgeraar.objects.filter(
                gemeente=gemeente, doelgroep=Doelgroep.ASIELSTATUSHOUDER
            )
            .exclude(dossier__status=Status.AFGEROND)
            .select_related("dossier")
            .order_by("id")
        ]
        kandidaten = [(i, p) for i, p in kandidaten if p is not None and p.leerroute == "B"]
        kandidaten += self._pips_erbij(actor, gemeente, nodig=9 - len(kandidaten))
        verwezen = 0
        for nummer, (inburgeraar, pip) in enumerate(kandidaten[:9]):
            contract = contract_roc if nummer % 3 == 2 else contract_brug
            inschrijving = pip.termijn.start + timedelta(days=2)
            if not contract.startdatum <= inschrijving <= vandaag:
                continue  # referred before this contract (or not yet): not part of the demo
            v = services.verwijzen(
                actor=actor,
                inburgeraar=inburgeraar,
                contract=contract,
                datum_inburgeringsaanbod=inschrijving,
                verwachte_startdatum=inschrijving,
                verwachte_einddatum=inschrijving + timedelta(days=540),
            )
            verwezen += 1
            if nummer in (3, 5):
                continue  # a new referral: the school has yet to confirm the intake
            medewerker = school if contract == contract_brug else roc_user
            school_actor = services.school_actor(user=medewerker, verwijzing=v)
            services.intake_bevestigen(actor=school_actor, verwijzing=v, datum=inschrijving)
            maandag = inschrijving + timedelta(days=(7 - inschrijving.weekday()) % 7)
            week = 0
            while maandag + timedelta(days=6) < vandaag:
                afwezig = Decimal("6") if (nummer == 1 and week >= 2) else Decimal(week % 3)
                services.uren_melden(
                    actor=school_actor,
                    verwijzing=v,
                    periode_start=maandag,
                    periode_einde=maandag + timedelta(days=6),
                    uren_aangeboden=Decimal(contract.uren_per_week),
                    uren_aanwezig=Decimal(contract.uren_per_week) - afwezig,
                    uren_fysiek=Decimal(contract.uren_per_week) - afwezig,
                    verzuimreden=("onbekend" if afwezig > 4 else "ziek") if afwezig else "",
                    duo_melden=False,
                )
                maandag += timedelta(days=7)
                week += 1
            services.uren_bij_duo_melden(actor=school_actor, inburgeraar=inburgeraar)
        self.stdout.write(
            f"Taalaanbieders: {len(INSTELLINGEN)} instellingen, 2 contracten, {verwezen} "
            "verwijzingen; schoolaccounts 'taalschool' (Taalhuis De Brug) en 'rocschool' "
            "(ROC Zuidwaard)."
        )
