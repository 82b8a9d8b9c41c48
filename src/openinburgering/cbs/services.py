"""Every write of the CBS delivery: ask for a build, build it (the task), record the delivery.

A build reads every person of the quarter (R81): it runs as a task, shows its progress on the
delivery's page, writes a processing-log record per person and gemeente, and keeps the file it
validated against the schema (``formaat``). Delivering happens in CBS's portal; the system
records who delivered which file when. Late data go in a correction of the same quarter.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

import structlog

from openinburgering.accounts.context import Actor
from openinburgering.accounts.models import User
from openinburgering.accounts.rollen import Recht, heeft_recht
from openinburgering.gemeenten.models import Gemeente, Lidmaatschap
from openinburgering.logboek.models import Activiteit
from openinburgering.logboek.services import verwerkingen_vastleggen

from . import controle, formaat, selectors
from .models import Levering, LeveringStatus

logger = structlog.get_logger(__name__)


def gemeenten_voor(*, user: User) -> list[Gemeente]:
    """The gemeenten this user may deliver for: every membership whose role has the right."""
    return [
        lm.gemeente
        for lm in Lidmaatschap.objects.filter(user=user).select_related("gemeente")
        if heeft_recht(lm.rol, Recht.CBS_AANLEVEREN)
    ]


@transaction.atomic
def levering_aanvragen(
    *,
    actor: Actor,
    gemeenten: Sequence[Gemeente],
    jaar: int,
    kwartaal: int,
    vervangt: Levering | None = None,
) -> Levering:
    """Store the request and enqueue the build; nothing is read here."""
    from . import tasks

    if not actor.mag(Recht.CBS_AANLEVEREN) or actor.user is None:
        raise ValidationError(_("U mag geen levering aan het CBS samenstellen."))
    if vervangt is not None:
        if vervangt.status != LeveringStatus.AANGELEVERD:
            raise ValidationError(
                _("Alleen een levering die al aan het CBS is aangeleverd kan worden gecorrigeerd.")
            )
        gemeenten = list(vervangt.gemeenten.all())
        jaar, kwartaal = vervangt.jaar, vervangt.kwartaal
    if not 1 <= kwartaal <= 4:
        raise ValidationError(_("Een kwartaal is 1, 2, 3 of 4."))
    if not gemeenten:
        raise ValidationError(_("Kies ten minste één gemeente."))
    toegestaan = {g.pk for g in gemeenten_voor(user=actor.user)}
    if actor.gemeente.pk not in toegestaan or any(g.pk not in toegestaan for g in gemeenten):
        raise ValidationError(
            _(
                "U levert alleen voor gemeenten waar uw rol het recht heeft om aan het CBS te "
                "leveren."
            )
        )
    levering = Levering.objects.create(
        gemeente=actor.gemeente,
        jaar=jaar,
        kwartaal=kwartaal,
        vervangt=vervangt,
        aangemaakt_door=actor.user,
    )
    levering.gemeenten.set(gemeenten)
    # As the hours upload does (ADR 0055): the job row commits with the request.
    tasks.cbs_levering_samenstellen.enqueue(levering.pk)
    logger.info("cbs_levering_aangevraagd", levering=str(levering.uuid), correctie=bool(vervangt))
    return levering


def samenstellen(*, levering_id: int) -> str:
    """The task's work: read every person of the quarter, check them, build and validate the file.

    Idempotent: a delivery that no longer waits is left as it is. Progress is saved after every
    batch, so the page's progress bar moves while the build runs.
    """
    with transaction.atomic():
        levering = Levering.objects.select_for_update().filter(pk=levering_id).first()
        if levering is None or levering.status != LeveringStatus.WACHT:
            return levering.status if levering else "onbekend"
        levering.status = LeveringStatus.BEZIG
        levering.gestart_op = timezone.now()
        levering.save(update_fields=["status", "gestart_op"])
    try:
        return _samenstellen(levering)
    except Exception:
        # The reason goes to the log by the levering's uuid; the page says it failed, no detail
        # that could hold personal data.
        logger.exception("cbs_levering_mislukt", levering=str(levering.uuid))
        Levering.objects.filter(pk=levering.pk).update(
            status=LeveringStatus.MISLUKT,
            klaar_op=timezone.now(),
            melding=_(
                "Het samenstellen is mislukt. Probeer het opnieuw of meld het aan de beheerder."
            ),
        )
        return LeveringStatus.MISLUKT


def _samenstellen(levering: Levering) -> str:
    gemeenten = sorted(levering.gemeenten.all(), key=lambda g: g.code)
    ids = selectors.dossier_ids(gemeenten=gemeenten, jaar=levering.jaar, kwartaal=levering.kwartaal)
    Levering.objects.filter(pk=levering.pk).update(totaal=len(ids), verwerkt=0)
    gebruiker = levering.aangemaakt_door
    personen: list[formaat.Persoonsgegevens] = []
    rapport = []
    verwerkt = 0
    for batch in selectors.dossiers_in_batches(
        ids=ids, jaar=levering.jaar, kwartaal=levering.kwartaal
    ):
        per_gemeente: dict[int, list[str]] = {}
        for dossier in batch:
            persoon = selectors.persoonsgegevens(
                dossier, jaar=levering.jaar, kwartaal=levering.kwartaal
            )
            personen.append(persoon)
            codes = controle.controleren(dossier, persoon)
            if codes:
                rapport.append(controle.rij(dossier, codes))
            per_gemeente.setdefault(dossier.gemeente_id, []).append(dossier.inburgeraar.pseudoniem)
        with transaction.atomic():
            for gemeente in gemeenten:
                if gemeente.pk in per_gemeente:
                    verwerkingen_vastleggen(
                        actor=Actor(gemeente=gemeente, user=gebruiker, systeem="cbs"),
                        activiteit=Activiteit.CBS_SAMENGESTELD,
                        pseudoniemen=per_gemeente[gemeente.pk],
                    )
            verwerkt += len(batch)
            Levering.objects.filter(pk=levering.pk).update(verwerkt=verwerkt)
    kop = formaat.Kop(
        berichtgever_naam=levering.gemeente.naam,
        berichtgever_code=levering.gemeente.code,
        jaar=levering.jaar,
        kwartaal=levering.kwartaal,
        correctie=levering.correctie,
        aangemaakt=timezone.localtime(),
        gemeentecodes=tuple(g.code for g in gemeenten),
    )
    inhoud = formaat.bestand_maken(kop, personen)
    fouten = formaat.valideren(inhoud)
    if fouten:
        # Our own data broke the schema: keep nothing of the file, say how many errors.
        logger.error("cbs_bestand_ongeldig", levering=str(levering.uuid), fouten=len(fouten))
        Levering.objects.filter(pk=levering.pk).update(
            status=LeveringStatus.MISLUKT,
            klaar_op=timezone.now(),
            controle=rapport,
            melding=_("Het bestand voldoet niet aan het schema (%(n)s fouten): %(eerste)s")
            % {"n": len(fouten), "eerste": fouten[0][:300]},
        )
        return LeveringStatus.MISLUKT
    Levering.objects.filter(pk=levering.pk).update(
        status=LeveringStatus.KLAAR,
        klaar_op=timezone.now(),
        bestand=inhoud,
        bestand_sha256=hashlib.sha256(inhoud).hexdigest(),
        formaatversie=formaat.FORMAATVERSIE,
        aantal_personen=len(personen),
        controle=rapport,
    )
    logger.info(
        "cbs_levering_klaar",
        levering=str(levering.uuid),
        personen=len(personen),
        bevindingen=sum(len(r["bevindingen"]) for r in rapport),
    )
    return LeveringStatus.KLAAR


#: A build that has been "bezig" this long lost its worker (killed, restarted): it will not end
#: by itself. Nothing of it was kept (the file is saved at the very end).
AFGEBROKEN_NA = timedelta(minutes=30)


def afgebroken(levering: Levering, *, nu: datetime | None = None) -> bool:
    return (
        levering.status == LeveringStatus.BEZIG
        and levering.gestart_op is not None
        and levering.gestart_op < (nu or timezone.now()) - AFGEBROKEN_NA
    )


def _betrokkenen(levering: Levering) -> dict[int, list[str]]:
    """The pseudonyms of the people in the file, per gemeente, read from the file's BSNs."""
    from lxml import etree

    from openinburgering.core import bsn as bsn_tools

    per_gemeente: dict[int, list[str]] = {}
    codes = {g.code: g.pk for g in levering.gemeenten.all()}
    document = etree.fromstring(bytes(levering.bestand))
    for gemeente in document.iter(f"{{{formaat.NAMESPACE}}}Gemeente"):
        pk = codes[gemeente.get("code")]
        per_gemeente[pk] = [
            bsn_tools.pseudoniem(el.text or "")
            for el in gemeente.iter(f"{{{formaat.NAMESPACE}}}BSN")
        ]
    return per_gemeente


