"""Every write of the subscriptions: the subscriptions themselves (the functioneel beheerder), the
outbox rows of a published fact (in the publisher's transaction), and offering a given-up
delivery again (ADR 0072)."""

from __future__ import annotations

from collections import defaultdict
from urllib.parse import urlsplit
from uuid import uuid4

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

import structlog

from openinburgering.accounts.context import Actor
from openinburgering.accounts.rollen import Recht
from openinburgering.core.exceptions import Conflict, Geweigerd
from openinburgering.core.publicatie import Feit, Soort

from . import cloudevents, ondertekenen
from .models import Abonnement, Bericht, Bezorging, BezorgStatus

logger = structlog.get_logger(__name__)


# --- the outbox: written in the publisher's transaction ------------------------------------------


def feiten_vastleggen(feiten: list[Feit]) -> None:
    """The listener of ``core.publicatie``: one event row per fact that an active subscription
    of its gemeente wants, and one delivery row per such subscription. One query when nobody
    listens, three when someone does, however many facts."""
    gemeente_ids = {feit.gemeente_id for feit in feiten}
    abonnementen: dict[int, list[tuple[int, set[str]]]] = defaultdict(list)
    oins: dict[int, str] = {}
    for pk, gemeente_id, soorten, oin in Abonnement.objects.filter(
        gemeente_id__in=gemeente_ids, actief=True
    ).values_list("pk", "gemeente_id", "soorten", "gemeente__oin"):
        abonnementen[gemeente_id].append((pk, set(soorten)))
        oins[gemeente_id] = oin
    if not abonnementen:
        return
    berichten: list[tuple[Bericht, list[int]]] = []
    for feit in feiten:
        wie = [pk for pk, soorten in abonnementen[feit.gemeente_id] if feit.soort in soorten]
        if not wie:
            continue
        bericht_id = uuid4()
        event = cloudevents.cloudevent(feit, id=bericht_id, oin=oins[feit.gemeente_id])
        bericht = Bericht(
            uuid=bericht_id,
            gemeente_id=feit.gemeente_id,
            soort=feit.soort,
            onderwerp=feit.onderwerp,
            volgorde_sleutel=str(feit.dossier or feit.onderwerp),
            inhoud=cloudevents.als_json(event),
            aangemaakt_op=feit.tijdstip,
        )
        berichten.append((bericht, wie))
    if not berichten:
        return
    Bericht.objects.bulk_create([b for b, _wie in berichten])
    nu = timezone.now()
    Bezorging.objects.bulk_create(
        Bezorging(
            abonnement_id=pk,
            bericht=bericht,
            volgorde_sleutel=f"{pk}:{bericht.volgorde_sleutel}",
            volgende_poging_op=nu,
            aangemaakt_op=nu,
        )
        for bericht, wie in berichten
        for pk in wie
    )
    from . import tasks

    transaction.on_commit(lambda: tasks.bezorgen.enqueue())


# --- subscriptions -------------------------------------------------------------------------------


def _gebruiker(actor: Actor) -> int | None:
    """Who changed it, for the log: the user's id (never a name)."""
    return actor.user.pk if actor.user is not None else None


def _mag(actor: Actor) -> None:
    if not actor.mag(Recht.ABONNEMENTEN_BEHEREN):
        raise Geweigerd(_("U mag geen abonnementen beheren."))


def abonnement_fouten(*, naam: str, url: str, soorten: list[str]) -> dict[str, str]:
    """What is wrong with these values for a subscription, per field (empty: nothing)."""
    fouten: dict[str, str] = {}
    if not naam.strip():
        fouten["naam"] = _("Geef het abonnement een naam.")
    delen = urlsplit(url)
    if delen.scheme not in ("http", "https") or not delen.hostname:
        fouten["url"] = _(
            "Vul een volledige URL in, bijvoorbeeld https://zaaksysteem.example/hook."
        )
    elif settings.ABONNEMENTEN_HTTPS_VERPLICHT and delen.scheme != "https":
        fouten["url"] = _("De callback-URL moet met https:// beginnen.")
    elif delen.username or delen.password:
        fouten["url"] = _("Zet geen gebruikersnaam of wachtwoord in de URL.")
    if not soorten:
        fouten["soorten"] = _("Kies ten minste één soort gebeurtenis.")
    elif set(soorten) - set(Soort.values):
        fouten["soorten"] = _("Kies alleen soorten uit de lijst.")
    return fouten


