"""Keyset (cursor) pagination: constant cost per page, whatever the page number (ADR 0057).

Newest first, by primary key. A page is one query: ``WHERE pk < cursor ORDER BY pk DESC LIMIT
n + 1`` (the extra row says whether there is a next page); no OFFSET, so page 1,000 costs what
page 1 costs. The UI passes the cursors as ``na``/``voor``; the API's paginator
(``api.pagination``) as one ``cursor`` parameter.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db import connection


@dataclass
class Pagina:
    items: list
    volgende: str | None
    vorige: str | None


@dataclass(frozen=True)
class Sleutels:
    """Where a page's keys come from: one table whose ``veld`` values are exactly the primary
    keys of the paged rows, read from one range of a composite index ``(*index, veld)``.

    ``index`` are the leading columns of that index with the values the filter fixes them to
    (the tenant first; a tuple of tenants for a combined list, one range per tenant). The
    paginator writes the filter so that only that index can serve it:
    the first column as a range (``>= g AND <= g``), because PostgreSQL drops a column fixed by
    ``=`` from the order and may then walk the primary key of the table past every other
    tenant's rows; and the cursor as a row comparison over all the index's columns, because a
    bare ``veld < cursor`` is a range on the table's own unique index that the planner, which
    assumes a tenant's rows are spread evenly over the ids, takes for cheaper.
    """

    qs: Any
    veld: str
    index: tuple[tuple[str, Any], ...] = ()


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
    if sleutels.index and isinstance(sleutels.index[0][1], tuple | list):
        return _sleutels_van_meer_tenants(sleutels, na_pk, voor_pk, grootte)
    qs, veld = sleutels.qs, sleutels.veld
    kolommen = [kolom for kolom, _ in sleutels.index]
    if sleutels.index:
        (eerste, waarde), *rest = sleutels.index
        qs = qs.filter(**{f"{eerste}__gte": waarde, f"{eerste}__lte": waarde})
        qs = qs.filter(**dict(rest))
    orde = [*kolommen[:1], veld]
    cursor, teken = (voor_pk, ">") if voor_pk is not None else (na_pk, "<")
    if cursor is not None:
        # The ORM has no row comparison; the columns are unqualified because the key query
        # reads one table (as a subquery, ``U0``), and every value is a parameter.
        qn = connection.ops.quote_name
        rij = ", ".join(qn(k) for k in [*kolommen, veld])
        qs = qs.extra(
            where=[f"({rij}) {teken} ({', '.join(['%s'] * (len(kolommen) + 1))})"],
            params=[*(w for _, w in sleutels.index), cursor],
        )
    if voor_pk is None:
        orde = [f"-{kolom}" for kolom in orde]
    return qs.order_by(*orde).values(veld)[: grootte + 1]


def _sleutels_van_meer_tenants(sleutels: Sleutels, na_pk, voor_pk, grootte: int):
    """The page's keys for several tenants at once (a regional team's combined list).

    Each tenant's keys are one range of the index, bounded and limited as for one tenant; the
    page is the newest of those, so at most ``grootte + 1`` keys per tenant are read, however
    large a tenant is. Where the database cannot limit the parts of a UNION (SQLite), one
    query over all the tenants' rows, which is what a small database can afford.
    """
    (kolom, waarden), *rest = sleutels.index
    delen = [
        _sleutels_van_de_pagina(
            Sleutels(sleutels.qs, sleutels.veld, ((kolom, waarde), *rest)), na_pk, voor_pk, grootte
        )
        for waarde in sorted(set(waarden))
    ]
    if len(delen) == 1:
        return delen[0]
    if connection.features.supports_slicing_ordering_in_compound:
        return delen[0].union(*delen[1:], all=True)
    qs = sleutels.qs.filter(**{f"{kolom}__in": list(waarden)}, **dict(rest))
    if voor_pk is not None:
        qs = qs.filter(**{f"{sleutels.veld}__gt": voor_pk}).order_by(sleutels.veld)
    else:
        if na_pk is not None:
            qs = qs.filter(**{f"{sleutels.veld}__lt": na_pk})
        qs = qs.order_by(f"-{sleutels.veld}")
    return qs.values(sleutels.veld)[: grootte + 1]


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
    terug = voor_pk is not None
    if sleutels is not None:
        # The keys are the page, filtered and bounded by the cursor; the rows are fetched by
        # primary key with no bound of their own, which the planner could scan by instead.
        qs = qs.filter(pk__in=_sleutels_van_de_pagina(sleutels, na_pk, voor_pk, grootte))
    elif voor_pk is not None:
        qs = _begrensd(qs, ook, "gt", voor_pk)
    elif na_pk is not None:
        qs = _begrensd(qs, ook, "lt", na_pk)
    items = list(qs.order_by("pk" if terug else "-pk")[: grootte + 1])
    meer = len(items) > grootte
    items = items[:grootte]
    if terug:
        items.reverse()
        return Pagina(
            items=items,
            volgende=_cursor(items[-1].pk) if items else None,
            vorige=_cursor(items[0].pk) if meer and items else None,
        )
    return Pagina(
        items=items,
        volgende=_cursor(items[-1].pk) if meer else None,
        vorige=_cursor(items[0].pk) if na_pk is not None and items else None,
    )
