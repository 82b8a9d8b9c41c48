"""The brede intake's reaction to SS131: DUO's LBT result is taken over (R28, R29)."""

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from openinburgering.accounts.context import Actor
from openinburgering.core.keten.reacties import DuoGebeurtenis, LbtUitslag
from openinburgering.inburgeraars.tests.factories import nieuw_bsn
from openinburgering.inburgeraars.workflow import Status
from openinburgering.intake.models import BredeIntake
from openinburgering.intake.reacties import lbt_uitslag_overnemen
from openinburgering.regels import codes
from openinburgering.regels.duo import gevolg_van_gebeurtenis

pytestmark = pytest.mark.django_db


def _ss131(persoon, uitslag):
    return DuoGebeurtenis(
        gebeurtenis=codes.Gebeurtenis.SS131,
        gevolg=gevolg_van_gebeurtenis(codes.Gebeurtenis.SS131),
        inburgeraar=persoon,
        actor=Actor(gemeente=persoon.gemeente, systeem="DUO-koppeling"),
        tijdstip=datetime(2026, 3, 2, 9, tzinfo=ZoneInfo("Europe/Amsterdam")),
        meldingsdatum=date(2026, 3, 2),
        nieuw=False,
        tijdlijn=lambda *args, **kwargs: None,
        lbt_uitslag=uitslag,
    )


def test_the_result_lands_on_a_new_brede_intake_with_the_advice(gemeente_a, inburgeraar_factory):
    persoon = inburgeraar_factory(gemeente_a, bsn=nieuw_bsn())
    uitslag = LbtUitslag(
        resultaat="B1-route niet haalbaar",
        behaalde_score="29,00",
        benodigde_score="31,00",
        datum_afname=date(2023, 3, 1),
    )
    lbt_uitslag_overnemen(_ss131(persoon, uitslag))
    intake = BredeIntake.objects.get(dossier=persoon.dossier)
    assert intake.lbt_resultaat == "B1-route niet haalbaar"
    assert (intake.lbt_behaalde_score, intake.lbt_benodigde_score) == (Decimal(29), Decimal(31))
    assert intake.lbt_afgenomen_op == date(2023, 3, 1)
    assert intake.geadviseerde_leerroute == "Z"
    persoon.dossier.refresh_from_db()
    assert persoon.dossier.status == Status.INTAKE


def test_without_a_result_from_duo_nothing_changes(gemeente_a, inburgeraar_factory):
    persoon = inburgeraar_factory(gemeente_a, bsn=nieuw_bsn())
    lbt_uitslag_overnemen(_ss131(persoon, None))
    assert not BredeIntake.objects.exists()
