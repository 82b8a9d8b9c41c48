"""Keyset (cursor) pagination for the UI: constant cost per page, whatever the page number."""

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


def keyset_pagina(
    qs, *, na: str | None = None, voor: str | None = None, grootte: int = 25
) -> Pagina:
    """Newest first, by primary key. ``na``/``voor`` are opaque cursors from a previous page."""
    na_pk, voor_pk = _pk(na), _pk(voor)
    if voor_pk is not None:
        items = list(qs.filter(pk__gt=voor_pk).order_by("pk")[: grootte + 1])
        meer = len(items) > grootte
        items = list(reversed(items[:grootte]))
        return Pagina(
            items=items,
            volgende=_cursor(items[-1].pk) if items else None,
            vorige=_cursor(items[0].pk) if meer and items else None,
        )
    if na_pk is not None:
        qs = qs.filter(pk__lt=na_pk)
    items = list(qs.order_by("-pk")[: grootte + 1])
    meer = len(items) > grootte
    items = items[:grootte]
    return Pagina(
        items=items,
        volgende=_cursor(items[-1].pk) if meer else None,
        vorige=_cursor(items[0].pk) if na_pk is not None and items else None,
    )
