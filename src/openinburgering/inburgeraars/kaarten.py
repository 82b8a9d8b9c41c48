"""The dossier page's cards: one register, filled by the app that owns each card (ADR 0051).

The dossier page is inburgeraars'; what else it shows about the person (the traject, DUO, the
language school, work items, intake and PIP, ...) belongs to other apps. Each registers a
:class:`Dossierkaart` from its ``AppConfig.ready``: its place, title, the right a reader needs,
a context function and its own template. The page renders each card's template with that
context and wraps it in the same card frame; no app includes another app's template, and
inburgeraars imports none of them.

A context function reads what its card needs for one dossier in a fixed number of queries:
the page's query count does not grow with what a dossier holds.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.template.loader import render_to_string
from django.utils.functional import Promise
from django.utils.safestring import SafeString

if TYPE_CHECKING:
    from django.http import HttpRequest

    from openinburgering.accounts.context import Actor
    from openinburgering.accounts.rollen import Recht

    from .models import Dossier, Inburgeraar


@dataclass(frozen=True)
class KaartVerzoek:
    """What a card's context function gets: who reads which dossier, in which request."""

    request: HttpRequest
    actor: Actor
    inburgeraar: Inburgeraar
    dossier: Dossier


@dataclass(frozen=True)
class Dossierkaart:
    naam: str
    volgorde: int
    titel: str | Promise
    sjabloon: str
    context: Callable[[KaartVerzoek], dict[str, Any]]
    #: The right a reader needs to see the card at all (beside reading the dossier).
    recht: Recht | None = None


@dataclass(frozen=True)
class GetoondeKaart:
    naam: str
    titel: str | Promise
    html: SafeString


_KAARTEN: dict[str, Dossierkaart] = {}


def kaart_registreren(kaart: Dossierkaart) -> None:
    """Register (or replace, by name) a card. Call from the owning app's ``ready``."""
    _KAARTEN[kaart.naam] = kaart


def kaarten() -> list[Dossierkaart]:
    return sorted(_KAARTEN.values(), key=lambda k: (k.volgorde, k.naam))


def kaarten_tonen(verzoek: KaartVerzoek) -> list[GetoondeKaart]:
    """The cards this reader may see, in order, each rendered from its own app's template."""
    uit = []
    for kaart in kaarten():
        if kaart.recht is not None and not verzoek.actor.mag(kaart.recht):
            continue
        context = {"inburgeraar": verzoek.inburgeraar, "dossier": verzoek.dossier}
        context.update(kaart.context(verzoek))
        html = render_to_string(kaart.sjabloon, context, request=verzoek.request)
        uit.append(GetoondeKaart(kaart.naam, kaart.titel, SafeString(html)))
    return uit
