"""One row by equality, read with a statement compiled once per shape (ADR 0061).

Every request reads its user (the session's) or its API token by key. Through the ORM each of
those reads was built and compiled anew, which cost five times the query itself. Here the
ORM compiles the query once per model, keys and joined relation; later reads run that SQL with
their own values, apply the same converters, and make model instances as the ORM does
(``Model.from_db``), the joined one cached on its foreign key.
"""

from functools import lru_cache
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.db import connections, router

from . import voorbereid


@lru_cache(maxsize=64)
def _vorm(model, sleutels: tuple[str, ...], ook: str | None, verbinding) -> tuple:
    qs = model._base_manager.db_manager(verbinding.alias).all()
    for sleutel in sleutels:
        # One filter per key, in this order: the parameters come out in the same order.
        qs = qs.filter(**{sleutel: 0})
    if ook is not None:
        qs = qs.select_related(ook)
    compiler = qs.query.get_compiler(connection=verbinding)
    sql, params = compiler.as_sql()
    if len(params) != len(sleutels):
        raise ImproperlyConfigured(f"core.lezen: one parameter per key expected in {sql!r}")
    velden = tuple(v.attname for v in model._meta.concrete_fields)
    rel_model = model._meta.get_field(ook).related_model if ook is not None else None
    rel_velden = tuple(v.attname for v in rel_model._meta.concrete_fields) if rel_model else ()
    converters = compiler.get_converters([s[0] for s in compiler.select[: compiler.col_count]])
    return sql, compiler, converters, velden, rel_model, rel_velden


def een(model, *, ook: str | None = None, **waar: Any):
    """The one row of ``model`` whose fields equal ``waar`` (a unique key), or ``None``; with
    ``ook`` (a foreign key) the related row too, as ``select_related`` reads it.

    The values must be ones the ORM passes as parameters: not ``None`` or a boolean, which it
    writes into the SQL itself on some databases (``IS NULL``, ``NOT "actief"``): refused.
    """
    if any(waarde is None or isinstance(waarde, bool) for waarde in waar.values()):
        raise ImproperlyConfigured("core.lezen.een: no None or boolean as a key")
    alias = router.db_for_read(model)
    verbinding = connections[alias]
    sql, compiler, converters, velden, rel_model, rel_velden = _vorm(
        model, tuple(waar), ook, verbinding
    )
    with voorbereid.cursor(verbinding) as cursor:
        cursor.execute(sql, list(waar.values()))
        rijen = cursor.fetchmany(1)
    if not rijen:
        return None
    if converters:
        rijen = list(compiler.apply_converters(rijen, converters))
    rij = rijen[0]
    object_ = model.from_db(alias, velden, rij[: len(velden)])
    if rel_model is not None:
        object_._state.fields_cache[ook] = rel_model.from_db(alias, rel_velden, rij[len(velden) :])
    return object_
