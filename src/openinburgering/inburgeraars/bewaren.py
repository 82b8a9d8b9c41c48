"""Applying the retention terms: closed dossiers destroyed after their term (R69), the
processing log cleaned up (R70), and a verklaring van vernietiging of each (ADR 0060).

inburgeraars owns the person and the dossier, not what hangs off them: intake, PIP, letters,
DUO. What hangs off the dossier or the person with ``on_delete=CASCADE`` goes with the person.
Every app that must do more (letter files, rows kept without personal data because the DUO
chain needs them, destruction postponed while a procedure runs) registers an :class:`Opruimer`
from its ``AppConfig.ready``; inburgeraars imports none of those apps (ADR 0058).

One transaction per dossier: all or nothing. Files go only after the commit (a rollback leaves
them in place). A second run finds nothing: the person is gone, the anonymised rows have no
search hash left to be found by. Log lines and verklaringen name uuids and counts only, never a
BSN or a name.
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

#: Log entries per DELETE when cleaning the processing log: bounded statements on a large table
#: (the daily run finds about a day's worth; the first run perhaps years).
LOGBOEK_PORTIE = 5_000


@dataclass(frozen=True)
class TeVernietigen:
    """What a handler knows of the dossier. ``bsn_hash`` and ``pseudoniem`` find rows that hang
    off the person without a key (notifications from before the person was known here)."""

    dossier_id: int
    dossier_uuid: UUID
    inburgeraar_id: int
    gemeente_id: int
    bsn_hash: str
    pseudoniem: str


@dataclass
class Opruiming:
    """What the handlers did for one dossier: counts per table (``app.Model``) and the files
    (relative to ``PRIVATE_MEDIA_ROOT``) to remove after the commit."""

    vernietigd: Counter[str] = field(default_factory=Counter)
    geanonimiseerd: Counter[str] = field(default_factory=Counter)
    bestanden: list[str] = field(default_factory=list)

    def bestand(self, relatief: str) -> None:
        if relatief:
            self.bestanden.append(relatief)


@dataclass(frozen=True)
class Opruimer:
    """What an app does when a dossier is destroyed, before the person row itself is deleted.

    ``opruimen`` runs inside the dossier's transaction; ``beletsels`` names the procedures still
    running (the dossier then waits, R69).
    """

    naam: str
    opruimen: Callable[[TeVernietigen, Opruiming], None] | None = None
    beletsels: Callable[[TeVernietigen], Iterable[Beletsel]] | None = None


_OPRUIMERS: dict[str, Opruimer] = {}


def opruimer_registreren(opruimer: Opruimer) -> None:
    """Register (or replace, by name) a handler. Call from the owning app's ``ready``."""
    _OPRUIMERS[opruimer.naam] = opruimer


def opruimers() -> list[Opruimer]:
    return list(_OPRUIMERS.values())


@dataclass
class Verslag:
    """What a run did (or, with ``proefdraai``, would do): counts only."""

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
    """The absolute path of a stored file; refuses anything outside PRIVATE_MEDIA_ROOT."""
    basis = Path(settings.PRIVATE_MEDIA_ROOT).resolve()
    volledig = (basis / relatief).resolve()
    if basis not in volledig.parents:
        raise ValueError("path outside PRIVATE_MEDIA_ROOT")
    return volledig


def bewaartermijnen_toepassen(
    *, peildatum: date | None = None, proefdraai: bool = False, door: str = "systeem"
) -> Verslag:
    """Destroy every closed dossier past its retention term (R69) and every log entry past
    its own (R70); write a verklaring van vernietiging of each.

    ``proefdraai``: do everything inside the transactions and roll them back; the report counts
    what would happen, nothing changes (no files either).
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
    """R70: log entries without a kept dossier, past their term, in portions."""
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
