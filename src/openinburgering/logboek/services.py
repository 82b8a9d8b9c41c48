import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from django.db import connection
from django.utils import timezone

from openinburgering.accounts.context import Actor

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
        for pseudoniem in dict.fromkeys(pseudoniemen)
    ]
    verzameld = getattr(_uitgesteld, "regels", None)
    if verzameld is not None:
        verzameld.extend(regels)
        return
    per_verzoek = getattr(_verzoek, "regels", None)
    if per_verzoek is not None and len(connection.atomic_blocks) == _verzoek.diepte:
        per_verzoek.extend(regels)
        return
    Verwerking.objects.bulk_create(regels)


@contextmanager
def verwerkingen_per_verzoek() -> Iterator[list[Verwerking]]:
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


def _in_een_statement(regels: list[Verwerking]) -> None:
    # One multi-row INSERT in autocommit: one round trip and the database's own commit.
    # ``bulk_create`` wraps even one statement in BEGIN/COMMIT, three round trips per request.
    # A request that reads thousands of people (an export) stays under the parameter limits.
    velden = [f for f in Verwerking._meta.concrete_fields if not f.primary_key]
    qn = connection.ops.quote_name
    rij = "(" + ", ".join(["%s"] * len(velden)) + ")"
    kolommen = ", ".join(qn(f.column or f.attname) for f in velden)
    for begin in range(0, len(regels), _PER_STATEMENT):
        deel = regels[begin : begin + _PER_STATEMENT]
        params = [
            f.get_db_prep_save(getattr(regel, f.attname), connection)
            for regel in deel
            for f in velden
        ]
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {qn(Verwerking._meta.db_table)} ({kolommen}) "
                f"VALUES {', '.join([rij] * len(deel))}",
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
