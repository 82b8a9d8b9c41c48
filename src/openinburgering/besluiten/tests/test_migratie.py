"""Migration besluiten 0002: every PIP decision and every fine becomes a Beschikking and the PIP's
bezwaren move onto it with nothing lost; going back puts everything where it was."""

from datetime import date
from decimal import Decimal

from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

import pytest

VOOR = [
    ("besluiten", "0001_initial"),
    ("pip", "0003_pipversie_beschikking"),
    ("handhaving", "0003_handhavingsstap_beschikking"),
]

BEZWAAR = {
    "ontvangen_op": date(2025, 3, 20),
    "datum_ter_post": date(2025, 3, 18),
    "tijdig": False,
    "tijdigheid_uitleg": "Het bezwaar is te laat.",
    "adviescommissie": True,
    "verdaagd": True,
    "beslissen_uiterlijk": date(2025, 7, 31),
    "uitkomst": "open",
    "toelichting": "Per post, met bewijs van verzending.",
}


def _naar(doelen):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(doelen or executor.loader.graph.leaf_nodes())
    return executor.loader.project_state(doelen).apps if doelen else None


def _pip(apps, persoon, gemeente, volgnummer, status, dagtekening, bezwaar_uiterlijk):
    return apps.get_model("pip", "PipVersie").objects.create(
        gemeente_id=gemeente.pk, dossier_id=persoon.dossier.pk, volgnummer=volgnummer,
        status=status, leerroute="B", dagtekening=dagtekening, vastgesteld_op=timezone.now(),
        beschikking_pad=f"beschikkingen/{gemeente.code}/{volgnummer}.pdf",
        bezwaar_uiterlijk=bezwaar_uiterlijk,
    )  # fmt: skip


@pytest.mark.django_db(transaction=True)
def test_decisions_and_bezwaren_move_to_besluiten_and_back(gemeente_a, inburgeraar_factory):
    persoon = inburgeraar_factory(gemeente_a)
    apps = _naar(VOOR)
    eerste = _pip(apps, persoon, gemeente_a, 1, "vervangen", date(2025, 2, 14), date(2025, 3, 28))
    tweede = _pip(apps, persoon, gemeente_a, 2, "vastgesteld", date(2025, 5, 2), date(2025, 6, 13))
    apps.get_model("pip", "PipVersie").objects.create(
        gemeente_id=gemeente_a.pk, dossier_id=persoon.dossier.pk, volgnummer=3, leerroute="B"
    )  # a concept is no decision
    PipBezwaar = apps.get_model("pip", "Bezwaar")
    open_bezwaar = PipBezwaar.objects.create(
        gemeente_id=gemeente_a.pk, pip_versie=eerste, **BEZWAAR
    )
    beslist = PipBezwaar.objects.create(
        gemeente_id=gemeente_a.pk, pip_versie=tweede,
        **{**BEZWAAR, "uitkomst": "deels_gegrond", "beslist_op": date(2025, 6, 20)},
    )  # fmt: skip
    zaak = apps.get_model("handhaving", "Handhavingszaak").objects.create(
        gemeente_id=gemeente_a.pk, dossier_id=persoon.dossier.pk, verplichting="map",
        artikel="Wi2021 art. 23", overtredingsdatum=date(2025, 3, 1), omschrijving="x",
        status="besloten",
    )  # fmt: skip
    Stap = apps.get_model("handhaving", "Handhavingsstap")
    Stap.objects.create(zaak=zaak, soort="voornemen", datum=date(2025, 4, 1), bedrag=500)
    boete = Stap.objects.create(
        zaak=zaak, soort="besluit", datum=date(2025, 5, 1), bedrag=Decimal("400.50"),
        bezwaar_uiterlijk=date(2025, 6, 12), regel="R23",
    )  # fmt: skip

    _naar(None)

    from openinburgering.besluiten.models import Beschikking, Bezwaar
    from openinburgering.handhaving.models import Handhavingsstap
    from openinburgering.pip.models import PipVersie

    assert Beschikking.objects.count() == 3  # two PIP versions and the fine; not the concept
    b1 = PipVersie.objects.get(pk=eerste.pk).beschikking
    assert (b1.soort, b1.omschrijving, b1.gemeente_id, b1.dossier_id) == (
        "pip", "PIP 1", gemeente_a.pk, persoon.dossier.pk,
    )  # fmt: skip
    assert (b1.datum, b1.bekendgemaakt_op, b1.bezwaar_uiterlijk, b1.status) == (
        date(2025, 2, 14), date(2025, 2, 14), date(2025, 3, 28), "vervangen",
    )  # fmt: skip
    b2 = PipVersie.objects.get(pk=tweede.pk).beschikking
    assert (b2.bezwaar_uiterlijk, b2.status) == (date(2025, 6, 13), "herzien")
    assert PipVersie.objects.get(volgnummer=3).beschikking is None
    # Every bezwaar with its own uuid (work items point at it) and every field.
    verhuisd = Bezwaar.objects.get(uuid=open_bezwaar.uuid)
    assert verhuisd.beschikking == b1 and verhuisd.gemeente_id == gemeente_a.pk
    for veld, waarde in BEZWAAR.items():
        assert getattr(verhuisd, veld) == waarde, veld
    verhuisd2 = Bezwaar.objects.get(uuid=beslist.uuid)
    assert (verhuisd2.beschikking, verhuisd2.uitkomst, verhuisd2.beslist_op) == (
        b2, "deels_gegrond", date(2025, 6, 20),
    )  # fmt: skip
    stap = Handhavingsstap.objects.get(pk=boete.pk)
    assert (stap.beschikking.soort, stap.beschikking.omschrijving) == (
        "boete", "Boete € 400,50 (Wi2021 art. 23)",
    )  # fmt: skip
    assert (
        stap.bezwaar_uiterlijk == date(2025, 6, 12) and stap.beschikking.status == "bekendgemaakt"
    )
    assert Handhavingsstap.objects.get(soort="voornemen").beschikking is None

    # And back: the dates and bezwaren are where they were, with the same uuids.
    apps = _naar(VOOR)
    oud = apps.get_model("pip", "Bezwaar").objects.get(uuid=open_bezwaar.uuid)
    assert oud.pip_versie_id == eerste.pk
    for veld, waarde in BEZWAAR.items():
        assert getattr(oud, veld) == waarde, veld
    assert apps.get_model("pip", "PipVersie").objects.get(pk=tweede.pk).bezwaar_uiterlijk == date(
        2025, 6, 13
    )
    assert apps.get_model("handhaving", "Handhavingsstap").objects.get(
        pk=boete.pk
    ).bezwaar_uiterlijk == date(2025, 6, 12)
    assert not apps.get_model("besluiten", "Beschikking").objects.exists()
    _naar(None)  # leave the database whole for the tests after this one
