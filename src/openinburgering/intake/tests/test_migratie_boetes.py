"""Migration 0004: a fine recorded as an intake step becomes a besloten handhaving zaak
(art. 22) with one besluit step; the intake keeps its other steps (ADR 0040)."""

from datetime import date
from decimal import Decimal

from django.db import connection
from django.db.migrations.executor import MigrationExecutor

import pytest

VOOR = [("intake", "0003_niet_meewerken_brieven_en_lbt")]
NA = [("intake", "0005_geen_boete_op_de_intake")]


@pytest.mark.django_db(transaction=True)
def test_intake_fines_move_to_handhaving(gemeente_a, inburgeraar_factory):
    persoon = inburgeraar_factory(gemeente_a)
    executor = MigrationExecutor(connection)
    executor.migrate(VOOR)
    apps = executor.loader.project_state(VOOR).apps
    intake = apps.get_model("intake", "BredeIntake").objects.create(
        gemeente_id=gemeente_a.pk, dossier_id=persoon.dossier.pk, gestart_op=date(2025, 1, 2)
    )
    Stap = apps.get_model("intake", "Handhavingsstap")
    Stap.objects.create(intake=intake, soort="uitnodiging", datum=date(2025, 1, 6), genegeerd=True)
    Stap.objects.create(
        intake=intake, soort="waarschuwing", datum=date(2025, 1, 20), genegeerd=True
    )
    Stap.objects.create(
        intake=intake, soort="boete", datum=date(2025, 2, 3), bedrag=Decimal(200),
        matigingsreden="Weinig draagkracht", regel="R30", toelichting="Tweede oproep genegeerd.",
    )  # fmt: skip

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(NA)
    # Forward to the end, as a real upgrade does: the fine then also becomes a beschikking
    # (besluiten 0002), and the database is whole again for the tests after this one.
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())

    from openinburgering.handhaving.models import Handhavingszaak
    from openinburgering.intake.models import Handhavingsstap

    assert list(Handhavingsstap.objects.values_list("soort", flat=True)) == [
        "uitnodiging",
        "waarschuwing",
    ]
    zaak = Handhavingszaak.objects.get()
    assert (zaak.gemeente_id, zaak.dossier_id) == (gemeente_a.pk, persoon.dossier.pk)
    assert (zaak.verplichting, zaak.artikel, zaak.status) == (
        "brede_intake",
        "Wi2021 art. 22",
        "besloten",
    )
    assert zaak.overtredingsdatum == date(2025, 1, 20) and zaak.genegeerde_oproepen == 2
    assert "Tweede oproep genegeerd." in zaak.omschrijving
    besluit = zaak.stappen.get()
    assert (besluit.soort, besluit.datum, besluit.bedrag) == ("besluit", date(2025, 2, 3), 200)
    assert besluit.matigingsreden == "Weinig draagkracht"
    assert besluit.bezwaar_uiterlijk == date(2025, 3, 17) and besluit.regel == "R23"
    assert (besluit.beschikking.soort, besluit.beschikking.bekendgemaakt_op) == (
        "boete",
        date(2025, 2, 3),
    )
    assert besluit.brief_pad == ""  # there was no letter to move
