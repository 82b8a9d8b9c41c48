import random
from datetime import date, datetime, time, timedelta

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from openinburgering.accounts.context import Actor
from openinburgering.accounts.models import User
from openinburgering.accounts.rollen import Rol
from openinburgering.brieven.demo import demologo
from openinburgering.gemeenten.models import Gemeente, Lidmaatschap
from openinburgering.gemeenten.services import (
    apitoken_aanmaken,
    gemeente_aanmaken,
    gemeente_logo_wijzigen,
)
from openinburgering.inburgeraars import services
from openinburgering.inburgeraars.codes import Doelgroep, GedetailleerdeDoelgroep, Verblijfsdoel
from openinburgering.inburgeraars.demo import genereer_bsn, genereer_persoon
from openinburgering.inburgeraars.models import Gebeurtenis, Inburgeraar
from openinburgering.inburgeraars.workflow import Eindreden, Status

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
    ("beleid", "Bo", "Beleidsmedewerker", Rol.BELEIDSMEDEWERKER, ["9001"]),
    ("beheer", "Fenna", "Functioneel Beheerder", Rol.FUNCTIONEEL_BEHEERDER, ["9001"]),
    ("proefwijk", "Pim", "Proefwijker", Rol.KLANTREGISSEUR, ["9002"]),
]
# Path through the workflow to reach each status.
PAD = {
    Status.AANGEMELD: [],
    Status.INTAKE: [Status.INTAKE],
    Status.PIP_VASTGESTELD: [Status.INTAKE, Status.PIP_VASTGESTELD],
    Status.IN_UITVOERING: [Status.INTAKE, Status.PIP_VASTGESTELD, Status.IN_UITVOERING],
    Status.AFGEROND: [Status.INTAKE, Status.PIP_VASTGESTELD, Status.IN_UITVOERING, Status.AFGEROND],
}


class Command(BaseCommand):
    help = "Laad fictieve demodata: twee gemeenten, een gebruiker per rol en 200 inburgeraars."

    def add_arguments(self, parser):
        parser.add_argument("--aantal", type=int, default=200)
        parser.add_argument("--seed", type=int, default=2022)

    @staticmethod
    def _tijdlijn_spreiden(rng, inburgeraar):
        """Spread the demo timeline from the registration date, so it reads like a real case."""
        dossier = inburgeraar.dossier
        begin = datetime.combine(dossier.aangemeld_op, time(9, 0))
        moment = timezone.make_aware(begin + timedelta(minutes=rng.randint(0, 420)))
        gebeurtenissen = list(Gebeurtenis.objects.filter(dossier=dossier).order_by("id"))
        for gebeurtenis in gebeurtenissen:
            gebeurtenis.tijdstip = min(moment, timezone.now())
            moment += timedelta(days=rng.randint(7, 60), minutes=rng.randint(0, 300))
        Gebeurtenis.objects.bulk_update(gebeurtenissen, ["tijdstip"])

    @transaction.atomic
    def handle(self, *args, aantal, seed, **options):
        if Gemeente.objects.filter(code=GEMEENTEN[0]["code"]).exists():
            self.stdout.write("Demodata staat er al.")
            return
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
        kim = User.objects.get(username="klantregisseur")
        vandaag = timezone.localdate()
        gezien = set()
        for nummer in range(aantal):
            gemeente = gemeenten["9001"] if nummer < aantal * 0.85 else gemeenten["9002"]
            actor = Actor(gemeente=gemeente, systeem="demo_data")
            bsn = genereer_bsn(rng)
            while bsn in gezien:
                bsn = genereer_bsn(rng)
            gezien.add(bsn)
            asiel = rng.random() < 0.6
            aangemeld_op = vandaag - timedelta(days=rng.randint(0, 900))
            # About one in eight came before 2022: regels.plicht then puts them under Wi2013 (R2).
            oud_recht = rng.random() < 0.12
            bekendmaking = (
                date(2021, 1, 4) + timedelta(days=rng.randint(0, 300))
                if oud_recht
                else max(date(2022, 1, 3), aangemeld_op - timedelta(days=rng.randint(5, 60)))
            )
            persoon = genereer_persoon(rng, peildatum=vandaag)
            if oud_recht and persoon["nationaliteit"] == "TR":
                # Turkish family migrants were only obliged from 2022 on (R4).
                persoon["nationaliteit"] = "SY"
            inburgeraar = services.inburgeraar_aanmaken(
                actor=actor,
                bsn=bsn,
                aangemeld_op=aangemeld_op,
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
            doel = rng.choices(list(PAD), weights=[20, 25, 15, 30, 10])[0]
            for stap in PAD[doel]:
                eindreden = (
                    rng.choice([Eindreden.VOLDAAN, Eindreden.VRIJGESTELD, Eindreden.VERHUISD])
                    if stap == Status.AFGEROND
                    else ""
                )
                services.dossier_status_wijzigen(
                    actor=actor, dossier=inburgeraar.dossier, naar=stap, eindreden=eindreden
                )
            self._tijdlijn_spreiden(rng, inburgeraar)
            if gemeente.code == "9001" and rng.random() < 0.7:
                inburgeraar.dossier.klantregisseur = kim
                inburgeraar.dossier.save(update_fields=["klantregisseur"])
        # Worklist, intakes and PIPs with letters (signalen, intake, pip).
        call_command("demo_werk", gemeente="9001", stdout=self.stdout)
        # Begeleiding, PVT, MAP, hours, exams and fines (begeleiding, traject, handhaving).
        call_command("traject_demo", gemeente="9001", stdout=self.stdout)
        # Schools, contracts, referrals and the school user 'taalschool' (taalaanbieders).
        call_command("taalaanbieders_demo", gemeente="9001", stdout=self.stdout)
        _, sleutel = apitoken_aanmaken(gemeente=gemeenten["9001"], naam="demo-koppeling")
        self.stdout.write(
            f"Demodata geladen: {Inburgeraar.objects.count()} fictieve inburgeraars "
            "in 2 gemeenten.\n"
            f"API-token voor Demodam (eenmalig getoond): {sleutel}"
        )
