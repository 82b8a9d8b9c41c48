"""Issue 15, finding 8 and the header crawl: every route of the URLconf, as a caseworker (and the
API with the gemeente's token), answers with the security headers and never with a 500.

Generated from the URLconf, so a new page is crawled the day it is added. Routes with a UUID are
tried with real objects of the caseworker's gemeente (made with the factories) until one is
found; a 404 for a route whose object is of another kind is checked as well.
"""

import re

from django.conf import settings
from django.test import Client
from django.urls import URLResolver, get_resolver

import pytest

from openinburgering.accounts.rollen import Rol
from openinburgering.core.middleware import PERMISSIONS_POLICY
from openinburgering.ui.fouten import _modellen_met_uuid

pytestmark = pytest.mark.django_db

_PARAMETER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<naam>[^>]+)>")


def _routes(patronen=None, prefix=""):
    for patroon in get_resolver().url_patterns if patronen is None else patronen:
        if isinstance(patroon, URLResolver):
            yield from _routes(patroon.url_patterns, prefix + str(patroon.pattern))
        else:
            yield "/" + prefix + str(patroon.pattern)


ROUTES = sorted(set(_routes()))
VASTE_ROUTES = [r for r in ROUTES if not _PARAMETER.search(r)]
ROUTES_MET_PARAMETER = [r for r in ROUTES if _PARAMETER.search(r)]


def controleer_headers(pad: str, response) -> None:
    assert response.status_code < 500, f"{pad}: {response.status_code}"
    csp = response.get("Content-Security-Policy", "")
    assert "default-src 'self'" in csp, pad
    assert "frame-ancestors 'none'" in csp, pad
    assert response.get("X-Frame-Options") == "DENY", pad
    assert response.get("Referrer-Policy") == "same-origin", pad
    assert response.get("X-Content-Type-Options") == "nosniff", pad
    assert response.get("Permissions-Policy") == PERMISSIONS_POLICY, pad
    for functie in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{functie}=()" in PERMISSIONS_POLICY
    if not pad.startswith(settings.STATIC_URL):
        assert response.get("Cache-Control") == "no-store", pad
        assert response.get("Pragma") == "no-cache", pad


@pytest.fixture
def crawler(gemeente_a, medewerker, inloggen, api_client, inburgeraar_factory, requests_mock):
    """A signed-in caseworker and the gemeente's API token, and real objects to visit.

    ``requests_mock`` answers nothing: no page may reach DUO or the BRP during the crawl (the
    DUO client turns that into a message, as when DUO is down).
    """
    inburgeraar_factory(gemeente_a)
    medewerker_client = inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_a))
    api = api_client(gemeente_a)
    voorbeelden = []
    for model, pad in _modellen_met_uuid():
        uuid = model.objects.filter(**{f"{pad}": gemeente_a}).values_list("uuid", flat=True).first()
        if uuid is not None:
            voorbeelden.append(str(uuid))

    def get(pad):
        client = api if pad.startswith("/api/") else medewerker_client
        return client.get(pad)

    return get, voorbeelden


def _invullen(route: str, uuid: str) -> str:
    def waarde(match):
        if match["converter"] == "uuid":
            return uuid
        if match["converter"] == "uitnodiging":
            return "x" * 43  # the shape of an invitation token, one that was never issued
        return "voorbeeld"

    return _PARAMETER.sub(waarde, route)


def test_the_urlconf_is_crawled_in_full():
    assert len(VASTE_ROUTES) > 30
    assert len(ROUTES_MET_PARAMETER) > 30


def test_every_route_without_parameters_carries_the_security_headers(crawler):
    get, _voorbeelden = crawler
    for route in VASTE_ROUTES:
        controleer_headers(route, get(route))


def test_every_route_with_a_parameter_carries_them_with_real_objects(crawler):
    get, voorbeelden = crawler
    assert voorbeelden, "the factories made no object with a UUID"
    gevonden = 0
    for route in ROUTES_MET_PARAMETER:
        for uuid in voorbeelden:
            pad = _invullen(route, uuid)
            response = get(pad)
            controleer_headers(pad, response)
            if response.status_code != 404:
                gevonden += 1
                break
    # A real object answered for a good part of the routes, not only 404s.
    assert gevonden >= len(ROUTES_MET_PARAMETER) // 4, gevonden


def test_answers_made_by_middleware_carry_them_too(db):
    """Not signed in: redirects to the login page, the API's 401, the notification endpoint's
    405, a 404: made before any view runs, and still with every header."""
    client = Client()
    for pad in ("/inburgeraars/", "/inloggen/", "/api/v1/inburgeraars", "/duo/v1/notificaties"):
        controleer_headers(pad, client.get(pad))
    controleer_headers("/bestaat-niet/", client.get("/bestaat-niet/"))


def test_static_files_may_be_cached_but_get_the_permissions_policy(settings, db):
    settings.WHITENOISE_USE_FINDERS = True
    settings.WHITENOISE_AUTOREFRESH = True
    response = Client().get(f"{settings.STATIC_URL}ui/app.css")
    assert response.status_code == 200
    assert response["Permissions-Policy"] == PERMISSIONS_POLICY
    assert "no-store" not in response.get("Cache-Control", "")
    assert "Pragma" not in response


def test_a_view_that_asks_for_caching_still_gets_no_store(gemeente_a, medewerker, inloggen):
    """The letter preview is a file download, the kind of answer a view might mark cacheable."""
    client = inloggen(medewerker(Rol.FUNCTIONEEL_BEHEERDER, gemeente_a))
    response = client.get("/gemeente/instellingen/voorbeeldbrief/")
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
