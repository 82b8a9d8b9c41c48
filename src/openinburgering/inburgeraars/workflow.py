"""The dossier's status workflow as a transition table, with one guard."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    AANGEMELD = "aangemeld", _("Aangemeld")
    INTAKE = "intake", _("Brede intake")
    PIP_VASTGESTELD = "pip_vastgesteld", _("PIP vastgesteld")
    IN_UITVOERING = "in_uitvoering", _("In uitvoering")
    AFGEROND = "afgerond", _("Afgerond")


class Eindreden(models.TextChoices):
    """Why a dossier ends: the ways the law ends the duty (DUO SS106–SS111) or our role in it."""

    VOLDAAN = "voldaan", _("Inburgeringsplicht voldaan")
    VRIJGESTELD = "vrijgesteld", _("Vrijgesteld")
    ONTHEVEN = "ontheven", _("Ontheven")
    VERHUISD = "verhuisd", _("Verhuisd naar een andere gemeente")
    PLICHT_VERVALLEN = "plicht_vervallen", _("Inburgeringsplicht vervallen")
    OVERLEDEN = "overleden", _("Overleden")


# The end reasons are open from every active status: DUO can end the duty at any moment.
_ACTIEF = (Status.AANGEMELD, Status.INTAKE, Status.PIP_VASTGESTELD, Status.IN_UITVOERING)

OVERGANGEN: dict[Status, frozenset[Status]] = {
    Status.AANGEMELD: frozenset({Status.INTAKE, Status.AFGEROND}),
    Status.INTAKE: frozenset({Status.PIP_VASTGESTELD, Status.AFGEROND}),
    Status.PIP_VASTGESTELD: frozenset({Status.IN_UITVOERING, Status.AFGEROND}),
    Status.IN_UITVOERING: frozenset({Status.AFGEROND}),
    Status.AFGEROND: frozenset(),
}


@dataclass(frozen=True)
class Weigering:
    reden: str


def toegestane_overgangen(van: str) -> list[Status]:
    return sorted(OVERGANGEN[Status(van)], key=list(Status).index)


def controleer_overgang(*, van: str, naar: str, eindreden: str | None) -> Weigering | None:
    """Return why a transition is refused, or None when it is allowed."""
    van_status, naar_status = Status(van), Status(naar)
    if naar_status not in OVERGANGEN[van_status]:
        if van_status == Status.AFGEROND:
            return Weigering(str(_("Dit dossier is afgerond; de status kan niet meer veranderen.")))
        return Weigering(
            str(
                _("Van ‘%(van)s’ kan een dossier niet naar ‘%(naar)s’. Mogelijk: %(mogelijk)s.")
                % {
                    "van": van_status.label,
                    "naar": naar_status.label,
                    "mogelijk": ", ".join(str(s.label) for s in toegestane_overgangen(van)),
                }
            )
        )
    if naar_status == Status.AFGEROND and not eindreden:
        return Weigering(str(_("Kies bij afronden een reden.")))
    if naar_status != Status.AFGEROND and eindreden:
        return Weigering(str(_("Een reden hoort alleen bij afronden.")))
    if eindreden and eindreden not in Eindreden.values:
        return Weigering(str(_("Onbekende reden voor afronden.")))
    return None


#: Conditions on a status that the transition table cannot know, registered by the app that
#: owns the fact (pip: "PIP vastgesteld" needs a vastgesteld PIP). Each returns why the dossier
#: may not get the status, or None.
_VOORWAARDEN: dict[Status, list[Callable[[Any, Status], Weigering | None]]] = {}


def voorwaarde_registreren(
    *, naar: Iterable[str], controle: Callable[[Any, Status], Weigering | None]
) -> None:
    """Add a condition for reaching the statuses ``naar`` (from an app's ``AppConfig.ready``)."""
    for status in naar:
        lijst = _VOORWAARDEN.setdefault(Status(status), [])
        if controle not in lijst:
            lijst.append(controle)


def controleer_voorwaarden(*, dossier, naar: str) -> Weigering | None:
    """Why ``dossier`` may not get status ``naar`` by a registered condition, or None."""
    status = Status(naar)
    for controle in _VOORWAARDEN.get(status, []):
        if (weigering := controle(dossier, status)) is not None:
            return weigering
    return None
