"""Keyset (cursor) pagination: constant cost per page, whatever the page number (ADR 0057).

Newest first, by primary key. A page is one query: ``WHERE pk < cursor ORDER BY pk DESC LIMIT
n + 1`` (the extra row says whether there is a next page); no OFFSET, so page 1,000 costs what
page 1 costs. The UI passes the cursors as ``na``/``voor``; the API's paginator
(``api.pagination``) as one ``cursor`` parameter.
"""

from collections import namedtuple
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.db import connection, connections

from . import voorbereid


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


@lru_cache(maxsize=128)
def _sleutelvorm(
    model, veld: str, kolommen: tuple[str, ...], typen: tuple[type, ...], richting: str | None,
    grootte: int, verbinding,
) -> str | None:  # fmt: skip
    """The SQL of :func:`_sleutels_van_de_pagina` for one tenant, compiled once per shape.

    The ORM builds it with stand-in values; the SQL is used only when its parameters are those
    values in the order :func:`_sleutel_sql` passes them. ``None`` otherwise: then every page
    compiles its own, as before.
    """
    # Stand-ins of the right types that no real value equals, one per parameter: compiled with
    # these, the parameters show where each value goes.
    proef = [10**15 + n if t is int else f"\x00{n}\x00" for n, t in enumerate(typen)]
    index = tuple(zip(kolommen, proef, strict=True))
    cursor = 10**15 + len(proef) if richting else None
    qs = _sleutels_van_de_pagina(
        Sleutels(model._base_manager.db_manager(verbinding.alias).all(), veld, index),
        cursor if richting == "<" else None,
        cursor if richting == ">" else None,
        grootte,
    )
    sql, params = qs.query.get_compiler(connection=verbinding).as_sql()
    verwacht = _sleutelparameters(proef, cursor)
    return sql if list(params) == verwacht else None


def _sleutelparameters(waarden: Sequence[Any], cursor: int | None) -> list[Any]:
    # The order of _sleutels_van_de_pagina's filters: the first column as a range, the other
    # columns, then the row comparison of all the columns and the cursor.
    eerste, *rest = waarden
    return [eerste, eerste, *rest, *([*waarden, cursor] if cursor is not None else [])]


def _sleutel_sql(sleutels: Sleutels, na_pk, voor_pk, grootte: int, verbinding):
    """The page keys' SQL and parameters. For one tenant without other filters on the keys'
    queryset, a statement compiled once per shape (ADR 0061); otherwise the ORM's compilation
    of :func:`_sleutels_van_de_pagina`."""
    waarden = [w for _, w in sleutels.index]
    if (
        waarden
        and not isinstance(waarden[0], tuple | list)
        and not sleutels.qs.query.where
        and all(type(w) in (int, str) for w in waarden)
    ):
        richting = ">" if voor_pk is not None else "<" if na_pk is not None else None
        cursor = voor_pk if voor_pk is not None else na_pk
        sql = _sleutelvorm(
            sleutels.qs.model,
            sleutels.veld,
            tuple(k for k, _ in sleutels.index),
            tuple(type(w) for w in waarden),
            richting,
            grootte,
            verbinding,
        )
        if sql is not None:
            return sql, _sleutelparameters(waarden, cursor)
    qs = _sleutels_van_de_pagina(sleutels, na_pk, voor_pk, grootte)
    return qs.query.get_compiler(connection=verbinding).as_sql()


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
    return _pagina(items, grootte=grootte, terug=terug, na_pk=na_pk)


def _pagina(items: list, *, grootte: int, terug: bool, na_pk: int | None) -> Pagina:
    # ``items`` in the order read: newest first, or oldest first when paging back.
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


@dataclass(frozen=True)
class _Rijvorm:
    voor: str  # the rows' SQL up to the keys
    na: str  # and after them
    plan: tuple
    compiler: Any
    converters: dict


