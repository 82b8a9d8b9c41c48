"""The caseload keys' statement, compiled once per shape, is the ORM's statement with this
page's values (core.pagination, ADR 0061): the same SQL and the same parameters, on every shape
and direction; a shape it cannot place falls back to the ORM's own compilation."""

from django.db import connections

import pytest

from openinburgering.core import pagination
from openinburgering.core.pagination import Sleutels, _sleutel_sql, _sleutels_van_de_pagina
from openinburgering.inburgeraars.models import Dossier, Inburgeraar

pytestmark = pytest.mark.django_db

VORMEN = [
    Sleutels(Dossier.objects.all(), "inburgeraar_id", (("gemeente_id", 7), ("status", "intake"))),
    Sleutels(Inburgeraar.objects.all(), "id", (("gemeente_id", 3), ("doelgroep", "gezinsmigrant"))),
    Sleutels(Inburgeraar.objects.all(), "id", (("gemeente_id", 12),)),
]
CURSORS = [(None, None), (4711, None), (None, 815)]


def _orm(sleutels, na, voor, grootte):
    qs = _sleutels_van_de_pagina(sleutels, na, voor, grootte)
    return qs.query.get_compiler(connection=connections["default"]).as_sql()


@pytest.mark.parametrize("sleutels", VORMEN)
@pytest.mark.parametrize(("na", "voor"), CURSORS)
def test_the_compiled_shape_is_the_orms_statement_with_this_pages_values(sleutels, na, voor):
    verbinding = connections["default"]
    pagination._sleutelvorm.cache_clear()
    richting = ">" if voor is not None else "<" if na is not None else None
    for grootte in (26, 101):
        ander = Sleutels(
            sleutels.qs,
            sleutels.veld,
            tuple((k, w + 1 if isinstance(w, int) else w + "x") for k, w in sleutels.index),
        )
        # The first page of a shape compiles it; other values of the same shape reuse it.
        for s in (sleutels, ander):
            sql, params = _sleutel_sql(s, na, voor, grootte, verbinding)
            orm_sql, orm_params = _orm(s, na, voor, grootte)
            assert (sql, list(params)) == (orm_sql, list(orm_params))
        vorm = pagination._sleutelvorm(
            sleutels.qs.model,
            sleutels.veld,
            tuple(k for k, _ in sleutels.index),
            tuple(type(w) for _, w in sleutels.index),
            richting,
            grootte,
            verbinding,
        )
        assert vorm == orm_sql  # placed once, not left to the ORM on every page
    assert pagination._sleutelvorm.cache_info().misses == 2  # one per page size


def test_a_shape_it_cannot_place_is_compiled_by_the_orm_on_each_page():
    gefilterd = Sleutels(
        Dossier.objects.filter(eindreden=""), "inburgeraar_id", (("gemeente_id", 7),)
    )
    meer_tenants = Sleutels(Dossier.objects.all(), "inburgeraar_id", (("gemeente_id", (1, 2)),))
    pagination._sleutelvorm.cache_clear()
    for sleutels in (gefilterd, meer_tenants):
        sql, params = _sleutel_sql(sleutels, 99, None, 26, connections["default"])
        verwacht = (
            _sleutels_van_de_pagina(sleutels, 99, None, 26)
            .query.get_compiler(connection=connections["default"])
            .as_sql()
        )
        assert (sql, tuple(params)) == (verwacht[0], tuple(verwacht[1]))
    assert pagination._sleutelvorm.cache_info().misses == 0
