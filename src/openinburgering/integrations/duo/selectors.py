"""Every read of the DUO integration for views. The tenant filter is applied here, once."""

from django.db.models import Count
from django.http import Http404

from openinburgering.accounts.context import Actor

from .models import (
    Afstemming,
    Contactpersoon,
    ContactpersoonKoppeling,
    IntegriteitsIncident,
    Notificatie,
    NotificatieStatus,
    UitgaandBericht,
    UitgaandStatus,
    Werkitem,
    WerkitemStatus,
)


def _get(qs, uuid):
    try:
        return qs.get(uuid=uuid)
    except (qs.model.DoesNotExist, ValueError, TypeError):
        # Another gemeente's object is indistinguishable from one that does not exist.
        raise Http404 from None


def notificatie_list(*, actor: Actor, status: str = ""):
    qs = Notificatie.objects.filter(gemeente=actor.gemeente).order_by("-ontvangen_op", "-id")
    if status:
        qs = qs.filter(status=status)
    return qs


def notificatie_tellingen(*, actor: Actor) -> dict[str, int]:
    rijen = (
        Notificatie.objects.filter(gemeente=actor.gemeente)
        .values("status")
        .annotate(n=Count("id"))
        .order_by()
    )
    tellingen = {status: 0 for status in NotificatieStatus.values}
    tellingen.update({r["status"]: r["n"] for r in rijen})
    return tellingen


def incident_list(*, actor: Actor, open_only: bool = False):
    qs = IntegriteitsIncident.objects.filter(gemeente=actor.gemeente).select_related("notificatie")
    if open_only:
        qs = qs.filter(afgehandeld_op__isnull=True)
    return qs.order_by("-laatste_keer_op", "-id")


def incident_get(*, actor: Actor, uuid) -> IntegriteitsIncident:
    return _get(incident_list(actor=actor), uuid)


def uitgaand_list(*, actor: Actor, statussen=None):
    qs = UitgaandBericht.objects.filter(gemeente=actor.gemeente).order_by("-aangemaakt_op", "-id")
    if statussen:
        qs = qs.filter(status__in=list(statussen))
    return qs


def uitgaand_tellingen(*, actor: Actor) -> dict[str, int]:
    rijen = (
        UitgaandBericht.objects.filter(gemeente=actor.gemeente)
        .values("status")
        .annotate(n=Count("id"))
        .order_by()
    )
    tellingen = {status: 0 for status in UitgaandStatus.values}
    tellingen.update({r["status"]: r["n"] for r in rijen})
    return tellingen


def uitgaand_get(*, actor: Actor, uuid) -> UitgaandBericht:
    return _get(UitgaandBericht.objects.filter(gemeente=actor.gemeente), uuid)


def portal_list(*, actor: Actor):
    return (
        uitgaand_list(actor=actor, statussen=[UitgaandStatus.PORTAL_TE_DOEN])
        .select_related("inburgeraar", "contactpersoon")
        .order_by("aangemaakt_op", "id")
    )


def uitgaand_voor_dossier(*, actor: Actor, dossier, limiet: int = 10):
    return uitgaand_list(actor=actor).filter(inburgeraar__dossier=dossier)[:limiet]


def werkitem_list(*, actor: Actor, status: str = WerkitemStatus.OPEN):
    qs = Werkitem.objects.filter(gemeente=actor.gemeente).select_related("dossier__inburgeraar")
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("deadline", "aangemaakt_op", "id")


def werkitem_voor_dossier(*, actor: Actor, dossier):
    return werkitem_list(actor=actor).filter(dossier=dossier)


def werkitem_get(*, actor: Actor, uuid) -> Werkitem:
    return _get(werkitem_list(actor=actor, status=""), uuid)


def afstemming_list(*, actor: Actor, limiet: int = 20):
    return Afstemming.objects.filter(gemeente=actor.gemeente).order_by("-gestart_op", "-id")[
        :limiet
    ]


# --- the gemeente's contact persons at DUO (staff data, no inburgeraar's personal data) ---------


def contactpersoon_list(*, actor: Actor):
    """The gemeente's current contact persons, each with how many inburgeraars it is linked to."""
    return Contactpersoon.objects.filter(gemeente=actor.gemeente, verwijderd=False).annotate(
        aantal_gekoppeld=Count("koppelingen")
    )


def contactpersoon_get(*, actor: Actor, uuid) -> Contactpersoon:
    return _get(Contactpersoon.objects.filter(gemeente=actor.gemeente, verwijderd=False), uuid)


def contactpersoon_keuzes(*, actor: Actor, limiet: int = 500) -> list[Contactpersoon]:
    """The contact persons to choose from when linking one to a dossier, by name."""
    return list(
        Contactpersoon.objects.filter(gemeente=actor.gemeente, verwijderd=False).order_by(
            "naam", "id"
        )[:limiet]
    )


def contactpersoon_van_inburgeraar(*, actor: Actor, inburgeraar) -> Contactpersoon | None:
    koppeling = (
        ContactpersoonKoppeling.objects.filter(
            inburgeraar=inburgeraar,
            inburgeraar__gemeente=actor.gemeente,
            contactpersoon__verwijderd=False,
        )
        .select_related("contactpersoon")
        .first()
    )
    return koppeling.contactpersoon if koppeling else None