def _plan(paden, prefix: str, kolommen: list[str]) -> tuple:
    """How a flat row becomes nested named tuples: ``dossier__status`` is ``rij.dossier.status``,
    and ``rij.dossier`` is ``None`` when the row has no dossier (its primary key is NULL)."""
    velden: list[tuple[str, int, tuple | None]] = []
    groepen: dict[str, list[str]] = {}
    for pad in paden:
        hoofd, _, rest = pad.partition("__")
        if rest:
            groepen.setdefault(hoofd, []).append(rest)
        else:
            kolommen.append(prefix + pad)
            velden.append((pad, len(kolommen) - 1, None))
    for hoofd, rest in groepen.items():
        kolommen.append(f"{prefix}{hoofd}__pk")
        velden.append((hoofd, len(kolommen) - 1, _plan(rest, f"{prefix}{hoofd}__", kolommen)))
    return namedtuple("Rij", [naam for naam, _, _ in velden]), velden  # noqa: PYI024


def _maak(plan: tuple, rij) -> Any:
    soort, velden = plan
    return soort(
        *(
            rij[i] if sub is None else (None if rij[i] is None else _maak(sub, rij))
            for _naam, i, sub in velden
        )
    )


@lru_cache(maxsize=64)
def _rijvorm(model, velden: tuple[str, ...], verbinding, oplopend: bool, limiet: int) -> _Rijvorm:
    """The rows' query of :func:`keyset_rijen`, compiled once per shape and connection: the
    ORM's compilation of a three-table select was a third of a caseload request (ADR 0061).

    Compiled with one placeholder key, whose ``IN (%s)`` becomes the keys' own query.
    """
    kolommen: list[str] = []
    plan = _plan(("pk", *velden), "", kolommen)
    qs = (
        model._base_manager.db_manager(verbinding.alias)
        .filter(pk__in=[0])
        .order_by("pk" if oplopend else "-pk")
        .values_list(*kolommen)[:limiet]
    )
    compiler = qs.query.get_compiler(connection=verbinding)
    sql, params = compiler.as_sql()
    delen = sql.split(" IN (%s)")
    if tuple(params) != (0,) or len(delen) != 2:
        raise ImproperlyConfigured(f"keyset_rijen: cannot place the keys in {sql!r}")
    return _Rijvorm(
        voor=delen[0] + " IN (",
        na=")" + delen[1],
        plan=plan,
        compiler=compiler,
        converters=compiler.get_converters([s[0] for s in compiler.select[: compiler.col_count]]),
    )


def keyset_rijen(
    qs,
    *,
    velden: tuple[str, ...],
    na: str | None = None,
    voor: str | None = None,
    grootte: int = 25,
    ook: Sequence[str] = (),
    sleutels: Sleutels | None = None,
) -> Pagina:
    """:func:`keyset_pagina` with rows as named tuples of ``pk`` and ``velden`` instead of model
    instances, for a list that only shows values. A path such as ``dossier__status`` is read as
    ``rij.dossier.status``, as on the model; ``rij.dossier`` is ``None`` without a dossier.

    The page's keys are one query as in :func:`keyset_pagina`; with ``sleutels`` for one tenant
    it is compiled once per shape (``_sleutelvorm``), otherwise by the ORM on each page. The
    rows' query around them has one shape per set of columns and is compiled once
    (``_rijvorm``). Still one statement per page.
    """
    na_pk, voor_pk = _pk(na), _pk(voor)
    terug = voor_pk is not None
    if sleutels is not None:
        verbinding = connections[sleutels.qs.db]
        sleutel_sql, params = _sleutel_sql(sleutels, na_pk, voor_pk, grootte, verbinding)
    else:
        if voor_pk is not None:
            qs = _begrensd(qs, ook, "gt", voor_pk)
        elif na_pk is not None:
            qs = _begrensd(qs, ook, "lt", na_pk)
        sleutel_qs = qs.order_by("pk" if terug else "-pk").values("pk")[: grootte + 1]
        verbinding = connections[sleutel_qs.db]
        sleutel_sql, params = sleutel_qs.query.get_compiler(connection=verbinding).as_sql()
    vorm = _rijvorm(qs.model, velden, verbinding, terug, grootte + 1)
    with voorbereid.cursor(verbinding) as cursor:
        cursor.execute(vorm.voor + sleutel_sql + vorm.na, params)
        rijen = cursor.fetchall()
    if vorm.converters:
        rijen = vorm.compiler.apply_converters(rijen, vorm.converters)
    return _pagina([_maak(vorm.plan, r) for r in rijen], grootte=grootte, terug=terug, na_pk=na_pk)
