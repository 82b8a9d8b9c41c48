"""The SVG charts (accessible, no colour-only meaning, escaped) and the computation's entry points
(service idempotent, command, tasks, the "Nu opnieuw berekenen" button)."""

import io
import re
import xml.etree.ElementTree as ET
from datetime import date

from django.core.management import CommandError, call_command
from django.urls import reverse

import pytest

from openinburgering.accounts.rollen import Rol
from openinburgering.cijfers import grafiek
from openinburgering.cijfers.models import Bijwerking, Kengetal
from openinburgering.cijfers.services import bak, kengetallen_bijwerken
from openinburgering.cijfers.tasks import cijfers_bijwerken, cijfers_dagelijks

SVG = "{http://www.w3.org/2000/svg}"


def _svg(tekst: str) -> ET.Element:
    return ET.fromstring(str(tekst))


def test_bars_are_an_image_with_title_desc_values_and_a_pattern_per_series():
    svg = grafiek.staven(
        id="g-test",
        titel="Titel <met> & tekens",
        uitleg="Uitleg",
        categorieen=["Een", "Twee"],
        reeksen=[
            grafiek.Reeks("Open", [3, 10]),
            grafiek.Reeks("Te laat", [1, None], teksten=["1", "<5"]),
        ],
    )
    boom = _svg(svg)
    assert boom.get("role") == "img"
    assert boom.get("aria-labelledby") == "g-test-titel g-test-uitleg"
    assert boom.find(f"{SVG}title").text == "Titel <met> & tekens"
    assert boom.find(f"{SVG}desc").text == "Uitleg"
    teksten = [t.text for t in boom.iter(f"{SVG}text")]
    # Every value as text, the legend inside the picture, the suppressed value as "<5".
    assert {"3", "10", "1", "<5", "Open", "Te laat", "Een", "Twee"} <= set(teksten)
    # The second series is told apart by a pattern, not only by colour.
    assert 'fill="url(#g-test-schuin)"' in svg
    # The suppressed value has no length: an outline of fixed width, dashed.
    assert 'stroke-dasharray="3 2"' in svg


def test_lines_use_marker_shapes_and_dashes_and_break_on_a_missing_value():
    svg = grafiek.lijnen(
        id="g-lijn",
        titel="T",
        uitleg="U",
        labels=["jan", "feb", "mrt", "apr"],
        reeksen=[grafiek.Reeks("A", [1, 2, None, 4]), grafiek.Reeks("B", [4, 3, 2, 1])],
    )
    boom = _svg(svg)
    assert boom.get("role") == "img"
    paden = [p for p in boom.iter(f"{SVG}path") if p.get("fill") == "none"]
    # Series A is broken in two (only the piece with two points is a line), B is one line.
    assert len(paden) == 2
    assert {p.get("stroke-dasharray") for p in paden} == {"", "6 4"}
    assert boom.findall(f"{SVG}circle") and boom.findall(f"{SVG}rect")


def test_no_inline_style_in_a_chart():
    # The CSP allows no inline styles: presentation through classes and attributes only.
    svg = str(
        grafiek.staven(
            id="g", titel="t", uitleg="u", categorieen=["a"], reeksen=[grafiek.Reeks("x", [1])]
        )
    )
    assert "style=" not in svg and "<style" not in svg


@pytest.mark.parametrize(
    ("dagen", "verwacht"), [(0, "0-4"), (28, "0-4"), (29, "5-8"), (70, "9-10"), (71, "10+")]
)
def test_buckets_of_days(dagen, verwacht):
    assert bak(dagen) == verwacht


