"""Keyset (cursor) pagination: constant cost per page, whatever the page number (ADR 0057).

Newest first, by primary key. A page is one query: ``WHERE pk < cursor ORDER BY pk DESC LIMIT
n + 1`` (the extra row says whether there is a next page); no OFFSET, so page 1,000 costs what
page 1 costs. The UI passes the cursors as ``na``/``voor``; the API's paginator
(``api.pagination``) as one ``cursor`` parameter.
"""

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass
class Pagina:
    items: list
    volgende: str | None
    vorige: str | None


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


def keyset_pagina(
    qs,
    *,
    na: str | None = None,
    voor: str | None = None,
    grootte: int = 25,
    ook: Sequence[str] = (),
) -> Pagina:
    """Newest first, by primary key. ``na``/``voor`` are opaque cursors from a previous page.

    ``ook`` names columns reached through a join that equal the primary key (for the caseload:
    ``dossier__inburgeraar``); the cursor bounds them too, so every side of the join is one
    index range.
    """
    na_pk, voor_pk = _pk(na), _pk(voor)
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
