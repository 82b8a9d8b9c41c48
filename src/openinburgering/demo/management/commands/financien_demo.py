"""Demo data for money (ADR 0082): grants for each demo gemeente and costs for their people.

Called from ``demo_data`` after the referrals and hours exist. Course costs are derived from
them; the other costs are booked by the teamleider by hand, with a reason, and one booking is
reversed, so the pages show each kind. The grant amounts are invented for the demo.
"""

import random
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from openinburgering.accounts.context import Actor
from openinburgering.accounts.models import User
from openinburgering.accounts.rollen import Rol
from openinburgering.core.exceptions import Geweigerd
from openinburgering.financien import services
from openinburgering.financien.models import Bijdragesoort, Kostenboeking
from openinburgering.gemeenten.models import Gemeente
from openinburgering.inburgeraars.models import Inburgeraar
from openinburgering.regels.codes import Doelgroep, Regime
from openinburgering.regels.financiering import WI2013_BEDRAG_PER_STATUSHOUDER_CENT, Kostensoort

#: Invented per-person amounts for the demo's grants (cents): about the SZW average per
#: trajectory (DOMAIN.md §6.1) and a small amount per family migrant.
DEMO_SPUK_PER_ASIEL_CENT = 1_160_000
DEMO_SPUK_PER_GEZIN_CENT = 150_000
#: Invented share of the structural € 35.2 million per demo gemeente (cents).
DEMO_STRUCTUREEL_CENT = {"9001": 2_816_000, "9002": 704_000}
#: Manual costs per kind (cents, from, to) the demo books.
HANDMATIG = {
    Kostensoort.MAP: (35_000, 90_000),
    Kostensoort.PVT: (15_000, 30_000),
    Kostensoort.TOLK: (6_500, 19_500),
    Kostensoort.BEGELEIDING: (40_000, 120_000),
    Kostensoort.ONTZORGEN_ADMINISTRATIE: (4_500, 9_000),
}
REDENEN = {
    Kostensoort.MAP: "Factuur MAP-aanbieder, workshops arbeidsmarkt",
    Kostensoort.PVT: "Factuur PVT-groep (workshops en ondertekening)",
    Kostensoort.TOLK: "Tolk bij voortgangsgesprek (factuur tolkencentrum)",
    Kostensoort.BEGELEIDING: "Maatschappelijke begeleiding, kwartaalfactuur",
    Kostensoort.ONTZORGEN_ADMINISTRATIE: "Administratie vaste lasten (ontzorgen), maandbedrag",
}


def _teamleider(gemeente) -> Actor:
    return Actor(
        gemeente=gemeente, user=User.objects.get(username="teamleider"), rol=Rol.TEAMLEIDER
    )


def _beheerder(gemeente) -> Actor:
    return Actor(
        gemeente=gemeente, user=User.objects.get(username="beheer"), rol=Rol.FUNCTIONEEL_BEHEERDER
    )


