"""Keyset (cursor) pagination: constant cost per page, whatever the page number (ADR 0057).

Newest first, by primary key. A page is one query: ``WHERE pk < cursor ORDER BY pk DESC LIMIT
n + 1`` (the extra row says whether there is a next page); no OFFSET, so page 1,000 costs what
page 1 costs. The UI passes the cursors as ``na``/``voor``; the API's paginator
(``api.pagination``) as one ``cursor`` parameter.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any


@dataclass
class Pagina:
    items: list
    volgende: str | None
    vorige: str | None


@dataclass(frozen=True)
class Sleutels:
    """Where a page's keys come from: one table whose ``veld`` values are exactly the primary
    keys of the paged queryset's rows, in one range of a composite index.

    ``vooraf`` are columns the filter fixes that lead that index (the tenant). They go in front
    of the order, with the filter on them written as a range (``gemeente__gte=g, gemeente__lte=g``):
    PostgreSQL drops a column fixed by ``=`` from the order, and then may walk the primary key
    index of the table instead and pass every other tenant's rows before it finds this one's.
    A range keeps the column in the order, which only the composite index can give.
    """

    qs: Any
    veld: str
    vooraf: tuple[str, ...] = ()


def _cursor(pk: int) -> str:
    return format(pk, "x")


def _pk(cursor: str | None) -> int | None:
    try:
        return int(cursor, 16) if cursor else None
    except ValueError:
        return None


def _begrensd(qs, velden: Sequence[str], lookup: str, pk: int):
    # The bound goes on every column that equals the primary key through a join (``ook``):
    # PostgreSQL carries equalities across a join but not a ``<``, so without it the other side
    # of the join is read from the top of its index, past every other tenant's rows.
    return qs.filter(**{f"{veld}__{lookup}": pk for veld in ("pk", *velden)})


def _sleutels_van_de_pagina(sleutels: Sleutels, na_pk, voor_pk, grootte: int):
    qs, veld, orde = sleutels.qs, sleutels.veld, [*sleutels.vooraf, sleutels.veld]
    if voor_pk is not None:
        qs = qs.filter(**{f"{veld}__gt": voor_pk}).order_by(*orde)
    else:
        if na_pk is not None:
            qs = qs.filter(**{f"{veld}__lt": na_pk})
        qs = qs.order_by(*(f"-{kolom}" for kolom in orde))
    return qs.values(veld)[: grootte + 1]


def keyset_pagina(
    qs,
    *,
    na: str | None = None,
    voor: str | None = None,
    grootte: int = 25,
    ook: Sequence[str] = (),
    sleutels: Sleutels | None = None,
) -> Pagina:
    """Newest first, by primary key. ``na``/``voor`` are opaque cursors from a previous page.

    ``ook`` names columns reached through a join that equal the primary key (for the caseload:
    ``dossier__inburgeraar``); the cursor bounds them too, so every side of the join is one
    index range.

    With ``sleutels`` (:class:`Sleutels`; for the caseload on status: the tenant's dossiers with
    that status) the page's keys come from that one table, in a subquery with its own LIMIT that
    PostgreSQL answers from one range of a composite index; the rows are then fetched by primary
    key. Without it, a join sorted by id can be planned as a walk down the primary key that
    passes every other tenant's rows first (issue 14: 940,000 rows for a bulk-imported tenant).
    """
    na_pk, voor_pk = _pk(na), _pk(voor)
    if sleutels is not None:
        qs = qs.filter(pk__in=_sleutels_van_de_pagina(sleutels, na_pk, voor_pk, grootte))
    if voor_pk is not None:
        items = list(_begrensd(qs, ook, "gt", voor_pk).order_by("pk")[: grootte + 1])
        meer = len(items) > grootte
        items = list(reversed(items[:grootte]))
        return Pagina(
            items=items,
            volgende=_cursor(items[-1].pk) if items else None,
            vorige=_cursor(items[0].pk) if meer and items else None,
        )
    if na_pk is not None:
        qs = _begrensd(qs, ook, "lt", na_pk)
    items = list(qs.order_by("-pk")[: grootte + 1])
    meer = len(items) > grootte
    items = items[:grootte]
    return Pagina(
        items=items,
        volgende=_cursor(items[-1].pk) if meer else None,
        vorige=_cursor(items[0].pk) if na_pk is not None and items else None,
    )
