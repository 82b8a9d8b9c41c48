"""Demo data for issue 6: begeleiding, a PVT group, MAP hours, hours, exams and fines.

Called from ``demo_data`` after the PIPs exist. Everything goes through the
services, so the demo shows what the rules allow; a step a rule refuses is skipped, not forced.
"""

import random
from datetime import time, timedelta
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from openinburgering.accounts.context import Actor
from openinburgering.accounts.models import User
from openinburgering.accounts.rollen import Rol
from openinburgering.begeleiding import services as begeleiding
from openinburgering.begeleiding.models import Stap, StapStatus
from openinburgering.core.exceptions import Geweigerd
from openinburgering.gemeenten.models import Gemeente
from openinburgering.handhaving import services as handhaving
from openinburgering.inburgeraars.codes import Doelgroep
from openinburgering.inburgeraars.models import Dossier
from openinburgering.inburgeraars.workflow import Status
from openinburgering.pip.models import PipStatus, PipVersie
from openinburgering.traject import examens, pvt, uren
from openinburgering.traject import map as map_diensten
from openinburgering.traject.afronding import afronding_vastleggen

NAMEN_HELPERS = ["Klantregisseur", "VluchtelingenWerk", "Vrijwilliger (maatje)", "Zelf geregeld"]
#: Begeleiding steps due longer ago than this are done in the demo (a realistic worklist).
DAGEN_ACHTERSTAND_DEMO = 90


