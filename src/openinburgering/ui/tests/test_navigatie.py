"""The grouped main navigation (ADR 0043): every allowed page reachable, few top-level items."""

import re

from django.urls import reverse
from django.utils import translation

import pytest

from openinburgering.accounts.rollen import Recht, Rol, heeft_recht
from openinburgering.ui.context_processors import (
    NAVIGATIE,
    ZONDER_GROEPEN_MAXIMAAL,
    navigatie_html,
    navigatie_voor,
)


def _links(navigatie):
    for item in navigatie:
        if item["soort"] == "groep":
            yield from item["items"]
        else:
            yield item


@pytest.mark.parametrize("rol", list(Rol))
def test_every_allowed_page_is_in_the_navigation_exactly_once(rol):
    navigatie = navigatie_voor(rol, "/")
    urls = [link["url"] for link in _links(navigatie)]
    verwacht = [reverse(naam) for naam, _l, recht, _g in NAVIGATIE if heeft_recht(rol, recht)]
    assert sorted(urls) == sorted(verwacht)
    assert len(urls) == len(set(urls))


@pytest.mark.parametrize("rol", list(Rol))
def test_no_role_gets_more_than_six_top_level_items_and_no_single_item_menu(rol):
    navigatie = navigatie_voor(rol, "/")
    assert len(navigatie) <= ZONDER_GROEPEN_MAXIMAAL
    assert all(len(i["items"]) >= 2 for i in navigatie if i["soort"] == "groep")


@pytest.mark.parametrize("rol", [Rol.KLANTREGISSEUR, Rol.TEAMLEIDER])
def test_daily_work_is_top_level_for_caseworkers(rol):
    bovenaan = [str(i["label"]) for i in navigatie_voor(rol, "/") if i["soort"] == "link"]
    assert bovenaan[:3] == ["Werklijst", "Agenda", "Caseload"]
    groepen = [str(i["label"]) for i in navigatie_voor(rol, "/") if i["soort"] == "groep"]
    assert groepen == ["Aanbod", "Naslag"]


def test_the_functioneel_beheerder_gets_the_beheer_pages_top_level():
    navigatie = navigatie_voor(Rol.FUNCTIONEEL_BEHEERDER, "/")
    bovenaan = [str(i["label"]) for i in navigatie if i["soort"] == "link"]
    assert "Gemeente-instellingen" in bovenaan and "Koppeling DUO" in bovenaan
    assert [str(i["label"]) for i in navigatie if i["soort"] == "groep"] == ["Naslag"]


def test_a_role_with_few_pages_gets_them_all_top_level():
    navigatie = navigatie_voor(Rol.BELEIDSMEDEWERKER, "/")
    assert {i["soort"] for i in navigatie} == {"link"}


def test_the_longest_matching_url_is_the_active_one():
    navigatie = navigatie_voor(Rol.KLANTREGISSEUR, reverse("duo:werkitems"))
    actief = [link["label"] for link in _links(navigatie) if link["actief"]]
    assert [str(a) for a in actief] == ["DUO-werkitems"]


def test_a_group_is_marked_when_the_current_page_is_inside_it(gemeente_a, medewerker, inloggen):
    client = inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_a))
    html = client.get(reverse("traject:pvt_groepen")).content.decode()
    nav = html[html.index('aria-label="Hoofdnavigatie"') : html.index("</nav>")]
    assert re.search(r'<summary[^>]*aria-current="true"[^>]*>Aanbod', nav)
    assert re.search(r'href="/traject/pvt/"[^>]*aria-current="page"', nav)
    assert nav.count('aria-current="page"') == 1


@pytest.mark.parametrize("rol", list(Rol))
def test_every_navigation_link_opens_for_the_role(rol, gemeente_a, medewerker, inloggen):
    client = inloggen(medewerker(rol, gemeente_a))
    html = client.get(reverse("ui:rollen")).content.decode()
    nav = html[html.index('aria-label="Hoofdnavigatie"') : html.index("</nav>")]
    hrefs = re.findall(r'href="([^"]+)"', nav)
    assert hrefs, "the navigation is empty"
    for href in hrefs:
        assert client.get(href).status_code == 200, href


def test_nieuwe_inburgeraar_is_the_primary_action_of_the_caseload(gemeente_a, medewerker, inloggen):
    client = inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_a))
    html = client.get(reverse("inburgeraars:lijst")).content.decode()
    assert f'href="{reverse("inburgeraars:aanmaken")}"' in html
    assert heeft_recht(Rol.KLANTREGISSEUR, Recht.INBURGERAAR_WIJZIGEN)


def test_a_page_below_a_navigation_item_is_current_location_not_current_page():
    lijst = reverse("inburgeraars:lijst")
    caseload = next(
        i
        for i in navigatie_voor(Rol.KLANTREGISSEUR, lijst + "0c0ffee0-0000-0000-0000-000000000000/")
        if i.get("url") == lijst
    )
    assert caseload["actief"] and caseload["huidig"] == "true"
    caseload = next(i for i in navigatie_voor(Rol.KLANTREGISSEUR, lijst) if i.get("url") == lijst)
    assert caseload["huidig"] == "page"


def test_the_rendered_navigation_follows_the_page_role_and_language_though_cached():
    """``navigatie_html`` renders once per role, active link and language (ADR 0061): each of
    those still gets its own markup."""
    lijst, werklijst = reverse("inburgeraars:lijst"), reverse("signalen:werklijst")
    op_de_lijst = navigatie_html(Rol.KLANTREGISSEUR, lijst)
    assert f'href="{lijst}" aria-current="page"' in op_de_lijst
    onder_de_lijst = navigatie_html(Rol.KLANTREGISSEUR, lijst + "0c0ffee0/")
    assert f'href="{lijst}" aria-current="true"' in onder_de_lijst
    assert navigatie_html(Rol.KLANTREGISSEUR, lijst + "0c0ffee0/") is onder_de_lijst
    assert f'href="{werklijst}" aria-current="page"' in navigatie_html(
        Rol.KLANTREGISSEUR, werklijst
    )
    assert "aria-current" not in navigatie_html(Rol.KLANTREGISSEUR, "/elders/")
    beheer = f'href="{reverse("duo:beheer")}"'
    assert beheer not in op_de_lijst
    assert beheer in navigatie_html(Rol.FUNCTIONEEL_BEHEERDER, lijst)
    with translation.override("en"):
        assert "Main navigation" in navigatie_html(Rol.KLANTREGISSEUR, lijst)
    assert "Hoofdnavigatie" in navigatie_html(Rol.KLANTREGISSEUR, lijst)
