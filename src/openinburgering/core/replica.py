"""A read replica for list and dashboard reads (ADR 0057; docs/schaal.md).

With ``DATABASE_REPLICA_URL`` set, settings add a ``replica`` alias and :class:`ReplicaRouter`.
Only reads inside :func:`van_replica` (views marked :func:`leest_van_replica`: the caseload, the
API list, the worklist) go there; everything else, every write and every read after a write or
inside a transaction opened in that block, goes to ``default``. Without the setting every query
goes to ``default`` and nothing changes.

A replica lags the primary by a little: a list may miss a change made a moment ago, never a
page that depends on one (a read after a write in the same request goes to ``default``).
"""

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import wraps

from django.db import DEFAULT_DB_ALIAS, connections

REPLICA = "replica"

_staat = threading.local()


@dataclass
class _Blok:
    diepte: int
    geschreven: bool = False


def _blok() -> "_Blok | None":
    return getattr(_staat, "blok", None)


@contextmanager
def van_replica() -> Iterator[None]:
    """Reads in this block may go to the replica, until the block writes or opens a transaction.

    The transaction depth at the start is the baseline, so a read inside a transaction opened
    in the block (which may have written) stays on ``default``.
    """
    vorige = _blok()
    _staat.blok = _Blok(diepte=len(connections[DEFAULT_DB_ALIAS].atomic_blocks))
    try:
        yield
    finally:
        _staat.blok = vorige


def leest_van_replica(view: Callable) -> Callable:
    """Mark a view whose reads may come from the replica (a list or dashboard, read-only)."""

    @wraps(view)
    def gemarkeerd(*args, **kwargs):
        with van_replica():
            return view(*args, **kwargs)

    return gemarkeerd


class ReplicaRouter:
    """Sends the reads of :func:`van_replica` blocks to ``replica``; never a write."""

    def db_for_read(self, model, **hints) -> str:
        blok = _blok()
        if blok is None or blok.geschreven or REPLICA not in connections.settings:
            return DEFAULT_DB_ALIAS
        if len(connections[DEFAULT_DB_ALIAS].atomic_blocks) != blok.diepte:
            return DEFAULT_DB_ALIAS
        return REPLICA

    def db_for_write(self, model, **hints) -> str:
        if (blok := _blok()) is not None:
            # Read-your-writes: the rest of the block reads from the primary.
            blok.geschreven = True
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints) -> bool:
        # The replica is a copy of the primary: an object read there relates to one here.
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints) -> bool:
        # The replica follows the primary's schema by replication, never by migrate.
        return db != REPLICA