@transaction.atomic
def abonnement_aanmaken(
    *, actor: Actor, naam: str, url: str, soorten: list[str]
) -> tuple[Abonnement, str]:
    """A new subscription with a fresh secret; returns it with the secret in clear, to show once."""
    _mag(actor)
    if fouten := abonnement_fouten(naam=naam, url=url, soorten=soorten):
        raise ValidationError(fouten)
    geheim = ondertekenen.nieuw_geheim()
    abonnement = Abonnement.objects.create(
        gemeente=actor.gemeente,
        naam=naam.strip(),
        url=url.strip(),
        soorten=sorted(set(soorten)),
        geheim_versleuteld=ondertekenen.versleutel(geheim),
    )
    logger.info(
        "abonnement_aangemaakt", abonnement=str(abonnement.uuid), gebruiker=_gebruiker(actor)
    )
    return abonnement, geheim


@transaction.atomic
def abonnement_wijzigen(
    *,
    actor: Actor,
    abonnement: Abonnement,
    versie: int | None,
    naam: str,
    url: str,
    soorten: list[str],
    actief: bool,
) -> Abonnement:
    _mag(actor)
    if fouten := abonnement_fouten(naam=naam, url=url, soorten=soorten):
        raise ValidationError(fouten)
    verwacht = abonnement.versie if versie is None else versie
    if not Abonnement.objects.filter(
        pk=abonnement.pk, gemeente=actor.gemeente, versie=verwacht
    ).update(
        naam=naam.strip(),
        url=url.strip(),
        soorten=sorted(set(soorten)),
        actief=actief,
        gewijzigd_op=timezone.now(),
        versie=F("versie") + 1,
    ):
        raise Conflict()
    abonnement.refresh_from_db()
    logger.info(
        "abonnement_gewijzigd", abonnement=str(abonnement.uuid), gebruiker=_gebruiker(actor)
    )
    return abonnement


@transaction.atomic
def geheim_vernieuwen(*, actor: Actor, abonnement: Abonnement) -> str:
    """A new secret (the old one stops at once); returns it in clear, to show once."""
    _mag(actor)
    geheim = ondertekenen.nieuw_geheim()
    Abonnement.objects.filter(pk=abonnement.pk, gemeente=actor.gemeente).update(
        geheim_versleuteld=ondertekenen.versleutel(geheim),
        gewijzigd_op=timezone.now(),
        versie=F("versie") + 1,
    )
    logger.info(
        "abonnement_geheim_vernieuwd", abonnement=str(abonnement.uuid), gebruiker=_gebruiker(actor)
    )
    return geheim


@transaction.atomic
def opnieuw_aanbieden(*, actor: Actor, bezorging: Bezorging) -> Bezorging:
    """Offer a given-up delivery again: the same event (same ``id``, same body). The events of
    that dossier written after it, which waited behind it, follow in order."""
    _mag(actor)
    nu = timezone.now()
    if not Bezorging.objects.filter(
        pk=bezorging.pk, abonnement__gemeente=actor.gemeente, status=BezorgStatus.DOOD
    ).update(
        status=BezorgStatus.WACHTEND,
        volgende_poging_op=nu,
        opnieuw_aangeboden_op=nu,
        eerste_poging_op=None,
        afgerond_op=None,
    ):
        raise Geweigerd(_("Alleen een opgegeven bezorging kan opnieuw worden verstuurd."))
    bezorging.refresh_from_db()
    from . import tasks

    transaction.on_commit(lambda: tasks.bezorgen.enqueue())
    logger.info(
        "abonnement_bezorging_opnieuw", bezorging=str(bezorging.uuid), gebruiker=_gebruiker(actor)
    )
    return bezorging
