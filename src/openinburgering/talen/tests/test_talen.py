"""The portal languages: Django knows all eight, the switch remembers the choice (cookie and,
for a signed-in newcomer, the dossier), portal paths follow it and staff pages do not."""

from django.conf import settings
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation

import pytest

from openinburgering.core import talen
from openinburgering.talen import selectors, services, web
from openinburgering.talen.models import Taalvoorkeur

ALLE = ["nl", "en", "ar", "ti", "fa", "uk", "tr", "so"]


def test_the_eight_languages_of_the_issue():
    assert list(talen.CODES) == ALLE
    assert set(talen.VERTAALDE_CODES) == {"ar", "ti", "fa", "uk", "tr", "so"}
    # The staff UI keeps its two.
    assert [c for c, _n in settings.LANGUAGES] == ["nl", "en"]


@pytest.mark.parametrize("code", ALLE)
def test_django_knows_every_portal_language(code):
    info = translation.get_language_info(code)
    assert info["code"] == code
    assert info["bidi"] is (code in ("ar", "fa"))
    assert info["name_local"]
    with translation.override(code):
        assert translation.get_language_bidi() is (code in ("ar", "fa"))


def test_tigrinya_and_somali_are_added_without_overruling_django():
    from django.conf.locale import LANG_INFO

    assert LANG_INFO["ti"]["name_local"] == "ትግርኛ"
    assert LANG_INFO["so"]["name_local"] == "Soomaali"
    assert LANG_INFO["prs"]["bidi"] is True
    eigen = dict(LANG_INFO["fa"])
    talen.registreer_lang_info()
    assert LANG_INFO["fa"] == eigen


@pytest.mark.parametrize(
    ("invoer", "verwacht"),
    [("ar", "ar"), ("fa-af", "fa"), ("TI", "ti"), ("so_SO", "so"), ("de", "nl"), (None, "nl")],
)
def test_a_code_leads_to_a_portal_language_or_dutch(invoer, verwacht):
    assert talen.portaaltaal(invoer).code == verwacht


def test_right_to_left_only_for_arabic_script():
    assert {t.code for t in talen.PORTAALTALEN if t.richting == "rtl"} == {"ar", "fa"}


# --- the switch and the middleware ---------------------------------------------------------


def test_the_switch_sets_the_cookie_and_returns_to_the_page(client, db):
    antwoord = client.post("/talen/kiezen/", {"taal": "ti", "next": "/portaal/afspraken/"})
    assert antwoord.status_code == 302
    assert antwoord["Location"] == "/portaal/afspraken/"
    koek = antwoord.cookies[talen.COOKIE]
    assert koek.value == "ti"
    assert koek["httponly"] and koek["samesite"] == "Lax"
    assert int(koek["max-age"]) == talen.COOKIE_LEEFTIJD


def test_the_switch_never_sends_you_elsewhere_and_ignores_an_unknown_language(client, db):
    antwoord = client.post("/talen/kiezen/", {"taal": "xx", "next": "https://example.com/"})
    assert antwoord.status_code == 302
    assert antwoord["Location"] == web.PORTAAL_PADEN[0]
    assert talen.COOKIE not in antwoord.cookies


def test_the_switch_is_a_post(client, db):
    assert client.get("/talen/kiezen/").status_code == 405


def test_the_switch_needs_the_csrf_token(db):
    from django.test import Client

    antwoord = Client(enforce_csrf_checks=True).post("/talen/kiezen/", {"taal": "ar"})
    assert antwoord.status_code == 403


def test_a_portal_path_follows_the_choice_and_a_staff_page_does_not(client, db):
    client.cookies[talen.COOKIE] = "uk"
    verzoek = RequestFactory().get("/portaal/")
    verzoek.COOKIES[talen.COOKIE] = "uk"
    assert web.taal_van_verzoek(verzoek) == "uk"
    antwoord = client.post("/talen/kiezen/", {"taal": "uk"})  # a portal path
    assert antwoord["Content-Language"] == "uk"
    assert "Cookie" in antwoord["Vary"]
    inlog = client.get("/inloggen/")
    assert inlog["Content-Language"] == "nl"


def test_the_klantregisseurs_pages_under_the_portal_keep_the_staff_language():
    assert web.is_portaalpad("/portaal/afspraken/")
    assert web.is_portaalpad("/talen/kiezen/")
    assert not web.is_portaalpad("/portaal/medewerker/berichten/x/afgehandeld/")
    assert not web.is_portaalpad("/inburgeraars/")


