"""Brede intake services: closing checks (R26/R27), health behind its right, meetings with an
interpreter, and the LBT advice (R28/R29). Non-cooperation: test_niet_meewerken.py."""

from datetime import date

import pytest

from openinburgering.accounts.rollen import Rol
from openinburgering.core.exceptions import Conflict, Geweigerd, RegelsGeschonden
from openinburgering.intake import services
from openinburgering.pip.tests.helpers import actor_voor

pytestmark = pytest.mark.django_db


@pytest.fixture
def actor(gemeente_a, medewerker):
    return actor_voor(gemeente_a, medewerker(Rol.KLANTREGISSEUR, gemeente_a))


@pytest.fixture
def intake(actor, gemeente_a, inburgeraar_factory):
    return services.intake_starten(actor=actor, dossier=inburgeraar_factory(gemeente_a).dossier)


@pytest.mark.parametrize(
    ("velden", "regels"),
    [
        pytest.param({}, {"R26", "R27"}, id="leeg"),
        pytest.param(
            {"taal_en_opleiding": "x", "werkervaring": "x", "gezondheid": "x",
             "huisvesting": "x", "lbt_afgenomen_op": date(2025, 1, 2)}, set(), id="volledig",
        ),
        pytest.param(
            {"taal_en_opleiding": "x", "werkervaring": "x", "gezondheid": "x",
             "huisvesting": "x", "visuele_beperking": True}, set(), id="R27-vrijgesteld",
        ),
        pytest.param(
            {"taal_en_opleiding": "x", "werkervaring": "x", "huisvesting": "x",
             "lbt_afgenomen_op": date(2025, 1, 2)}, {"R26"}, id="R26-zonder-gezondheid",
        ),
    ],
)  # fmt: skip
def test_closing_checks_r26_r27(actor, intake, velden, regels):
    intake = services.intake_opslaan(actor=actor, intake=intake, versie=None, **velden)
    if regels:
        with pytest.raises(RegelsGeschonden) as exc:
            services.intake_afsluiten(actor=actor, intake=intake, versie=None)
        assert set(exc.value.uitkomst.regel_ids) == regels
    else:
        assert services.intake_afsluiten(actor=actor, intake=intake, versie=None).afgesloten_op


def test_a_role_without_the_health_right_cannot_write_or_wipe_health(
    actor, intake, gemeente_a, medewerker
):
    services.intake_opslaan(actor=actor, intake=intake, versie=None, gezondheid="Diabetes.")
    teamleider = actor_voor(gemeente_a, medewerker(Rol.TEAMLEIDER, gemeente_a), Rol.TEAMLEIDER)
    intake.refresh_from_db()
    services.intake_opslaan(actor=teamleider, intake=intake, versie=None, gezondheid="")
    intake.refresh_from_db()
    assert intake.gezondheid == "Diabetes."


def test_concurrent_intake_saves_conflict(actor, intake):
    gezien = intake.versie
    services.intake_opslaan(actor=actor, intake=intake, versie=gezien, ambities="Verpleegkundige")
    with pytest.raises(Conflict):
        services.intake_opslaan(actor=actor, intake=intake, versie=gezien, ambities="Kok")


def test_meeting_with_interpreter_needs_the_language(actor, intake):
    with pytest.raises(Geweigerd):
        services.gesprek_toevoegen(
            actor=actor, intake=intake, datum=date(2025, 1, 2), tolk_gebruikt=True
        )
    gesprek = services.gesprek_toevoegen(
        actor=actor, intake=intake, datum=date(2025, 1, 2), tolk_gebruikt=True, tolk_taal="Tigrinya"
    )
    assert gesprek.tolk_taal == "Tigrinya"


@pytest.mark.parametrize(
    ("behaald", "nodig", "afname", "advies"),
    [
        (30, 28, date(2025, 1, 2), "B"),
        (20, 28, date(2025, 1, 2), "Z"),
        (29, None, date(2023, 3, 1), "Z"),  # R28: before 12-04-2023 the mark was 31
    ],
)
def test_lbt_advice_follows_r28(actor, intake, behaald, nodig, afname, advies):
    intake = services.intake_opslaan(
        actor=actor, intake=intake, versie=None, lbt_afgenomen_op=afname,
        lbt_behaalde_score=behaald, lbt_benodigde_score=nodig,
    )  # fmt: skip
    assert services.leerroute_advies(intake) == advies
