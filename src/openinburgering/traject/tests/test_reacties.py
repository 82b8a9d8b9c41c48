"""The route's reaction to SS199: DUO's exam results and free attempts are taken over."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from openinburgering.accounts.context import Actor
from openinburgering.core.keten.reacties import DuoGebeurtenis, Examenuitslag, GratisPogingen
from openinburgering.inburgeraars.tests.factories import nieuw_bsn
from openinburgering.logboek.models import Verwerking
from openinburgering.regels import codes
from openinburgering.regels.duo import gevolg_van_gebeurtenis
from openinburgering.traject import models
from openinburgering.traject.reacties import examenuitslagen_overnemen

pytestmark = pytest.mark.django_db


def _ss199(persoon, uitslagen, pogingen=()):
    return DuoGebeurtenis(
        gebeurtenis=codes.Gebeurtenis.SS199,
        gevolg=gevolg_van_gebeurtenis(codes.Gebeurtenis.SS199),
        inburgeraar=persoon,
        actor=Actor(gemeente=persoon.gemeente, systeem="DUO-koppeling"),
        tijdstip=datetime(2027, 2, 4, 9, tzinfo=ZoneInfo("Europe/Amsterdam")),
        meldingsdatum=date(2027, 2, 4),
        nieuw=False,
        tijdlijn=lambda *args, **kwargs: None,
        examenuitslagen=tuple(uitslagen),
        gratis_pogingen=tuple(pogingen),
    )


def test_results_and_free_attempts_are_stored_once(gemeente_a, inburgeraar_factory):
    persoon = inburgeraar_factory(gemeente_a, bsn=nieuw_bsn())
    gebeurtenis = _ss199(
        persoon,
        [
            Examenuitslag("LE", "B1", date(2027, 2, 1), "Geslaagd"),
            Examenuitslag("SP", "B1", date(2027, 2, 3), "Geen", "Afgemeld"),
        ],
        [GratisPogingen("SP", 1)],
    )
    examenuitslagen_overnemen(gebeurtenis)
    examenuitslagen_overnemen(gebeurtenis)  # DUO may notify twice: one row per result
    assert sorted(
        models.ExamenUitslag.objects.values_list(
            "onderdeel", "niveau", "examendatum", "resultaat", "reden_geen_resultaat"
        )
    ) == [
        ("LE", "B1", date(2027, 2, 1), "Geslaagd", ""),
        ("SP", "B1", date(2027, 2, 3), "Geen", "Afgemeld"),
    ]
    assert list(models.GratisPogingen.objects.values_list("onderdeel", "tegoed")) == [("SP", 1)]


def test_without_results_nothing_is_stored_or_logged(gemeente_a, inburgeraar_factory):
    persoon = inburgeraar_factory(gemeente_a, bsn=nieuw_bsn())
    voor = Verwerking.objects.count()
    examenuitslagen_overnemen(_ss199(persoon, [], [GratisPogingen("SP", 2)]))
    assert not models.GratisPogingen.objects.exists()
    assert Verwerking.objects.count() == voor


def test_an_unknown_code_in_an_ss199_is_refused_and_stores_nothing(gemeente_a, inburgeraar_factory):
    """The same check as "Examens ophalen": a code outside DUO's own lists would not fit our
    columns. The refusal fails the notice, which then gets a work item (verwerking)."""
    from openinburgering.core.exceptions import Geweigerd

    persoon = inburgeraar_factory(gemeente_a, bsn=nieuw_bsn())
    gebeurtenis = _ss199(
        persoon,
        [
            Examenuitslag("LE", "B1", date(2027, 2, 1), "Geslaagd"),
            Examenuitslag("Lezen", "B1", date(2027, 2, 3), "Geslaagd"),
        ],
        [GratisPogingen("SP", 1)],
    )
    with pytest.raises(Geweigerd, match="onbekende code"):
        examenuitslagen_overnemen(gebeurtenis)
    assert not models.ExamenUitslag.objects.exists()
    assert not models.GratisPogingen.objects.exists()
