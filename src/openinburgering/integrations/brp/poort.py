"""The BRP link behind the foundation's port ``core.brp`` (ADR 0062)."""

from __future__ import annotations

from django.conf import settings
from django.utils import timezone

import requests
import structlog

from openinburgering.core.brp import BrpFout, BrpNietGevonden, BrpPersoon, BrpStand
from openinburgering.inburgeraars.models import Inburgeraar
from openinburgering.logboek.models import Doel

from . import services
from .client import BrpClient
from .models import BrpStand as BrpStandModel

logger = structlog.get_logger(__name__)


class BrpPoort:
    def __init__(self, session: requests.Session | None = None):
        self.session = session

    def aan(self) -> bool:
        return bool(settings.BRP_API_ROOT)

    def raadplegen(self, *, actor, bsns: list[str], doel: str) -> dict[str, BrpPersoon]:
        return BrpClient(actor=actor, session=self.session).raadplegen(bsns=bsns, doel=doel)

    def overnemen(self, *, actor, inburgeraar, persoon: BrpPersoon) -> list[str]:
        return services.overnemen(actor=actor, inburgeraar=inburgeraar, persoon=persoon)

    def aangemeld(self, *, actor, personen, fouten) -> None:
        services.aangemeld(actor=actor, personen=personen, fouten=fouten)

    def bijwerken(self, *, actor, inburgeraar, doel: str) -> list[str]:
        """Read now and take it in; a failure is remembered (and retried when temporary)."""
        try:
            persoon = BrpClient(actor=actor, session=self.session).een(
                bsn=inburgeraar.bsn, doel=doel
            )
            return self.overnemen(actor=actor, inburgeraar=inburgeraar, persoon=persoon)
        except BrpFout as fout:
            self.mislukt(inburgeraar=inburgeraar, fout=fout)
            raise

    def mislukt(self, *, inburgeraar, fout: BrpFout) -> None:
        services.mislukt(inburgeraar=inburgeraar, fout=fout)

    def stand(self, inburgeraar) -> BrpStand | None:
        rij = BrpStandModel.objects.filter(inburgeraar=inburgeraar).first()
        if rij is None:
            return None
        return BrpStand(
            opgehaald_op=rij.opgehaald_op,
            geheimhouding=rij.geheimhouding,
            adres_in_onderzoek=rij.adres_in_onderzoek,
            adres_in_onderzoek_sinds=rij.adres_in_onderzoek_sinds,
            overleden=rij.overleden,
            overlijdensdatum=rij.overlijdensdatum,
            nationaliteiten=tuple(rij.nationaliteiten or ()),
            gemeente_van_inschrijving=rij.gemeente_van_inschrijving,
            gemeente_van_inschrijving_naam=rij.gemeente_van_inschrijving_naam,
            datum_inschrijving_in_gemeente=rij.datum_inschrijving_in_gemeente,
            fout=rij.fout,
        )

    def achterstand_bijwerken(self, *, limiet: int = 50) -> int:
        return achterstand_bijwerken(limiet=limiet)


def achterstand_bijwerken(*, limiet: int = 50) -> int:
    """Try again the reads that failed for a temporary reason and are due (the inbox loop and
    ``manage.py brp_bijwerken`` call this). Returns how many people were read successfully."""
    if not settings.BRP_API_ROOT:
        return 0
    poort = BrpPoort()
    gelukt = 0
    standen = (
        BrpStandModel.objects.filter(volgende_poging_op__lte=timezone.now())
        .select_related("inburgeraar__gemeente", "inburgeraar__dossier")
        .order_by("volgende_poging_op")[:limiet]
    )
    for stand in standen:
        inburgeraar: Inburgeraar = stand.inburgeraar
        doel = Doel.ACTUALISEREN if inburgeraar.persoonsgegevens_compleet else Doel.AANMELDING_DUO
        try:
            poort.bijwerken(
                actor=services.systeem_actor(inburgeraar.gemeente),
                inburgeraar=inburgeraar,
                doel=doel,
            )
        except BrpNietGevonden:
            continue
        except BrpFout as fout:
            if fout.tijdelijk:
                break  # the BRP is still down: the others wait for their own turn
            continue
        gelukt += 1
    if gelukt:
        logger.info("brp_achterstand_bijgewerkt", aantal=gelukt)
    return gelukt