def test_computation_is_idempotent_and_isolated_per_gemeente(
    gemeente_a, gemeente_b, inburgeraar_factory
):
    for _ in range(3):
        inburgeraar_factory(gemeente_a)
    inburgeraar_factory(gemeente_b)
    eerste = kengetallen_bijwerken(gemeente=gemeente_a, peildatum=date(2026, 12, 7))
    rijen = sorted(
        Kengetal.objects.filter(gemeente=gemeente_a).values_list("sleutel", "onderdeel", "aantal")
    )
    tweede = kengetallen_bijwerken(gemeente=gemeente_a, peildatum=date(2026, 12, 7))
    assert eerste.dossiers == tweede.dossiers == 3
    assert (
        sorted(
            Kengetal.objects.filter(gemeente=gemeente_a).values_list(
                "sleutel", "onderdeel", "aantal"
            )
        )
        == rijen
    )
    assert sum(a for s, o, a in rijen if s == "aangemeld") == 3
    assert not Kengetal.objects.filter(gemeente=gemeente_b).exists()
    assert Bijwerking.objects.get(gemeente=gemeente_a).dossiers == 3


def test_command_and_tasks(gemeente_a, gemeente_b, inburgeraar_factory):
    inburgeraar_factory(gemeente_a)
    uit = io.StringIO()
    call_command("cijfers_bijwerken", gemeente=gemeente_a.code, stdout=uit)
    assert re.search(rf"{gemeente_a.code}: dossiers=1 ", uit.getvalue())
    assert not Bijwerking.objects.filter(gemeente=gemeente_b).exists()
    with pytest.raises(CommandError):
        call_command("cijfers_bijwerken", gemeente="9999", stdout=io.StringIO())
    assert cijfers_dagelijks.call() == {"gemeenten": 2, "dossiers": 1}
    assert cijfers_bijwerken.call(gemeente_b.code) == {"gemeenten": 1, "dossiers": 0}


def test_the_button_queues_the_active_gemeente(gemeente_a, medewerker, inloggen, settings):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    client = inloggen(medewerker(Rol.TEAMLEIDER, gemeente_a))
    assert client.get(reverse("cijfers:bijwerken")).status_code == 405
    antwoord = client.post(reverse("cijfers:bijwerken"))
    assert antwoord.status_code == 302
    assert Bijwerking.objects.filter(gemeente=gemeente_a).exists()
    html = client.get(reverse("cijfers:dashboard")).content.decode()
    assert "Berekend op" in html


def test_a_dashboard_without_computed_figures_says_so(gemeente_a, medewerker, inloggen):
    client = inloggen(medewerker(Rol.BELEIDSMEDEWERKER, gemeente_a))
    html = client.get(reverse("cijfers:dashboard")).content.decode()
    assert "nog niet berekend" in html
    assert (
        client.get(reverse("cijfers:pagina", kwargs={"pagina": "bestaat-niet"})).status_code == 404
    )
    assert (
        client.get(
            reverse("cijfers:export", kwargs={"sectie": "trechter", "formaat": "pdf"})
        ).status_code
        == 404
    )


def test_a_school_user_has_no_dashboard(db, inloggen):
    from openinburgering.accounts.tests.factories import UserFactory

    client = inloggen(UserFactory())
    assert client.get(reverse("cijfers:dashboard")).status_code == 403


def test_a_new_computation_shows_at_once_despite_the_cache(
    gemeente_a, medewerker, inloggen, inburgeraar_factory
):
    client = inloggen(medewerker(Rol.BELEIDSMEDEWERKER, gemeente_a))
    inburgeraar_factory(gemeente_a)
    kengetallen_bijwerken(gemeente=gemeente_a)
    assert "Van de 1 personen" in client.get(reverse("cijfers:dashboard")).content.decode()
    inburgeraar_factory(gemeente_a)
    assert "Van de 1 personen" in client.get(reverse("cijfers:dashboard")).content.decode()
    kengetallen_bijwerken(gemeente=gemeente_a)
    assert "Van de 2 personen" in client.get(reverse("cijfers:dashboard")).content.decode()
    raad = reverse("cijfers:raad", kwargs={"code": gemeente_a.code})
    assert client.get(raad).status_code == 200