class Command(BaseCommand):
    help = "Demodata voor financiën: rijksbijdragen en kosten per inburgeraar (ADR 0082)."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=19)

    @transaction.atomic
    def handle(self, *args, seed, **options):
        rng = random.Random(seed)
        vandaag = timezone.localdate()
        for gemeente in Gemeente.objects.filter(code__in=DEMO_STRUCTUREEL_CENT).order_by("code"):
            self._bijdragen(gemeente, vandaag)
            afgeleid = services.cursuskosten_afleiden(
                actor=_teamleider(gemeente), gemeente=gemeente
            )
            handmatig = self._handmatig(gemeente, vandaag, rng)
            self.stdout.write(
                f"Financiën {gemeente.naam}: {afgeleid} cursusboekingen afgeleid, "
                f"{handmatig} handmatig geboekt."
            )

    def _bijdragen(self, gemeente, vandaag):
        beheerder = _beheerder(gemeente)
        personen = Inburgeraar.objects.filter(gemeente=gemeente)
        for jaar in range(max(2022, vandaag.year - 3), vandaag.year + 1):
            asiel = personen.filter(
                regime=Regime.WI2021,
                doelgroep=Doelgroep.ASIELSTATUSHOUDER,
                datum_bekendmaking_ind__year=jaar,
            ).count()
            gezin = personen.filter(
                regime=Regime.WI2021,
                doelgroep=Doelgroep.GEZINSMIGRANT_EN_OVERIGE_MIGRANT,
                datum_bekendmaking_ind__year=jaar,
            ).count()
            for soort, bedrag, aantal, grondslag, regeling in (
                (
                    Bijdragesoort.SPUK_ASIEL,
                    max(asiel, 1) * DEMO_SPUK_PER_ASIEL_CENT,
                    max(asiel, 1),
                    "Beschikking specifieke uitkering Wi2021 (demo: fictief bedrag)",
                    "Bi2021 hoofdstuk financiering; Ri2021",
                ),
                (
                    Bijdragesoort.SPUK_GEZIN,
                    gezin * DEMO_SPUK_PER_GEZIN_CENT,
                    gezin,
                    "Beschikking specifieke uitkering Wi2021 (demo: fictief bedrag)",
                    "Bi2021 hoofdstuk financiering; Ri2021",
                ),
                (
                    Bijdragesoort.STRUCTUREEL,
                    DEMO_STRUCTUREEL_CENT[gemeente.code],
                    None,
                    "Akkoord SZW–VNG april 2020: € 35,2 miljoen structureel (demo: fictief "
                    "aandeel)",
                    "Gemeentefonds, algemene uitkering",
                ),
            ):
                services.rijksbijdrage_vastleggen(
                    actor=beheerder,
                    jaar=jaar,
                    soort=soort,
                    bedrag_cent=bedrag,
                    aantal_personen=aantal,
                    grondslag=grondslag,
                    regeling=regeling,
                )
        oud = personen.filter(regime=Regime.WI2013, doelgroep=Doelgroep.ASIELSTATUSHOUDER).count()
        services.rijksbijdrage_vastleggen(
            actor=beheerder,
            jaar=2021,
            soort=Bijdragesoort.WI2013,
            bedrag_cent=oud * WI2013_BEDRAG_PER_STATUSHOUDER_CENT,
            aantal_personen=oud,
            grondslag="Decentralisatie-uitkering maatschappelijke begeleiding en PVT: € 2.370 "
            "per statushouder",
            regeling="Meicirculaire gemeentefonds 2021",
        )

    def _handmatig(self, gemeente, vandaag, rng) -> int:
        actor = _teamleider(gemeente)
        geboekt = 0
        personen = list(
            Inburgeraar.objects.filter(gemeente=gemeente).select_related("dossier").order_by("id")
        )
        for persoon in personen:
            for soort, (laag, hoog) in HANDMATIG.items():
                if rng.random() > 0.45:
                    continue
                begin = max(persoon.dossier.aangemeld_op, vandaag - timedelta(days=400))
                if begin >= vandaag:
                    continue
                datum = begin + timedelta(days=rng.randint(0, (vandaag - begin).days))
                try:
                    services.kosten_boeken(
                        actor=actor,
                        inburgeraar=persoon,
                        soort=soort,
                        bedrag_cent=rng.randint(laag, hoog) // 100 * 100,
                        datum=min(datum, vandaag),
                        reden=REDENEN[soort],
                    )
                except (ValidationError, Geweigerd):
                    continue  # a rule refused it: the demo does not force it
                geboekt += 1
        eerste = (
            Kostenboeking.objects.filter(gemeente=gemeente, corrigeert__isnull=True)
            .order_by("id")
            .first()
        )
        if eerste is not None:
            services.boeking_corrigeren(
                actor=actor, boeking=eerste, reden="Dubbel geboekt: factuur was al verwerkt"
            )
        return geboekt
