"""Reads of the kennisbank: lists, one entry, the box per place, and search.

Search uses PostgreSQL's full text search (Dutch configuration, ranked) where the database is
PostgreSQL, and a plain case-insensitive match on every word on SQLite (ADR 0071).
"""

from __future__ import annotations

from typing import Any

from django.db import connection
from django.db.models import Q, QuerySet
from django.http import Http404

from .models import Artikel

#: Entries in the box on a page: a few, not a second page.
IN_KADER = 3


def gepubliceerd() -> QuerySet[Artikel]:
    return Artikel.objects.filter(gepubliceerd=True)


def artikel_list(*, alles: bool = False) -> QuerySet[Artikel]:
    return (Artikel.objects.all() if alles else gepubliceerd()).order_by("titel", "id")


def artikel_get(*, uuid: Any, alles: bool = False) -> Artikel:
    try:
        return artikel_list(alles=alles).get(uuid=uuid)
    except (Artikel.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def voor_plaats(plaats: str) -> list[Artikel]:
    """The entries shown in the box on one kind of page (filtered in Python: JSON containment
    differs between SQLite and PostgreSQL, and the table is small)."""
    artikelen = gepubliceerd().only("uuid", "titel", "samenvatting", "plaatsen").order_by("titel")
    return [a for a in artikelen if plaats in (a.plaatsen or [])][:IN_KADER]


def per_regel() -> dict[str, list[Artikel]]:
    """Rule id -> the entries that explain it (for the rules catalogue)."""
    uit: dict[str, list[Artikel]] = {}
    for artikel in gepubliceerd().only("uuid", "titel", "regels").order_by("titel"):
        for regel_id in artikel.regels or []:
            uit.setdefault(str(regel_id).upper(), []).append(artikel)
    return uit


def zoeken(vraag: str) -> QuerySet[Artikel]:
    """Published entries matching ``vraag``, best first."""
    vraag = " ".join(vraag.split())[:200]
    if not vraag:
        return artikel_list()
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

        vector = (
            SearchVector("titel", weight="A", config="dutch")
            + SearchVector("samenvatting", "tags", weight="B", config="dutch")
            + SearchVector("tekst", "bron_titel", weight="C", config="dutch")
        )
        zoekvraag = SearchQuery(vraag, config="dutch", search_type="websearch")
        # Filter on the match operator (@@), not on the rank: ts_rank is never exactly 0.
        return (
            gepubliceerd()
            .annotate(zoekvector=vector, rang=SearchRank(vector, zoekvraag))
            .filter(zoekvector=zoekvraag)
            .order_by("-rang", "titel")
        )
    filter_ = Q()
    for woord in vraag.split()[:10]:
        filter_ &= (
            Q(titel__icontains=woord)
            | Q(samenvatting__icontains=woord)
            | Q(tekst__icontains=woord)
            | Q(tags__icontains=woord)
            | Q(bron_titel__icontains=woord)
        )
    return gepubliceerd().filter(filter_).order_by("titel", "id")
