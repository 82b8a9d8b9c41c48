"""The worklist's sources are registered by the apps that own them (``core.werklijst``)."""

from django.urls import reverse

import pytest

from openinburgering.accounts.rollen import Rol
from openinburgering.core.werklijst import bronnen
from openinburgering.signalen.models import Signaal, SignaalStatus, Soort
from openinburgering.signalen.services import signalen_herberekenen

from .helpers import PEILDATUM, dossier_met_elke_bron

pytestmark = pytest.mark.django_db


def test_each_owning_app_registers_its_source():
    assert {b.naam for b in bronnen()} == {"termijnen", "duo", "school", "begeleiding", "portaal"}
    # Every kind of work item has exactly one source.
    soorten = [s for b in bronnen() for s in b.soorten]
    assert sorted(soorten) == sorted(Soort.values)


def test_every_registered_source_appears_on_the_worklist(
    gemeente_a, inburgeraar_factory, medewerker, inloggen
):
    persoon = dossier_met_elke_bron(gemeente_a, inburgeraar_factory)
    signalen_herberekenen(peildatum=PEILDATUM)
    open_ = list(Signaal.objects.filter(dossier=persoon.dossier, status=SignaalStatus.OPEN))
    for bron in bronnen():
        assert any(s.soort in bron.soorten for s in open_), bron.naam

    client = inloggen(medewerker(Rol.TEAMLEIDER, gemeente_a))
    inhoud = client.get(reverse("signalen:werklijst"), {"tab": "niet_toegewezen"}).content.decode()
    for titel in (
        "PIP vaststellen binnen 10 weken",
        "Uitslag leerbaarheidstoets 1",
        "Verzuim boven de grens van het contract",
        "Begeleiding: Huisarts",
    ):
        assert titel in inhoud
    # Each source says where its items are resolved.
    assert reverse("taalaanbieders:aandachtspunten") in inhoud
    assert reverse("begeleiding:checklist", kwargs={"uuid": persoon.uuid}) in inhoud
    assert reverse("inburgeraars:detail", kwargs={"uuid": persoon.uuid}) in inhoud  # DUO


def test_recompute_with_every_source_costs_a_constant_number_of_queries(
    gemeente_a, inburgeraar_factory, django_assert_max_num_queries
):
    for _ in range(2):
        dossier_met_elke_bron(gemeente_a, inburgeraar_factory)
    signalen_herberekenen(peildatum=PEILDATUM)
    with django_assert_max_num_queries(25) as weinig:
        signalen_herberekenen(peildatum=PEILDATUM)
    for _ in range(10):
        dossier_met_elke_bron(gemeente_a, inburgeraar_factory, werkitems=3)
    signalen_herberekenen(peildatum=PEILDATUM)
    with django_assert_max_num_queries(len(weinig.captured_queries)):
        signalen_herberekenen(peildatum=PEILDATUM)
    # And when a service recomputes a few dossiers by id, as after a change.
    ids = list(Signaal.objects.values_list("dossier_id", flat=True).distinct())
    with django_assert_max_num_queries(len(weinig.captured_queries)):
        signalen_herberekenen(peildatum=PEILDATUM, dossier_ids=ids)


def test_the_worklist_with_every_source_keeps_a_constant_query_count_and_pages_by_cursor(
    gemeente_a, inburgeraar_factory, medewerker, inloggen, django_assert_max_num_queries
):
    client = inloggen(medewerker(Rol.TEAMLEIDER, gemeente_a))
    dossier_met_elke_bron(gemeente_a, inburgeraar_factory)
    signalen_herberekenen(peildatum=PEILDATUM)
    url = reverse("signalen:werklijst") + "?tab=niet_toegewezen"
    client.get(url)
    with django_assert_max_num_queries(50) as weinig:
        assert client.get(url).status_code == 200
    for _ in range(8):
        dossier_met_elke_bron(gemeente_a, inburgeraar_factory, werkitems=2)
    signalen_herberekenen(peildatum=PEILDATUM)
    with django_assert_max_num_queries(len(weinig.captured_queries)):
        response = client.get(url)
    assert response.content.decode().count('name="signalen"') == 25
    # The next page, by cursor, shows the rest once: every open item exactly once in total.
    gezien = set()
    volgende = url
    while volgende:
        pagina = client.get(volgende).context["pagina"]
        gezien.update(s.uuid for s in pagina.items)
        volgende = f"{url}&na={pagina.volgende}" if pagina.volgende else None
    assert len(gezien) == Signaal.objects.filter(status=SignaalStatus.OPEN).count() > 25


def test_a_change_in_another_app_reaches_the_engine_through_core_dossierfeiten(
    gemeente_a, inburgeraar_factory, medewerker, django_capture_on_commit_callbacks
):
    """intake and pip do not import signalen: they tell ``core.dossierfeiten``, where signalen
    listens, and the dossier is recomputed once the change is committed."""
    from openinburgering.pip.tests.helpers import actor_voor, afgesloten_intake

    persoon = inburgeraar_factory(gemeente_a)
    signalen_herberekenen()
    assert Signaal.objects.filter(dossier=persoon.dossier, soort=Soort.INTAKE_STARTEN).exists()
    with django_capture_on_commit_callbacks(execute=True):
        afgesloten_intake(actor_voor(gemeente_a, medewerker(Rol.KLANTREGISSEUR, gemeente_a)),
                          persoon.dossier)  # fmt: skip
    assert not Signaal.objects.filter(
        dossier=persoon.dossier, soort__in=[Soort.INTAKE_STARTEN, Soort.INTAKE_AFRONDEN],
        status=SignaalStatus.OPEN,
    ).exists()  # fmt: skip
