"""Bewaartermijnen toepassen: afgeronde dossiers na hun termijn vernietigen (R69), het logboek
opschonen (R70), en van elke vernietiging een verklaring (ADR 0060).

inburgeraars bezit de persoon en het dossier, maar niet wat eraan hangt: intake, PIP, brieven,
DUO. Wat aan het dossier of de persoon hangt met ``on_delete=CASCADE`` verdwijnt met de persoon.
Elke app die meer moet doen (bestanden van brieven, rijen bewaren zonder persoonsgegevens omdat de
keten met DUO ze nodig heeft, vernietigen uitstellen zolang een procedure loopt) registreert vanuit
``AppConfig.ready`` een :class:`Opruimer`; inburgeraars importeert die apps niet (ADR 0058).

Een dossier per transactie: alles of niets. De bestanden gaan pas na de commit weg (een terugrol
laat ze dan staan). Een tweede run vindt niets meer: de persoon is weg, de geanonimiseerde rijen
hebben geen BSN-hash meer om op te vinden. Logregels en verklaringen noemen alleen uuid's en
aantallen, nooit een BSN of een naam.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any
from uuid import UUID

from django.conf import settings
from django.db import transaction
from django.utils import timezone

import structlog

from openinburgering.gemeenten.models import Gemeente
from openinburgering.logboek.models import Verwerking
from openinburgering.regels.bewaren import (
    Beletsel,
    laatste_afronding_te_vernietigen,
    logboek_grens,
    toets_vernietigen,
)

from .models import Dossier, Inburgeraar, Vernietiging, VernietigingSoort
from .workflow import Status

logger = structlog.get_logger(__name__)

#: Logregels per DELETE bij het opschonen van het logboek: begrensde statements op een grote
#: tabel (de dagelijkse run vindt er hooguit een dag aan; de eerste run misschien jaren).
LOGBOEK_PORTIE = 5_000


@dataclass(frozen=True)
class TeVernietigen:
    """Wat een opruimer over het dossier weet. ``bsn_hash`` en ``pseudoniem`` zijn er om rijen
    te vinden die niet met een sleutel aan de persoon hangen (notificaties van vóór de persoon)."""

    dossier_id: int
    dossier_uuid: UUID
    inburgeraar_id: int
    gemeente_id: int
    bsn_hash: str
    pseudoniem: str


@dataclass
class Opruiming:
    """Wat de opruimers van één dossier deden: aantallen per tabel (``app.Model``) en de
    bestanden (relatief aan ``PRIVATE_MEDIA_ROOT``) die na de commit weg moeten."""

    vernietigd: Counter[str] = field(default_factory=Counter)
    geanonimiseerd: Counter[str] = field(default_factory=Counter)
    bestanden: list[str] = field(default_factory=list)

    def bestand(self, relatief: str) -> None:
        if relatief:
            self.bestanden.append(relatief)


@dataclass(frozen=True)
class Opruimer:
    """Wat een app doet als een dossier wordt vernietigd, vóór de persoon zelf wordt verwijderd.

    ``opruimen`` werkt in de transactie van het dossier; ``beletsels`` zegt welke procedures nog
    lopen (dan wacht het dossier, R69).
    """

    naam: str
    opruimen: Callable[[TeVernietigen, Opruiming], None] | None = None
    beletsels: Callable[[TeVernietigen], Iterable[Beletsel]] | None = None


_OPRUIMERS: dict[str, Opruimer] = {}


def opruimer_registreren(opruimer: Opruimer) -> None:
    """Registreer (of vervang, op naam) een opruimer. Roep aan vanuit ``AppConfig.ready``."""
    _OPRUIMERS[opruimer.naam] = opruimer


def opruimers() -> list[Opruimer]:
    return list(_OPRUIMERS.values())


@dataclass
class Verslag:
    """Wat een run deed (of met ``proefdraai`` zou doen): alleen aantallen."""

    peildatum: date
    proefdraai: bool
    dossiers_vernietigd: int = 0
    dossiers_uitgesteld: int = 0
    vernietigd: Counter[str] = field(default_factory=Counter)
    geanonimiseerd: Counter[str] = field(default_factory=Counter)
    bestanden: int = 0
    logboekregels: int = 0

    def als_dict(self) -> dict[str, Any]:
        return {
            "peildatum": self.peildatum.isoformat(),
            "proefdraai": self.proefdraai,
            "dossiers_vernietigd": self.dossiers_vernietigd,
            "dossiers_uitgesteld": self.dossiers_uitgesteld,
            "vernietigd": dict(sorted(self.vernietigd.items())),
            "geanonimiseerd": dict(sorted(self.geanonimiseerd.items())),
            "bestanden": self.bestanden,
            "logboekregels": self.logboekregels,
        }


def bestandspad(relatief: str) -> Path:
    """Het absolute pad van een opgeslagen bestand; weigert alles buiten PRIVATE_MEDIA_ROOT."""
    basis = Path(settings.PRIVATE_MEDIA_ROOT).resolve()
    volledig = (basis / relatief).resolve()
    if basis not in volledig.parents:
        raise ValueError("path outside PRIVATE_MEDIA_ROOT")
    return volledig


def bewaartermijnen_toepassen(
    *, peildatum: date | None = None, proefdraai: bool = False, door: str = "systeem"
) -> Verslag:
    """Vernietig elk afgerond dossier waarvan de bewaartermijn voorbij is (R69) en elke
    logboekregel na de zijne (R70); schrijf van elk een verklaring van vernietiging.

    ``proefdraai``: doe alles in de transacties en rol ze terug; het verslag telt wat er zou
    gebeuren, er verandert niets (ook geen bestanden).
    """
    peildatum = peildatum or timezone.localdate()
    verslag = Verslag(peildatum=peildatum, proefdraai=proefdraai)
    grens = laatste_afronding_te_vernietigen(peildatum)
    kandidaten = list(
        Dossier.objects.filter(status=Status.AFGEROND, afgerond_op__lte=grens)
        .order_by("id")
        .values_list("id", flat=True)
    )
    for dossier_id in kandidaten:
        _dossier_vernietigen(dossier_id, peildatum=peildatum, verslag=verslag, door=door)
    for gemeente in Gemeente.objects.order_by("id"):
        _logboek_opschonen(gemeente, peildatum=peildatum, verslag=verslag, door=door)
    logger.info("bewaartermijnen_toegepast", **verslag.als_dict())
    return verslag


def _dossier_vernietigen(dossier_id: int, *, peildatum: date, verslag: Verslag, door: str) -> None:
    with transaction.atomic():
        dossier = (
            Dossier.objects.select_for_update()
            .select_related("inburgeraar")
            .filter(pk=dossier_id)
            .first()
        )
        if dossier is None:  # another run got there first
            return
        persoon = dossier.inburgeraar
        doel = TeVernietigen(
            dossier_id=dossier.pk,
            dossier_uuid=dossier.uuid,
            inburgeraar_id=persoon.pk,
            gemeente_id=dossier.gemeente_id,
            bsn_hash=persoon.bsn_hash,
            pseudoniem=persoon.pseudoniem,
        )
        beletsels = [
            beletsel
            for opruimer in opruimers()
            if opruimer.beletsels is not None
            for beletsel in opruimer.beletsels(doel)
        ]
        afgerond_op = dossier.afgerond_op if dossier.status == Status.AFGEROND else None
        uitkomst = toets_vernietigen(afgerond_op, peildatum, beletsels)
        if not uitkomst.toegestaan:
            verslag.dossiers_uitgesteld += 1
            logger.info(
                "bewaartermijn_uitgesteld",
                dossier=str(dossier.uuid),
                regels=list(uitkomst.regel_ids),
                beletsels=sorted({b.value for b in beletsels}),
            )
            return
        opruiming = Opruiming()
        for opruimer in opruimers():
            if opruimer.opruimen is not None:
                opruimer.opruimen(doel, opruiming)
        # The log lines about this person go with the dossier (R70).
        if doel.pseudoniem:
            aantal, _ = Verwerking.objects.filter(
                gemeente_id=doel.gemeente_id, betrokkene=doel.pseudoniem
            ).delete()
            if aantal:
                opruiming.vernietigd[Verwerking._meta.label] += aantal
        # The person and, by CASCADE, the dossier and everything that hangs off it.
        _, per_model = Inburgeraar.objects.filter(pk=persoon.pk).delete()
        opruiming.vernietigd.update({k: v for k, v in per_model.items() if v})
        bestanden = [bestandspad(p) for p in dict.fromkeys(opruiming.bestanden)]
        Vernietiging.objects.create(
            gemeente_id=doel.gemeente_id,
            soort=VernietigingSoort.DOSSIER,
            regel="R69",
            dossier_uuid=doel.dossier_uuid,
            afgerond_op=dossier.afgerond_op,
            eindreden=dossier.eindreden,
            aantallen={
                "vernietigd": dict(sorted(opruiming.vernietigd.items())),
                "geanonimiseerd": dict(sorted(opruiming.geanonimiseerd.items())),
                "bestanden": len(bestanden),
            },
            uitgevoerd_door=door,
        )
        verslag.dossiers_vernietigd += 1
        verslag.vernietigd.update(opruiming.vernietigd)
        verslag.geanonimiseerd.update(opruiming.geanonimiseerd)
        verslag.bestanden += len(bestanden)
        logger.info(
            "bewaartermijn_dossier_vernietigd",
            dossier=str(doel.dossier_uuid),
            proefdraai=verslag.proefdraai,
            vernietigd=sum(opruiming.vernietigd.values()),
            geanonimiseerd=sum(opruiming.geanonimiseerd.values()),
            bestanden=len(bestanden),
        )
        if verslag.proefdraai:
            transaction.set_rollback(True)
        else:
            transaction.on_commit(lambda: _bestanden_verwijderen(bestanden))


def _bestanden_verwijderen(bestanden: list[Path]) -> None:
    for bestand in bestanden:
        bestand.unlink(missing_ok=True)


def _logboek_opschonen(gemeente: Gemeente, *, peildatum: date, verslag: Verslag, door: str) -> None:
    """R70: logregels zonder bewaard dossier, ouder dan hun termijn, in porties."""
    grens = timezone.make_aware(datetime.combine(logboek_grens(peildatum), time.min))
    bewaard = Inburgeraar.objects.filter(gemeente=gemeente).values("pseudoniem")
    te_oud = Verwerking.objects.filter(gemeente=gemeente, tijdstip__lt=grens).exclude(
        betrokkene__in=bewaard
    )
    totaal = 0
    with transaction.atomic():
        if verslag.proefdraai:
            totaal = te_oud.count()
        else:
            while ids := list(te_oud.order_by("id").values_list("id", flat=True)[:LOGBOEK_PORTIE]):
                aantal, _ = Verwerking.objects.filter(id__in=ids).delete()
                totaal += aantal
        if totaal and not verslag.proefdraai:
            Vernietiging.objects.create(
                gemeente=gemeente,
                soort=VernietigingSoort.LOGBOEK,
                regel="R70",
                aantallen={"vernietigd": {Verwerking._meta.label: totaal}},
                uitgevoerd_door=door,
            )
    verslag.logboekregels += totaal
    if totaal:
        logger.info(
            "bewaartermijn_logboek_opgeschoond",
            gemeente=gemeente.code,
            proefdraai=verslag.proefdraai,
            logboekregels=totaal,
        )
