"""Demo: a realistic worklist, and people at the intake and PIP stages (fictional data)."""

import random
from datetime import timedelta

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_noop

from openinburgering.accounts.context import Actor
from openinburgering.accounts.models import User
from openinburgering.accounts.rollen import Rol
from openinburgering.core.teksten import Tekst
from openinburgering.gemeenten.models import Gemeente
from openinburgering.inburgeraars.models import Dossier
from openinburgering.inburgeraars.services import gebeurtenis_toevoegen
from openinburgering.inburgeraars.workflow import Status
from openinburgering.intake import services as intake_services
from openinburgering.pip import services as pip_services
from openinburgering.signalen.services import signalen_herberekenen

VOLLEDIG = {
    "begeleiding": "Maatschappelijke begeleiding het eerste jaar; hulp bij zorgverzekering.",
    "pvt_inhoud": "Workshops over vrijheid, gelijkwaardigheid en solidariteit",
    "pvt_intensiteit": "4 bijeenkomsten van 3 uur",
    "map_inhoud": "Oriëntatie op de arbeidsmarkt en een werkervaringsplaats",
    "map_intensiteit": "64 uur",
    "voortgang": "Voortgangsgesprek met de klantregisseur.",
    "gesprek_frequentie_weken": 8,
    "afspraken": "U gaat naar alle lessen en meldt het als u ziek bent.",
}


class Command(BaseCommand):
    help = "Vul de demo-gemeente met SS139-meldingen, intakes, PIP's en een werklijst."

    def add_arguments(self, parser):
        parser.add_argument("--gemeente", default="9001")
        parser.add_argument("--seed", type=int, default=5)
        parser.add_argument("--beschikkingen", type=int, default=6)

    @transaction.atomic
    def handle(self, *args, gemeente, seed, beschikkingen, **options):
        rng = random.Random(seed)
        gemeente = Gemeente.objects.get(code=gemeente)
        kim = User.objects.filter(
            lidmaatschappen__gemeente=gemeente, lidmaatschappen__rol=Rol.KLANTREGISSEUR
        ).first()
        actor = Actor(gemeente=gemeente, user=kim, rol=Rol.KLANTREGISSEUR)
        vandaag = timezone.localdate()
        dossiers = list(
            Dossier.objects.filter(gemeente=gemeente)
            .exclude(status=Status.AFGEROND)
            .select_related("inburgeraar")
            .order_by("id")
        )
        vastgesteld = 0
        for dossier in dossiers:
            if dossier.status in (Status.AANGEMELD, Status.INTAKE):
                gebeurtenis_toevoegen(
                    dossier=dossier,
                    soort="SS139",
                    omschrijving=Tekst(
                        gettext_noop(
                            "DUO: de termijn van 10 weken om het PIP vast te stellen loopt."
                        )
                    ),
                    bron="duo",
                    tijdstip=timezone.now() - timedelta(days=rng.randint(3, 80)),
                )
            if dossier.status == Status.INTAKE:
                intake = intake_services.intake_starten(actor=actor, dossier=dossier)
                intake_services.intake_opslaan(
                    actor=actor,
                    intake=intake,
                    versie=None,
                    taal_en_opleiding="Spreekt "
                    + (dossier.inburgeraar.talen or "Arabisch")
                    + "; middelbare school in het land van herkomst.",
                    werkervaring=rng.choice(["Kapper, 6 jaar.", "Lerares, 3 jaar.", "Monteur."]),
                    gezondheid="Geen bijzonderheden.",
                    gezin_en_kinderopvang=rng.choice(["Alleenstaand.", "Gehuwd, twee kinderen."]),
                    lbt_afgenomen_op=vandaag - timedelta(days=rng.randint(1, 20)),
                    lbt_behaalde_score=rng.choice([22, 27, 29, 33, 36]),
                    lbt_benodigde_score=28,
                )
                if rng.random() < 0.5:
                    intake.refresh_from_db()
                    intake_services.intake_afsluiten(actor=actor, intake=intake, versie=None)
                    advies = intake_services.leerroute_advies(intake) or "B"
                    velden = {**VOLLEDIG, "leerroute": str(advies)}
                    if advies == "Z":
                        velden["niveau"] = ""
                    pip_services.pip_concept_aanmaken(actor=actor, dossier=dossier, **velden)
            elif dossier.status == Status.PIP_VASTGESTELD and vastgesteld < beschikkingen:
                intake = intake_services.intake_starten(actor=actor, dossier=dossier)
                # The first one follows the Z-route, so the demo shows its hours (R41) too.
                route = {"leerroute": "Z", "niveau": ""} if vastgesteld == 0 else {"leerroute": "B"}
                pip = pip_services.pip_concept_aanmaken(
                    actor=actor,
                    dossier=dossier,
                    **route,
                    **VOLLEDIG,
                )
                dagtekening = max(
                    dossier.aangemeld_op, vandaag - timedelta(days=rng.randint(20, 60))
                )
                pip_services.pip_vaststellen(
                    actor=actor, pip=pip, versie=None, dagtekening=dagtekening
                )
                vastgesteld += 1
        resultaat = signalen_herberekenen(gemeente=gemeente)
        self.stdout.write(
            f"Werklijst gevuld: {resultaat.get('nieuw', 0)} werkitems, "
            f"{vastgesteld} vastgestelde PIP's met brief."
        )
