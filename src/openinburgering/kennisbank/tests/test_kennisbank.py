"""The kennisbank: its start content in every install, search, the box on caseworkers' pages, the
links from the rules catalogue, and the beheerder's edits (ADR 0071)."""

from django.core.exceptions import ValidationError
from django.urls import reverse

import pytest

from openinburgering.accounts.context import Actor
from openinburgering.accounts.rollen import Rol
from openinburgering.kennisbank import selectors
from openinburgering.kennisbank.models import Artikel
from openinburgering.kennisbank.services import artikel_opslaan
from openinburgering.kennisbank.startinhoud import ARTIKELEN
from openinburgering.kennisbank.startinhoud import laden as startinhoud_laden

pytestmark = pytest.mark.django_db


def _url(slug):
    return reverse("kennisbank:artikel", kwargs={"uuid": Artikel.objects.get(slug=slug).uuid})


@pytest.fixture(autouse=True)
def startinhoud(db):
    """The start content as the migration leaves it (another module's flush may have wiped it)."""
    startinhoud_laden(Artikel)


def test_the_data_migration_loads_the_start_content_once():
    from importlib import import_module

    from django.apps import apps

    migratie = import_module("openinburgering.kennisbank.migrations.0002_startinhoud")
    Artikel.objects.all().delete()
    migratie.laden(apps, None)
    migratie.laden(apps, None)  # again: nothing twice, a beheerder's edits stay
    assert Artikel.objects.count() == len(ARTIKELEN)
    slugs = set(Artikel.objects.values_list("slug", flat=True))
    assert {a["slug"] for a in ARTIKELEN} <= slugs
    for artikel in Artikel.objects.all():
        assert artikel.bron_titel and artikel.bron_datum
        assert not artikel.bron_url or artikel.bron_url.startswith("https://")


@pytest.mark.parametrize(
    ("vraag", "verwacht"),
    [
        ("2.370", "geld-begeleiding-en-pvt-wi2013"),
        ("35,2 miljoen", "geld-structureel-35-miljoen"),
        ("toolbox", "toolbox-participatieverklaring"),
        ("Wi2013", "wet-inburgering-2013-oude-gevallen"),
        ("kennissessies", "kennissessies"),
        ("Cuijk", "praktijkvoorbeelden"),
    ],
)
def test_search_finds_the_seed_topics(vraag, verwacht):
    assert verwacht in [a.slug for a in selectors.zoeken(vraag)]


def test_search_without_a_match_is_empty_and_unpublished_is_hidden():
    assert list(selectors.zoeken("xyzzy-bestaat-niet")) == []
    Artikel.objects.filter(slug="kennissessies").update(gepubliceerd=False)
    assert "kennissessies" not in [a.slug for a in selectors.zoeken("kennissessies")]


def test_box_per_place_and_index_per_rule():
    assert {a.slug for a in selectors.voor_plaats("pvt")} >= {"toolbox-participatieverklaring"}
    assert selectors.voor_plaats("handhaving")
    assert len(selectors.voor_plaats("intake")) <= selectors.IN_KADER
    index = selectors.per_regel()
    assert "cbs-statistiek-wet-inburgering" in [a.slug for a in index["R80"]]


def test_pages_for_staff(inloggen, medewerker, gemeente_a):
    client = inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_a))
    lijst = client.post(reverse("kennisbank:lijst"), {"q": "toolbox"})
    assert lijst.status_code == 200
    assert "Toolbox Participatieverklaring (ProDemos)" in lijst.text
    artikel = client.get(_url("geld-begeleiding-en-pvt-wi2013"))
    assert artikel.status_code == 200
    assert "€ 2.370" in artikel.text and "vng.nl" in artikel.text
    # The caseworker reads; writing is the beheerder's.
    assert client.get(reverse("kennisbank:nieuw")).status_code == 403
    # The rules catalogue links to the entries that explain a rule.
    regels = client.get(reverse("ui:regels"))
    assert _url("cbs-statistiek-wet-inburgering") in regels.text
    assert reverse("kennisbank:lijst") in regels.text


def test_box_on_the_pvt_planning_page(inloggen, medewerker, gemeente_a):
    client = inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_a))
    pagina = client.get(reverse("traject:pvt_groepen"))
    assert pagina.status_code == 200
    assert "Uit de kennisbank" in pagina.text
    assert _url("toolbox-participatieverklaring") in pagina.text


def test_beheerder_writes_and_text_stays_text(inloggen, medewerker, gemeente_a):
    beheerder = medewerker(Rol.FUNCTIONEEL_BEHEERDER, gemeente_a)
    client = inloggen(beheerder)
    antwoord = client.post(
        reverse("kennisbank:nieuw"),
        {
            "titel": "Tolken bij de brede intake",
            "samenvatting": "Wanneer de gemeente een tolk inzet.",
            "tekst": "Eerste alinea <script>alert(1)</script>.\n\nTweede alinea.",
            "bron_titel": "Eigen beleid",
            "bron_url": "https://example.org/tolken",
            "bron_datum": "01-11-2026",
            "tags": "tolk, intake",
            "plaatsen": ["intake"],
            "regels": "r34",
            "gepubliceerd": "on",
        },
    )
    assert antwoord.status_code == 302
    artikel = Artikel.objects.get(slug="tolken-bij-de-brede-intake")
    assert artikel.regels == ["R34"] and artikel.plaatsen == ["intake"]
    pagina = client.get(reverse("kennisbank:artikel", kwargs={"uuid": artikel.uuid}))
    assert "<script>alert(1)</script>" not in pagina.text
    assert "&lt;script&gt;" in pagina.text
    # A stale form is refused, not saved over someone else's change.
    oud = artikel.versie
    artikel_opslaan(
        actor=Actor(gemeente=gemeente_a, user=beheerder, rol=Rol.FUNCTIONEEL_BEHEERDER),
        artikel=artikel,
        versie=oud,
        titel="Tolken bij de intake",
    )
    with pytest.raises(ValidationError):
        artikel_opslaan(
            actor=Actor(gemeente=gemeente_a, user=beheerder, rol=Rol.FUNCTIONEEL_BEHEERDER),
            artikel=artikel,
            versie=oud,
            titel="Iets anders",
        )


def test_bad_input_is_a_dutch_message(inloggen, medewerker, gemeente_a):
    client = inloggen(medewerker(Rol.FUNCTIONEEL_BEHEERDER, gemeente_a))
    antwoord = client.post(
        reverse("kennisbank:nieuw"),
        {
            "titel": "X",
            "samenvatting": "X",
            "tekst": "X",
            "bron_titel": "X",
            "bron_url": "javascript:alert(1)",
            "bron_datum": "32-13-2026",
            "regels": "R9999",
        },
    )
    assert antwoord.status_code == 400
    assert "Vul een geldige datum in" in antwoord.text
    assert not Artikel.objects.filter(titel="X").exists()