def test_without_a_portal_choice_the_staff_choice_or_dutch():
    verzoek = RequestFactory().get("/portaal/")
    assert web.taal_van_verzoek(verzoek) == "nl"
    verzoek.COOKIES[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert web.taal_van_verzoek(verzoek) == "en"
    verzoek.COOKIES[settings.LANGUAGE_COOKIE_NAME] = "ar"  # not a staff language
    assert web.taal_van_verzoek(verzoek) == "nl"
    verzoek.COOKIES[talen.COOKIE] = "so"
    assert web.taal_van_verzoek(verzoek) == "so"


# --- the stored preference -------------------------------------------------------------------


@pytest.fixture
def ingelogd(monkeypatch, gemeente_a, inburgeraar_factory):
    persoon = inburgeraar_factory(gemeente_a)
    monkeypatch.setattr(web, "_inburgeraar_van_verzoek", lambda request: persoon)
    return persoon


def test_a_signed_in_newcomers_choice_is_kept_on_the_dossier(client, ingelogd):
    client.post("/talen/kiezen/", {"taal": "fa"})
    assert selectors.opgeslagen_taal(inburgeraar=ingelogd) == "fa"
    client.post("/talen/kiezen/", {"taal": "tr"})
    assert selectors.opgeslagen_taal(inburgeraar=ingelogd) == "tr"
    assert Taalvoorkeur.objects.filter(inburgeraar=ingelogd).count() == 1


def test_an_unknown_language_is_refused_and_nothing_is_stored(ingelogd):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.taal_bewaren(inburgeraar=ingelogd, taal="de")
    assert not Taalvoorkeur.objects.exists()


def test_at_sign_in_the_stored_language_wins(gemeente_a, inburgeraar_factory):
    from django.http import HttpResponse

    persoon = inburgeraar_factory(gemeente_a)
    services.taal_bewaren(inburgeraar=persoon, taal="ti")
    verzoek = RequestFactory().get("/portaal/")
    verzoek.COOKIES[talen.COOKIE] = "ar"  # picked on the sign-in page, on someone's phone
    antwoord = HttpResponse()
    assert web.bij_inloggen(verzoek, antwoord, persoon) == "ti"
    assert antwoord.cookies[talen.COOKIE].value == "ti"


def test_at_first_sign_in_the_language_picked_before_is_stored(gemeente_a, inburgeraar_factory):
    from django.http import HttpResponse

    persoon = inburgeraar_factory(gemeente_a)
    verzoek = RequestFactory().get("/portaal/")
    verzoek.COOKIES[talen.COOKIE] = "so"
    assert web.bij_inloggen(verzoek, HttpResponse(), persoon) == "so"
    assert selectors.opgeslagen_taal(inburgeraar=persoon) == "so"
    # Nobody chose anything: Dutch, and nothing stored.
    ander = inburgeraar_factory(gemeente_a)
    assert web.bij_inloggen(RequestFactory().get("/"), HttpResponse(), ander) == "nl"
    assert selectors.opgeslagen_taal(inburgeraar=ander) is None


def test_the_preference_goes_with_the_person(gemeente_a, inburgeraar_factory):
    persoon = inburgeraar_factory(gemeente_a)
    services.taal_bewaren(inburgeraar=persoon, taal="uk")
    persoon.delete()
    assert not Taalvoorkeur.objects.exists()


# --- the template tags -----------------------------------------------------------------------


def _render(code: str, pad: str = "/portaal/") -> str:
    verzoek = RequestFactory().get(pad)
    with translation.override(code):
        return Template(
            "{% load talen %}{% portaaltaal as taal %}"
            '<html lang="{{ taal.code }}" dir="{{ taal.richting }}">{% taalkeuze %}</html>'
        ).render(Context({"request": verzoek, "csrf_token": "t"}))


@pytest.mark.parametrize("code", ALLE)
def test_the_switch_names_every_language_in_its_own_script(code):
    html = _render(code)
    eigen = talen.portaaltaal(code)
    assert f'<html lang="{code}" dir="{eigen.richting}">' in html
    for taal in talen.PORTAALTALEN:
        assert f'name="taal" value="{taal.code}" lang="{taal.code}" dir="{taal.richting}"' in html
        assert f">{taal.eigen_naam}</button>" in html
    assert html.count('aria-current="true"') == 1
    assert 'name="next" value="/portaal/"' in html


@pytest.mark.parametrize("code", talen.VERTAALDE_CODES)
def test_a_machine_translated_language_says_so_in_that_language(code):
    html = _render(code)
    assert "oi-machinevertaling" in html
    with translation.override(code):
        melding = translation.gettext("Machinevertaling, nog niet nagekeken.")
    assert melding != "Machinevertaling, nog niet nagekeken."
    assert melding in html


@pytest.mark.parametrize("code", ["nl", "en"])
def test_dutch_and_english_show_no_notice(code):
    assert "oi-machinevertaling" not in _render(code)


@pytest.mark.parametrize(
    ("code", "verwacht"),
    [
        ("nl", "7 december 2026"),
        ("uk", "7 грудня 2026"),  # the month after a day number, as Ukrainian writes it
        ("ti", "7 ታሕሳስ 2026"),
        ("so", "7 Desembar 2026"),
        ("fa", "7 دسامبر 2026"),
    ],
)
def test_dates_as_the_portal_writes_them(code, verwacht):
    from datetime import date

    from django.utils import dateformat

    with translation.override(code):
        assert dateformat.format(date(2026, 12, 7), "j F Y") == verwacht
