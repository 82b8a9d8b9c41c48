import threading
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import NamedTuple

from django.db import connection
from django.db.models import Field
from django.utils import timezone

from openinburgering.accounts.context import Actor
from openinburgering.core import voorbereid

from .models import Resultaat, Verwerking

_uitgesteld = threading.local()
_verzoek = threading.local()
#: Rows per INSERT: 9 parameters each, under SQLite's and PostgreSQL's limits per statement.
_PER_STATEMENT = 1000


def verwerkingen_vastleggen(
    *,
    actor: Actor,
    activiteit: str,
    pseudoniemen: Iterable[str],
    resultaat: str = Resultaat.OK,
    doel: str = "",
) -> None:
    """Write one record per person, in the caller's transaction, in one query.

    Inside :func:`verwerkingen_uitstellen` the records are collected instead; the caller of that
    block writes them. Inside a request (:func:`verwerkingen_per_verzoek`) a read outside any
    transaction of the view's own is collected too, and the request writes all its records in
    one statement before it answers (ADR 0057); a write's records stay in the write's
    transaction, so a rolled-back change leaves none behind.
    """
    nu = timezone.now()
    unieke = dict.fromkeys(pseudoniemen)
    per_verzoek = getattr(_verzoek, "regels", None)
    if (
        per_verzoek is not None
        and getattr(_uitgesteld, "regels", None) is None
        and len(connection.atomic_blocks) == _verzoek.diepte
    ):
        # Plain rows, not model instances: a list page logs 25 to 100 people per request.
        vast = (
            nu,
            actor.gemeente.pk,
            actor.user.pk if actor.user is not None else None,
            actor.label,
            actor.soort,
        )
        # str(): a TextChoices member as its value, which the database drivers may not do.
        soort = (str(activiteit), str(resultaat), str(doel))
        per_verzoek.extend(_Rij(uuid.uuid4(), *vast, p, *soort) for p in unieke)
        return
    regels = [
        Verwerking(
            tijdstip=nu,
            gemeente=actor.gemeente,
            gebruiker=actor.user,
            actor=actor.label,
            actor_soort=actor.soort,
            betrokkene=pseudoniem,
            activiteit=activiteit,
            resultaat=resultaat,
            doel=doel,
        )
        for pseudoniem in unieke
    ]
    verzameld = getattr(_uitgesteld, "regels", None)
    if verzameld is not None:
        verzameld.extend(regels)
        return
    Verwerking.objects.bulk_create(regels)


class _Rij(NamedTuple):
    """One record of a request's reads, in the columns' order (:data:`_KOLOMMEN`)."""

    uuid: uuid.UUID
    tijdstip: datetime
    gemeente_id: int
    gebruiker_id: int | None
    actor: str
    actor_soort: str
    betrokkene: str
    activiteit: str
    resultaat: str
    doel: str


@contextmanager
def verwerkingen_per_verzoek() -> Iterator[list[_Rij]]:
    """Collect a request's read records and write them in one INSERT when the block ends.

    For the request middleware (``logboek.middleware``): the records are written before the
    response leaves the process, so an answer the client received always has its records; when
    the write fails, the request fails with it. The transaction depth at the start is the
    baseline: a record asked for inside a transaction the view opened is written there.
    """
    vorige = getattr(_verzoek, "regels", None), getattr(_verzoek, "diepte", 0)
    _verzoek.regels, _verzoek.diepte = [], len(connection.atomic_blocks)
    try:
        yield _verzoek.regels
        regels = _verzoek.regels
    finally:
        _verzoek.regels, _verzoek.diepte = vorige
    _in_een_statement(regels)


def _veld(naam: str) -> Field:
    veld = Verwerking._meta.get_field(naam)
    assert isinstance(veld, Field)
    return veld


def _in_een_statement(regels: list[_Rij]) -> None:
    # One multi-row INSERT in autocommit: one round trip and the database's own commit.
    # ``bulk_create`` wraps even one statement in BEGIN/COMMIT, three round trips per request.
    if not regels:
        return
    velden = [_veld(naam) for naam in _Rij._fields]
    qn = connection.ops.quote_name
    tabel = qn(Verwerking._meta.db_table)
    kolommen = ", ".join(qn(f.column or f.attname) for f in velden)
    if connection.vendor == "postgresql":
        # Per group of records that share everything but the person (one call of
        # verwerkingen_vastleggen, mostly one per request): the shared values once, the uuids
        # and pseudonyms as two arrays. The statement's text depends only on the number of
        # groups, so it is prepared once (core.voorbereid) for any number of rows.
        groepen: dict[tuple, tuple[list, list]] = {}
        for regel in regels:
            uuids, betrokkenen = groepen.setdefault(regel[1:6] + regel[7:], ([], []))
            uuids.append(regel.uuid)
            betrokkenen.append(regel.betrokkene)
        select = (
            "SELECT u, %s::timestamptz, %s::bigint, %s::bigint, %s::text, %s::text, b, "
            "%s::text, %s::text, %s::text FROM unnest(%s::uuid[], %s::text[]) AS r(u, b)"
        )
        with voorbereid.cursor(connection) as cursor:
            cursor.execute(
                f"INSERT INTO {tabel} ({kolommen}) " + " UNION ALL ".join([select] * len(groepen)),
                [w for vast, lijsten in groepen.items() for w in (*vast, *lijsten)],
            )
        return
    # Elsewhere (SQLite) a VALUES list; a request that reads thousands of people (an export)
    # stays under the parameter limits per statement.
    rij = "(" + ", ".join(["%s"] * len(velden)) + ")"
    for begin in range(0, len(regels), _PER_STATEMENT):
        deel = regels[begin : begin + _PER_STATEMENT]
        params = [
            veld.get_db_prep_save(waarde, connection)
            for regel in deel
            for veld, waarde in zip(velden, regel, strict=True)
        ]
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {tabel} ({kolommen}) VALUES {', '.join([rij] * len(deel))}",
                params,
            )


@contextmanager
def verwerkingen_uitstellen() -> Iterator[list[Verwerking]]:
    """Collect the records this block asks for, for set-based processing of many people.

    Yields the list; the caller writes it with :func:`verwerkingen_opslaan` in the transaction
    that holds the processing itself, so a rolled-back batch leaves no records behind.
    """
    vorige = getattr(_uitgesteld, "regels", None)
    _uitgesteld.regels = []
    try:
        yield _uitgesteld.regels
    finally:
        _uitgesteld.regels = vorige


def verwerkingen_opslaan(regels: list[Verwerking]) -> None:
    """Write collected records (see :func:`verwerkingen_uitstellen`) in one query."""
    Verwerking.objects.bulk_create(regels)
