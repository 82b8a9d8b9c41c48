"""Domain facts going to DUO: the one narrow interface the domain apps report through (ADR 0049).

A domain app states what happened as a typed, frozen fact (``PipVastgesteld``, ``UrenGevolgd``,
…) and calls :func:`melden` inside the transaction of its own change. The DUO integration
registers one handler per kind of fact (in its ``AppConfig.ready``); the handler checks DUO's
acceptance rules with ``regels`` once more and writes the outbox row. So the change and the
message commit together or not at all, and a refusal on a rule reaches the caller as a
:class:`~openinburgering.core.exceptions.Geweigerd` naming the rule, with nothing saved.

There is no fallback: without a registered handler :func:`melden` raises
:class:`KetenNietIngericht`, because a fact that silently goes nowhere is a fact DUO never hears.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, get_args
from uuid import UUID

from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.db.models import Model

from openinburgering.regels.aanbod import Aanbod
from openinburgering.regels.base import Termijn
from openinburgering.regels.codes import JaNee, Leerroute
from openinburgering.regels.pip import Pip, PipContext

#: The ``accounts.context.Actor`` who acts; not imported, because accounts builds on core.
Actor = Any


class KetenNietIngericht(ImproperlyConfigured):
    """No handler is registered for this kind of fact: the DUO integration is not installed."""


@dataclass(frozen=True)
class Ontvangst:
    """What the chain did with a fact: the outbox row (``uuid``) and the body DUO gets.

    ``bericht`` is None for a fact that needs no message to DUO (only the chain's own work,
    such as closing a work item).
    """

    bericht: UUID | None = None
    inhoud: dict[str, Any] | None = None


# --- the facts ---------------------------------------------------------------------------------
# ``inburgeraar`` is the person's ``Inburgeraar`` row; typed as a model because the foundation
# does not import the domain apps.


@dataclass(frozen=True)
class PipVastgesteld:
    """A PIP (first or changed) was set as a beschikking: DUO registers it (R11–R18 first)."""

    inburgeraar: Model
    pip: Pip
    #: What the PIP rules knew when it was set (earlier PIPs, the term, the LBT).
    context: PipContext | None = None


@dataclass(frozen=True)
class AanbodGedaan:
    """The gemeente offered courses at one institution (R36, R37, R38, R54 first)."""

    inburgeraar: Model
    aanbod: Aanbod
    leerroute: Leerroute | None
    huidige_pip_dagtekening: date | None
    termijn: Termijn | None = None


#: DUO's three totals of hours (Gevolgde Uren API).
UREN_SOORTEN = ("taalles_knm_brede_intake", "participatieactiviteiten", "participatie_taalles")
#: The maximum of every total (``uren`` maximum 9999 in DUO's schema).
UREN_MAXIMUM = 9999


@dataclass(frozen=True)
class UrenGevolgd:
    """A new total of one of DUO's three kinds of hours (it replaces the old total)."""

    inburgeraar: Model
    soort: str
    uren: int


@dataclass(frozen=True)
class ParticipatieAfgerond:
    """The MAP final interview or the signed participatieverklaring (PVT), R39 and R40 first.

    ``datum`` None withdraws the date at DUO (a PUT without it).
    """

    inburgeraar: Model
    onderdeel: str  # "MAP" or "PVT"
    datum: date | None
    verwijtbaar: JaNee | None = None
    termijn: Termijn | None = None
    eigen_huidig_pip: bool = True
    zroute_afronding: date | None = None


@dataclass(frozen=True)
class ZrouteAfgerond:
    """The Z-route is completed (R41 on the totals DUO holds)."""

    inburgeraar: Model
    datum: date
    taaluren: int
    participatieuren: int


@dataclass(frozen=True)
class LbtOvergeslagen:
    """The leerbaarheidstoets is skipped for a visual or auditory impairment (R27)."""

    inburgeraar: Model
    visuele_beperking: bool
    auditieve_beperking: bool


@dataclass(frozen=True)
class PersoonsgegevensAangevuld:
    """The caseworker filled in the name and date of birth DUO does not give (no message to
    DUO; the chain closes the work item that asked for them)."""

    inburgeraar: Model


@dataclass(frozen=True)
class DossierOvergedragen:
    """The person moved and the dossier was closed and handed over (R76): the chain stops the
    open work it holds for the dossier (no message to DUO; DUO learns of the move itself)."""

    inburgeraar: Model


Feit = (
    PipVastgesteld
    | AanbodGedaan
    | UrenGevolgd
    | ParticipatieAfgerond
    | ZrouteAfgerond
    | LbtOvergeslagen
    | PersoonsgegevensAangevuld
    | DossierOvergedragen
)
FEITEN: tuple[type, ...] = get_args(Feit)

Afhandelaar = Callable[[Any, Actor], Ontvangst]

_afhandelaars: dict[type, Afhandelaar] = {}


def registreer[F](soort: type[F], afhandelaar: Callable[[F, Actor], Ontvangst]) -> None:
    """Register the handler of one kind of fact (the DUO integration, in ``ready``)."""
    if soort not in FEITEN:
        raise TypeError(f"{soort.__name__} is not a fact of keten.uitgaand")
    _afhandelaars[soort] = afhandelaar


def melden(feit: Feit, *, actor: Actor) -> Ontvangst:
    """Hand a domain fact to the chain, in the caller's transaction.

    A refusal (a ``Geweigerd`` naming DUO's rule) leaves nothing of the handler's work behind;
    the caller's own transaction decides about the rest.
    """
    afhandelaar = _afhandelaars.get(type(feit))
    if afhandelaar is None:
        raise KetenNietIngericht(
            f"No handler for {type(feit).__name__}: add openinburgering.integrations.duo to "
            "INSTALLED_APPS (it registers the handlers of keten.uitgaand)."
        )
    with transaction.atomic():
        return afhandelaar(feit, actor)
