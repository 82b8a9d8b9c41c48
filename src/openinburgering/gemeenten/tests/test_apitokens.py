"""The beheer screens for API tokens (ADR 0074): make a token with its scopes (the key shown
once), show and change the scopes, revoke; only the functioneel beheerder of the own gemeente."""

import re

from django.urls import reverse

import pytest
from rest_framework.test import APIClient

from openinburgering.accounts.rollen import Rol
from openinburgering.gemeenten.models import ApiToken
from openinburgering.gemeenten.services import apitoken_aanmaken

pytestmark = pytest.mark.django_db
URL = "gemeenten:apitokens"


@pytest.fixture
def beheerder(gemeente_a, medewerker, inloggen):
    return inloggen(medewerker(Rol.FUNCTIONEEL_BEHEERDER, gemeente_a))


def _api(sleutel):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {sleutel}")
    return client


def test_a_token_is_made_with_the_chosen_scopes_and_its_key_shown_once(
    gemeente_a, beheerder, inburgeraar_factory
):
    inburgeraar_factory(gemeente_a)
    response = beheerder.post(
        reverse(URL), {"naam": "Datawarehouse", "bereiken": ["statistiek:lezen", "werklijst:lezen"]}
    )
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    inhoud = response.content.decode()
    sleutel = re.search(r'id="sleutel">([^<]+)</code>', inhoud).group(1)
    token = ApiToken.objects.get(naam="Datawarehouse")
    assert token.bereiken == ["werklijst:lezen", "statistiek:lezen"]  # catalogue order
    assert sleutel not in (token.sleutel_hash, "")
    assert "Werklijst (signalen en termijnen): lezen" in inhoud
    assert _api(sleutel).get("/api/v1/werklijst").status_code == 200
    assert _api(sleutel).get("/api/v1/inburgeraars").status_code == 403
    assert sleutel not in beheerder.get(reverse(URL)).content.decode()  # once


def test_scopes_are_changed_and_a_token_revoked(gemeente_a, beheerder):
    token, sleutel = apitoken_aanmaken(gemeente=gemeente_a, naam="Zaaksysteem")
    url = reverse("gemeenten:apitoken", kwargs={"uuid": token.uuid})
    pagina = beheerder.get(url).content.decode()
    aangevinkt = set(re.findall(r'value="([a-z]+:[a-z]+)"[^>]*checked', pagina))
    assert aangevinkt == {
        "inburgeraars:lezen",
        "inburgeraars:schrijven",
        "pip:lezen",
        "pip:schrijven",
    }
    assert "<legend" in pagina  # the scopes are one group with a name
    response = beheerder.post(
        url, {"bereiken": ["pip:lezen"], "actief": "on", "versie": token.versie}
    )
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.bereiken == ["pip:lezen"] and token.versie == 2
    assert _api(sleutel).get("/api/v1/inburgeraars").status_code == 403
    oud = beheerder.post(url, {"bereiken": [], "actief": "on", "versie": 1})
    assert oud.status_code == 400  # someone saved in between
    assert beheerder.post(url, {"bereiken": [], "versie": 2}).status_code == 302
    assert _api(sleutel).get("/api/v1/inburgeraars").status_code == 401


def test_an_unknown_scope_is_refused_in_dutch(gemeente_a, beheerder):
    response = beheerder.post(reverse(URL), {"naam": "X", "bereiken": ["pip:verwijderen"]})
    assert response.status_code == 400
    assert not ApiToken.objects.filter(naam="X").exists()


def test_only_the_beheerder_and_only_of_the_own_gemeente(
    gemeente_a, gemeente_b, medewerker, inloggen, beheerder
):
    ander, _ = apitoken_aanmaken(gemeente=gemeente_b, naam="Van B")
    assert (
        beheerder.get(reverse("gemeenten:apitoken", kwargs={"uuid": ander.uuid})).status_code == 404
    )
    assert "Van B" not in beheerder.get(reverse(URL)).content.decode()
    regisseur = inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_a))
    assert regisseur.get(reverse(URL)).status_code == 403
