"""The deadline engine's reaction to the events that start the 10-week PIP term (R9, R10, R46)."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from openinburgering.accounts.context import Actor
from openinburgering.core.keten.reacties import DuoGebeurtenis
from openinburgering.inburgeraars.models import Bron, Gebeurtenis
from openinburgering.inburgeraars.tests.factories import nieuw_bsn
from openinburgering.regels import codes, termijnen
from openinburgering.regels.duo import gevolg_van_gebeurtenis
from openinburgering.signalen.reacties import pip_termijn_starten

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")


def _gebeurtenis(persoon, code, dag: date, *, nieuw=False):
    geschreven = []
    gebeurtenis = DuoGebeurtenis(
        gebeurtenis=code,
        gevolg=gevolg_van_gebeurtenis(code),
        inburgeraar=persoon,
        actor=Actor(gemeente=persoon.gemeente, systeem="DUO-koppeling"),
        tijdstip=datetime(dag.year, dag.month, dag.day, 9, tzinfo=AMS),
        meldingsdatum=dag,
        nieuw=nieuw,
        tijdlijn=lambda omschrijving, **gegevens: geschreven.append((str(omschrijving), gegevens)),
    )
    return gebeurtenis, geschreven


def test_a_first_event_starts_the_term_without_asking_the_database(
    gemeente_a, inburgeraar_factory, django_assert_num_queries
):
    persoon = inburgeraar_factory(gemeente_a, bsn=nieuw_bsn())
    gebeurtenis, geschreven = _gebeurtenis(
        persoon, codes.Gebeurtenis.SS139, date(2026, 3, 2), nieuw=True
    )
    with django_assert_num_queries(0):  # a person new here has no earlier term
        pip_termijn_starten(gebeurtenis)
    [(tekst, gegevens)] = geschreven
    assert "is begonnen" in tekst and "uiterlijk 11-05-2026" in tekst
    assert gegevens["pip_termijn_laatste_dag"] == "2026-05-11"
    assert gegevens["regel"] == "R9"


@pytest.mark.parametrize("code", [codes.Gebeurtenis.SS139, codes.Gebeurtenis.SS129])
def test_a_later_event_restarts_the_term(gemeente_a, inburgeraar_factory, code):
    persoon = inburgeraar_factory(gemeente_a, bsn=nieuw_bsn())
    Gebeurtenis.objects.create(
        dossier=persoon.dossier,
        soort="SS139",
        bron=Bron.DUO,
        omschrijving="eerder",
        tijdstip=datetime(2026, 3, 2, 9, tzinfo=AMS),
    )
    gebeurtenis, geschreven = _gebeurtenis(persoon, code, date(2026, 4, 1))
    pip_termijn_starten(gebeurtenis)
    verwacht = termijnen.pip_termijn([date(2026, 3, 2), date(2026, 4, 1)])
    [(tekst, gegevens)] = geschreven
    assert "opnieuw" in tekst
    assert gegevens["pip_termijn_laatste_dag"] == verwacht.laatste_dag.isoformat() == "2026-06-10"
    assert gegevens["regel"] == verwacht.regel.id == "R10"