class Command(BaseCommand):
    help = "Demodata voor begeleiding, PVT, MAP, uren, examens en handhaving (issue 6)."

    def add_arguments(self, parser):
        parser.add_argument("--gemeente", default="9001")
        parser.add_argument("--seed", type=int, default=6)

    def _probeer(self, functie, **kwargs):
        try:
            with transaction.atomic():
                return functie(**kwargs)
        except (ValidationError, Geweigerd):
            return None

    def handle(self, *args, gemeente, seed, **options):
        rng = random.Random(seed)
        gemeente = Gemeente.objects.get(code=gemeente)
        kim = User.objects.filter(
            lidmaatschappen__gemeente=gemeente, lidmaatschappen__rol=Rol.KLANTREGISSEUR
        ).first()
        actor = Actor(gemeente=gemeente, user=kim, rol=Rol.KLANTREGISSEUR)
        # Exam results come from DUO (SS199), through the system, not through a caseworker.
        systeem = Actor(gemeente=gemeente)
        vandaag = timezone.localdate()
        beheer = User.objects.filter(
            lidmaatschappen__gemeente=gemeente, lidmaatschappen__rol=Rol.FUNCTIONEEL_BEHEERDER
        ).first()
        # The steps are the gemeente's configuration: the functioneel beheerder sets them up.
        begeleiding.standaardstappen_aanmaken(
            actor=Actor(gemeente=gemeente, user=beheer, rol=Rol.FUNCTIONEEL_BEHEERDER)
        )
        stappen = list(Stap.objects.filter(gemeente=gemeente, actief=True))
        actief = Dossier.objects.filter(gemeente=gemeente).exclude(status=Status.AFGEROND)
        asiel = list(
            actief.filter(inburgeraar__doelgroep=Doelgroep.ASIELSTATUSHOUDER)
            .select_related("inburgeraar")
            .order_by("id")
        )
        for dossier in asiel:
            invoer = []
            for stap in stappen:
                dag = dossier.aangemeld_op + timedelta(days=stap.streefdagen - rng.randint(0, 20))
                # A working team has long finished steps due months ago; only recent ones lag.
                lang_geleden = dag <= vandaag - timedelta(days=DAGEN_ACHTERSTAND_DEMO)
                if dag <= vandaag and (lang_geleden or rng.random() < 0.6):
                    invoer.append(
                        begeleiding.StapInvoer(
                            stap=stap,
                            status=StapStatus.AFGEROND,
                            datum=max(dag, dossier.aangemeld_op),
                            geholpen_door=rng.choice(NAMEN_HELPERS),
                        )
                    )
            if invoer:
                self._probeer(
                    begeleiding.voortgang_vastleggen, actor=actor, dossier=dossier, invoer=invoer
                )

        # People with a current PIP of this gemeente: PVT, MAP, hours and exams.
        leerroutes = dict(
            PipVersie.objects.filter(
                gemeente=gemeente, status=PipStatus.VASTGESTELD, dagtekening__lt=vandaag
            ).values_list("dossier_id", "leerroute")
        )
        met_pip = list(
            Dossier.objects.filter(pk__in=leerroutes)
            .exclude(status=Status.AFGEROND)
            .select_related("inburgeraar")
            .order_by("id")[:30]
        )

        groep = pvt.groep_aanmaken(
            actor=actor,
            naam="PVT Demodam voorjaar",
            locatie="Bibliotheek Centrum, zaal 2",
            taal="Nederlands",
            tolk="Arabisch",
            capaciteit=12,
            begeleider="Sanne de Vries",
        )
        bijeenkomsten = [
            pvt.bijeenkomst_toevoegen(
                actor=actor,
                groep=groep,
                datum=vandaag - timedelta(days=dagen),
                begintijd=time(9, 30),
                eindtijd=time(12),
                onderwerp=onderwerp,
            )
            for dagen, onderwerp in [
                (14, "Vrijheid, gelijkwaardigheid en solidariteit"),
                (7, "Participatie: meedoen in Nederland"),
                (-7, "Ondertekening van de participatieverklaring"),
            ]
        ]
        pvt.materiaal_toevoegen(
            actor=actor,
            bijeenkomst=bijeenkomsten[0],
            titel="Toolbox Participatieverklaring",
            link="https://www.divosa.nl/onderwerpen/inburgering",
        )
        deelnemers = met_pip[:6] or asiel[:6]
        deelnames = pvt.deelnemers_uitnodigen(actor=actor, groep=groep, dossiers=deelnemers)
        for b in bijeenkomsten[:2]:
            pvt.aanwezigheid_vastleggen(
                actor=actor,
                bijeenkomst=b,
                statussen={
                    d.pk: rng.choice(["aanwezig", "aanwezig", "afgemeld"]) for d in deelnames
                },
            )
        for d in deelnames[:2]:
            self._probeer(
                pvt.ondertekening_vastleggen,
                actor=actor,
                deelname=d,
                datum=vandaag - timedelta(days=7),
            )

        for dossier in met_pip[:8]:
            for _ in range(rng.randint(1, 4)):
                self._probeer(
                    map_diensten.activiteit_toevoegen,
                    actor=actor,
                    dossier=dossier,
                    soort=rng.choice(["workshop", "werkervaring", "vrijwilligerswerk", "gesprek"]),
                    omschrijving=rng.choice(
                        [
                            "Workshop beroepsoriëntatie",
                            "Stage bij de kringloop",
                            "Vrijwilliger sportclub",
                            "Gesprek werkcoach",
                        ]
                    ),
                    datum=vandaag - timedelta(days=rng.randint(1, 60)),
                    uren=Decimal(rng.choice([3, 4, 8, 16])),
                )
            self._probeer(
                uren.uren_registreren,
                actor=actor,
                dossier=dossier,
                soort="taal",
                periode_start=vandaag - timedelta(days=90),
                periode_einde=vandaag - timedelta(days=1),
                uren=rng.choice([90, 120, 150]),
                omschrijving="Taalles bij de taalaanbieder",
            )
        if met_pip:
            self._probeer(
                afronding_vastleggen,
                actor=actor,
                dossier=met_pip[2],
                onderdeel="map",
                datum=vandaag - timedelta(days=3),
            )

        # Exams belong to the B1-route and the onderwijsroute; the Z-route has none.
        met_examens = [d for d in met_pip if leerroutes[d.pk] in ("B", "O")]
        for dossier in met_examens[:5]:
            examens.examenuitslagen_bijwerken(
                actor=systeem,
                dossier=dossier,
                resultaten=[
                    {
                        "examendatum": (vandaag - timedelta(days=40)).isoformat(),
                        "resultaat": "Geslaagd",
                        "onderdeel": "KNM",
                    },
                    {
                        "examendatum": (vandaag - timedelta(days=30)).isoformat(),
                        "resultaat": "Gezakt",
                        "onderdeel": "LE",
                        "niveau": "B1",
                    },
                    {
                        "examendatum": (vandaag - timedelta(days=20)).isoformat(),
                        "resultaat": "Geen",
                        "onderdeel": "SP",
                        "niveau": "B1",
                        "redenGeenResultaat": "Nietverwijtbaar",
                    },
                ],
                pogingen=[
                    {"onderdeel": "LE", "gratisPogingenTegoed": 2},
                    {"onderdeel": "SP", "gratisPogingenTegoed": 3},
                ],
            )

        doel = met_pip or asiel
        if len(doel) >= 3:
            zaak = handhaving.zaak_openen(
                actor=actor,
                dossier=doel[0],
                verplichting="map",
                overtredingsdatum=vandaag - timedelta(days=60),
                omschrijving="Drie keer niet verschenen op de werkervaringsplek zonder bericht.",
            )
            handhaving.waarschuwing_sturen(
                actor=actor, zaak=zaak, datum=vandaag - timedelta(days=50)
            )
            handhaving.voornemen_sturen(
                actor=actor,
                zaak=zaak,
                datum=vandaag - timedelta(days=30),
                bedrag=Decimal(300),
                rapport="Afwezig op 3, 10 en 17 van de maand; geen bericht ontvangen.",
            )
            handhaving.zaak_openen(
                actor=actor,
                dossier=doel[1],
                verplichting="ontzorgen_machtiging",
                overtredingsdatum=vandaag - timedelta(days=10),
                omschrijving="Machtiging voor ontzorgen niet getekend.",
            )
        self.stdout.write(
            f"Traject-demo: begeleiding voor {len(asiel)} asielstatushouders, PVT-groep met "
            f"{len(deelnames)} deelnemers, MAP en uren, examens en twee handhavingszaken."
        )
