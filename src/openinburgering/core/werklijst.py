"""The worklist's sources: one register, filled by the app that owns each kind of work (ADR 0051).

The worklist is signalen's: one table of open items, one order, one keyset pagination. What goes
on it comes from sources: signalen's own deadlines (from ``regels``), DUO's work items, the
reports of language schools and overdue steps of maatschappelijke begeleiding. Each app that owns
such work registers a :class:`Bron` from its ``AppConfig.ready``; signalen imports none of them.
The register lives in the foundation, so that every owner may fill it, the DUO integration
(which imports no domain app) included.

A source reads a whole chunk of dossiers at once (:class:`Chunk`): a fixed number of queries per
chunk, whatever its size, so a full recomputation stays set-based however many sources there are.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from django.db.models import Q


class Bereik:
    """Which dossiers a chunk covers: an id range for the full run (index range scans, no
    parameter lists), or an explicit id list when a service recomputes a few dossiers."""

    def __init__(self, *, ids: list[int] | None = None, na: int = 0, tot: int = 0):
        self.ids, self.na, self.tot = ids, na, tot

    def q(self, veld: str) -> Q:
        if self.ids is not None:
            return Q(**{f"{veld}__in": self.ids})
        return Q(**{f"{veld}__gt": self.na, f"{veld}__lte": self.tot})


@dataclass(frozen=True)
class Chunk:
    """One chunk of dossiers the engine recomputes. ``dossiers`` are the rows it read (``id``,
    ``gemeente_id``, ``status``, ``aangemeld_op``, ``inburgeraar__doelgroep``, ...). Items of a
    closed dossier, or of a dossier outside the chunk, are dropped by the engine."""

    dossiers: list[dict[str, Any]]
    bereik: Bereik
    peildatum: date

    def q(self, veld: str) -> Q:
        """The filter that selects this chunk's rows of another table by its dossier column."""
        return self.bereik.q(veld)


@dataclass(frozen=True)
class Werkpunt:
    """One open item a source wants on the worklist. ``object_uuid`` names the object where it
    is resolved; with ``soort`` and the dossier it keeps the item the same row across runs."""

    dossier_id: int
    soort: str
    deadline: date | None
    regel: str = ""
    uitleg: str = ""
    titel: str = ""
    object_uuid: UUID | None = None
    uitleg_en: str = ""

    @property
    def sleutel(self) -> str:
        return f"{self.dossier_id}:{self.soort}" + (
            f":{self.object_uuid}" if self.object_uuid else ""
        )


@dataclass(frozen=True)
class Bron:
    """A source of the worklist.

    ``lees`` gives the open items of a chunk's dossiers (a fixed number of queries per chunk).
    ``titelteksten`` (optional) gives the stored title texts (``core.teksten``) of the objects
    behind items on one page, so a title shows in the reader's language: one query per source.
    ``link`` (optional) says where an item of ``soorten`` is resolved.
    """

    naam: str
    soorten: tuple[str, ...]
    lees: Callable[[Chunk], Iterable[Werkpunt]]
    titelteksten: Callable[[list[UUID], set[int]], Mapping[UUID, dict]] | None = None
    #: Gets the worklist row (``signalen.models.Signaal``; core sits below signalen).
    link: Callable[[Any], str] | None = None


_BRONNEN: dict[str, Bron] = {}


def bron_registreren(bron: Bron) -> None:
    """Register (or replace, by name) a source. Call from the owning app's ``ready``."""
    _BRONNEN[bron.naam] = bron


def bronnen() -> list[Bron]:
    return list(_BRONNEN.values())


def bron_voor_soort(soort: str) -> Bron | None:
    for bron in _BRONNEN.values():
        if soort in bron.soorten:
            return bron
    return None