@transaction.atomic
def bestand_downloaden(*, actor: Actor, levering: Levering) -> bytes:
    """The file's bytes, with a processing-log record per person in it (it holds their BSN)."""
    if levering.status not in (LeveringStatus.KLAAR, LeveringStatus.AANGELEVERD):
        raise ValidationError(_("Er is (nog) geen bestand om te downloaden."))
    gemeenten = {g.pk: g for g in levering.gemeenten.all()}
    for pk, pseudoniemen in _betrokkenen(levering).items():
        verwerkingen_vastleggen(
            actor=Actor(gemeente=gemeenten[pk], user=actor.user, rol=actor.rol),
            activiteit=Activiteit.CBS_GEDOWNLOAD,
            pseudoniemen=pseudoniemen,
        )
    return bytes(levering.bestand)


@transaction.atomic
def aangeleverd_vastleggen(
    *, actor: Actor, levering: Levering, aangeleverd_op: datetime, kenmerk_cbs: str = ""
) -> Levering:
    """Record that this file was uploaded to CBS's portal: when, by whom, CBS's reference."""
    levering = Levering.objects.select_for_update().get(pk=levering.pk)
    if levering.status != LeveringStatus.KLAAR:
        raise ValidationError(
            _("Alleen een klaarstaand bestand kan als aangeleverd worden vastgelegd.")
        )
    if aangeleverd_op > timezone.now():
        raise ValidationError({"aangeleverd_op": _("Een levering kan niet in de toekomst liggen.")})
    # The form asks for minutes: the minute the file was ready counts as after it.
    klaar = levering.klaar_op.replace(second=0, microsecond=0)  # type: ignore[union-attr]
    if aangeleverd_op < klaar:
        raise ValidationError(
            {"aangeleverd_op": _("Het bestand was toen nog niet klaar; kies een later tijdstip.")}
        )
    levering.status = LeveringStatus.AANGELEVERD
    levering.aangeleverd_op = aangeleverd_op
    levering.aangeleverd_door = actor.user
    levering.kenmerk_cbs = kenmerk_cbs.strip()[:100]
    levering.save(update_fields=["status", "aangeleverd_op", "aangeleverd_door", "kenmerk_cbs"])
    logger.info("cbs_levering_aangeleverd", levering=str(levering.uuid))
    return levering
