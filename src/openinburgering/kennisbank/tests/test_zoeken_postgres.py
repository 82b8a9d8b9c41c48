"""Kennisbank search on PostgreSQL: full text with the Dutch configuration, ranked (ADR 0071)."""

from django.db import connection

import pytest

from openinburgering.kennisbank import selectors
from openinburgering.kennisbank.models import Artikel
from openinburgering.kennisbank.startinhoud import laden

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]


@pytest.fixture(autouse=True)
def _alleen_op_postgres(db):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: set DATABASE_URL=postgres://… (CI does)")
    laden(Artikel)


def test_dutch_stemming_finds_inflected_words_and_ranks_the_title_first():
    # "participatieverklaringen" (plural) finds the singular through the Dutch stemmer.
    gevonden = [a.slug for a in selectors.zoeken("participatieverklaringen")]
    assert gevonden[0] == "toolbox-participatieverklaring"
    assert "participatieverklaring-duo-rijksoverheid" in gevonden


def test_websearch_syntax_and_no_match():
    assert [a.slug for a in selectors.zoeken('"Toolbox Participatieverklaring"')][0] == (
        "toolbox-participatieverklaring"
    )
    assert list(selectors.zoeken("xyzzy")) == []
    # websearch's "-": the toolbox entry names ProDemos, so it drops out.
    assert "toolbox-participatieverklaring" in [a.slug for a in selectors.zoeken("toolbox")]
    assert "toolbox-participatieverklaring" not in [
        a.slug for a in selectors.zoeken("toolbox -ProDemos")
    ]
