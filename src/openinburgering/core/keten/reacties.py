"""Reactions to DUO's events, registered per event id by the app that owns the consequence.

What an event means is ``regels.duo``'s business (its ``Gevolg``); which app acts on it is
registered here (ADR 0050). An app registers its reactions in its own
``reacties.py`` from ``AppConfig.ready()``; the DUO integration stores the event, applies the
generic part of its meaning (timeline, dossier status, its own work items) and then calls
:func:`reageren` in the same transaction. The integration therefore imports no domain app, and a
domain app never sees DUO's client or models: it gets a :class:`DuoGebeurtenis`.

The registry also carries the hook to bundle the listeners' work for a batch of the chain
(:func:`gebundeld`); that a dossier changed goes through ``core.dossierfeiten`` like any other
change (:func:`dossier_gewijzigd`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from openinburgering.core import dossierfeiten
from openinburgering.regels.codes import Gebeurtenis
from openinburgering.regels.duo import Domeingevolg, Gevolg, gevolg_van_gebeurtenis

# --- what a reaction receives -------------------------------------------------------------------


@dataclass(frozen=True)
class LbtUitslag:
    """DUO's result of the leerbaarheidstoets (Leerbaarheidstoets API)."""

    resultaat: str
    #: As DUO writes it ("29,00"); ``regels.intake.lees_score`` reads it.
    behaalde_score: str
    benodigde_score: str
    datum_afname: date


@dataclass(frozen=True)
class Examenuitslag:
    """One exam result (Examen API)."""

    onderdeel: str
    niveau: str
    examendatum: date
    resultaat: str
    reden_geen_resultaat: str = ""


@dataclass(frozen=True)
class GratisPogingen:
    """Free attempts left for one exam component (Examen API)."""

    onderdeel: str
    tegoed: int


@dataclass(frozen=True)
class DuoGebeurtenis:
    """One DUO event as a domain app sees it: no DUO models, no DUO client."""

    gebeurtenis: Gebeurtenis
    #: What ``regels.duo`` says the event means.
    gevolg: Gevolg
    #: The person (``inburgeraars.models.Inburgeraar``) and who acts (``accounts.context.Actor``,
    #: the DUO chain): typed loosely, because ``core`` sits below both.
    inburgeraar: Any
    actor: Any
    #: When DUO registered the event (``registratieDatumTijd``).
    tijdstip: datetime
    meldingsdatum: date
    #: The person was created by this very event: nothing of theirs is stored yet, so a reaction
    #: need not look for earlier facts.
    nieuw: bool
    #: Writes a timeline entry of this event (kind = the event id, source DUO). The chain may
    #: collect entries and insert a batch at once, so a reaction writes through this, not itself.
    tijdlijn: Callable[..., None]
    lbt_uitslag: LbtUitslag | None = None
    examenuitslagen: tuple[Examenuitslag, ...] = ()
    gratis_pogingen: tuple[GratisPogingen, ...] = ()

    @property
    def dossier(self) -> Any:
        return self.inburgeraar.dossier


# --- the registry -------------------------------------------------------------------------------

Reactiefunctie = Callable[[DuoGebeurtenis], None]


@dataclass(frozen=True)
class Reactie:
    gebeurtenis: Gebeurtenis
    #: Which part of ``regels.duo``'s meaning this reaction carries out.
    domeingevolg: Domeingevolg
    functie: Reactiefunctie = field(compare=False)
    #: The app that registered it (its label).
    app: str
    #: Lower runs first; ties by app label, then function name, so the order never depends on
    #: the order the apps are loaded in.
    volgorde: int = 100

    @property
    def naam(self) -> str:
        return f"{self.functie.__module__}.{self.functie.__qualname__}"

    @property
    def sorteersleutel(self) -> tuple[int, str, str]:
        return (self.volgorde, self.app, self.naam)


_REACTIES: dict[Gebeurtenis, tuple[Reactie, ...]] = {}


def registreren(
    *,
    gebeurtenissen: Iterable[Gebeurtenis],
    domeingevolg: Domeingevolg,
    reactie: Reactiefunctie,
    app: str,
    volgorde: int = 100,
) -> None:
    """Register ``reactie`` for each of these events (call from ``AppConfig.ready()``).

    Registering the same function again is a no-op (``ready()`` may run more than once). A
    reaction for a consequence ``regels.duo`` does not give the event is a programming error: the
    meaning of an event is declared there, not by whoever reacts to it.
    """
    for gebeurtenis in gebeurtenissen:
        if domeingevolg not in gevolg_van_gebeurtenis(gebeurtenis).domeingevolgen:
            raise ValueError(
                f"{gebeurtenis.value} betekent volgens regels.duo geen {domeingevolg.value}."
            )
        nieuw = Reactie(gebeurtenis, domeingevolg, reactie, app, volgorde)
        bestaand = _REACTIES.get(gebeurtenis, ())
        if any(r.naam == nieuw.naam for r in bestaand):
            continue
        _REACTIES[gebeurtenis] = tuple(sorted((*bestaand, nieuw), key=lambda r: r.sorteersleutel))


def reacties_voor(gebeurtenis: Gebeurtenis) -> tuple[Reactie, ...]:
    """The reactions to this event, in the order they run."""
    return _REACTIES.get(gebeurtenis, ())


def reageren(gebeurtenis: DuoGebeurtenis) -> None:
    """Run the registered reactions, in order, in the caller's transaction."""
    for reactie in _REACTIES.get(gebeurtenis.gebeurtenis, ()):
        reactie.functie(gebeurtenis)


# --- hooks: a dossier changed, and bundling a batch ----------------------------------------------

_BUNDELINGEN: list[Callable[[], AbstractContextManager[Any]]] = []


def dossier_gewijzigd(dossier: Any) -> None:
    """The chain changed this dossier (or its work items): the same hook every domain app uses,
    ``core.dossierfeiten``, so there is one way to hear that a dossier changed."""
    if dossier is not None:
        dossierfeiten.gewijzigd(dossier)


def bundeling_registreren(bundeling: Callable[[], AbstractContextManager[Any]]) -> None:
    """A context manager factory that bundles what listeners do during a batch."""
    if bundeling not in _BUNDELINGEN:
        _BUNDELINGEN.append(bundeling)


@contextmanager
def gebundeld() -> Iterator[None]:
    """Bundle the listeners' work for a batch of the chain (e.g. one recomputation)."""
    with ExitStack() as stapel:
        for bundeling in _BUNDELINGEN:
            stapel.enter_context(bundeling())
        yield
