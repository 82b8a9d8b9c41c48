"""Scopes per API token (ADR 0074): every API view names its area, a token reaches only the areas
and the read/write it was given, a refusal is a problem+json 403, and the tokens of before keep
working."""

import importlib
import io

from django.apps import apps as django_apps
from django.core.management import call_command
from django.urls import URLPattern, URLResolver, get_resolver

import pytest
from rest_framework.exceptions import PermissionDenied
from rest_framework.test import APIRequestFactory
from rest_framework.views import APIView

from openinburgering.accounts import bereiken
from openinburgering.accounts.context import Actor
from openinburgering.accounts.rollen import Recht
from openinburgering.api.permissions import HeeftBereik, vereist_bereik
from openinburgering.gemeenten.models import ApiToken
from openinburgering.gemeenten.services import apitoken_aanmaken

pytestmark = pytest.mark.django_db


def _api_views(resolver=None, prefix=""):
    for p in (resolver or get_resolver()).url_patterns:
        if isinstance(p, URLResolver):
            yield from _api_views(p, prefix + str(p.pattern))
        elif isinstance(p, URLPattern) and (prefix + str(p.pattern)).startswith("api/"):
            yield prefix + str(p.pattern), p.callback.view_class


def test_every_api_view_names_a_known_area_and_checks_it():
    """Nothing slips through: a view without ``bereik`` (or with an unknown one), or whose
    permission classes skip the scope check, fails here."""
    views = list(_api_views())
    assert len(views) >= 8
    fout = []
    for route, view in views:
        if getattr(view, "bereik", None) not in bereiken.GEBIEDEN:
            fout.append(f"{route}: bereik {getattr(view, 'bereik', None)!r}")
        klassen = getattr(view, "permission_classes", [])
        if not any(issubclass(k, HeeftBereik) for k in klassen):
            fout.append(f"{route}: no scope check in {klassen}")
        for methode in getattr(view, "http_method_names", []):
            if hasattr(view, methode) and methode != "options":
                actie = vereist_bereik(view, methode).split(":")[1]
                if actie not in bereiken.GEBIEDEN[view.bereik][1]:
                    fout.append(f"{route} {methode}: {actie} does not exist for {view.bereik}")
    assert not fout, "\n".join(fout)


def test_a_view_without_an_area_is_refused():
    class ZonderBereik(APIView):
        def get(self, request):
            raise AssertionError("never reached")

    verzoek = APIRequestFactory().get("/api/v1/x")
    verzoek.auth = type("Token", (), {"gemeente": object(), "bereiken": bereiken.alle()})()
    with pytest.raises(PermissionDenied):
        HeeftBereik().has_permission(verzoek, ZonderBereik())


def test_a_method_the_view_does_not_have_is_a_405_not_a_403(gemeente_a, api_client):
    client = api_client(gemeente_a, bereiken=["duo:lezen"])
    response = client.post("/api/v1/duo/werkitems", {}, format="json")
    assert response.status_code == 405
    assert response["Content-Type"] == "application/problem+json"


def test_get_reads_other_methods_write_and_a_search_reads():
    class Pip:
        bereik = "pip"

    class Zoek:
        bereik = "inburgeraars"
        bereik_acties = {"POST": "lezen"}

    assert vereist_bereik(Pip, "GET") == vereist_bereik(Pip, "HEAD") == "pip:lezen"
    assert vereist_bereik(Pip, "PATCH") == vereist_bereik(Pip, "POST") == "pip:schrijven"
    assert vereist_bereik(Zoek, "POST") == "inburgeraars:lezen"


def test_a_token_reaches_only_its_scopes(gemeente_a, api_client, inburgeraar_factory):
    persoon = inburgeraar_factory(gemeente_a)
    lezer = api_client(gemeente_a, bereiken=["inburgeraars:lezen"])
    assert lezer.get("/api/v1/inburgeraars").status_code == 200
    assert lezer.get(f"/api/v1/inburgeraars/{persoon.uuid}").status_code == 200
    assert (
        lezer.post("/api/v1/inburgeraars/_zoek", {"bsn": persoon.bsn}, format="json").status_code
        == 200
    )

    geweigerd = lezer.patch(
        f"/api/v1/inburgeraars/{persoon.uuid}", {"achternaam": "Anders"}, format="json"
    )
    assert geweigerd.status_code == 403
    assert geweigerd["Content-Type"] == "application/problem+json"
    assert geweigerd.json()["code"] == "bereik"
    assert "inburgeraars:schrijven" in geweigerd.json()["detail"]
    persoon.refresh_from_db()
    assert persoon.achternaam != "Anders"
    assert lezer.get(f"/api/v1/inburgeraars/{persoon.uuid}/pips").status_code == 403

    pip_lezer = api_client(gemeente_a, bereiken=["pip:lezen"])
    assert pip_lezer.get("/api/v1/inburgeraars").status_code == 403
    assert pip_lezer.get(f"/api/v1/inburgeraars/{persoon.uuid}/pips").status_code == 200
    assert (
        pip_lezer.post(f"/api/v1/inburgeraars/{persoon.uuid}/pips", {}, format="json").status_code
        == 403
    )

    niets = api_client(gemeente_a, bereiken=[])
    assert niets.get("/api/v1/inburgeraars").status_code == 403


def test_a_token_has_the_rights_its_scopes_give(gemeente_a):
    token, _ = apitoken_aanmaken(gemeente=gemeente_a, naam="x", bereiken=["pip:lezen"])
    actor = Actor(gemeente=gemeente_a, api_token=token)
    assert actor.mag(Recht.PERSOONSGEGEVENS_LEZEN)
    assert not actor.mag(Recht.PIP_VASTSTELLEN)
    assert not actor.mag(Recht.INBURGERAAR_WIJZIGEN)
    token.bereiken = ["pip:schrijven", "intake:schrijven"]
    assert actor.mag(Recht.PIP_VASTSTELLEN) and actor.mag(Recht.INTAKE_VOEREN)
    assert not actor.mag(Recht.GEZONDHEID_LEZEN)  # never through the API


def test_tokens_of_before_keep_what_they_could_do(gemeente_a):
    """The data migration gives a token without scopes the two resources of API v1."""
    token, _ = apitoken_aanmaken(gemeente=gemeente_a, naam="oud", bereiken=[])
    ApiToken.objects.filter(pk=token.pk).update(bereiken=[])
    migratie = importlib.import_module(
        "openinburgering.gemeenten.migrations.0007_apitoken_bereiken"
    )
    migratie.bestaande_tokens_bereik_geven(django_apps, None)
    token.refresh_from_db()
    assert token.bereiken == list(bereiken.STANDAARD) == migratie.STANDAARD


def test_the_command_gives_the_scopes_asked_and_refuses_unknown_ones(gemeente_a):
    call_command(
        "apitoken_aanmaken", gemeente=gemeente_a.code, naam="dwh",
        bereiken=["statistiek:lezen"], stdout=io.StringIO(),
    )  # fmt: skip
    assert ApiToken.objects.get(naam="dwh").bereiken == ["statistiek:lezen"]
    call_command("apitoken_aanmaken", gemeente=gemeente_a.code, naam="oud", stdout=io.StringIO())
    assert ApiToken.objects.get(naam="oud").bereiken == list(bereiken.STANDAARD)
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Onbekend bereik"):
        call_command(
            "apitoken_aanmaken", gemeente=gemeente_a.code, naam="fout",
            bereiken=["pip:verwijderen"], stdout=io.StringIO(),
        )  # fmt: skip


def test_every_operation_in_the_document_names_its_scope_and_its_403():
    from pathlib import Path

    from django.conf import settings

    import yaml

    document = yaml.safe_load((Path(settings.SRC_DIR) / "api" / "openapi.yaml").read_text())
    for pad, operaties in document["paths"].items():
        for methode, operatie in operaties.items():
            assert operatie.get("x-bereik") in bereiken.alle(), (pad, methode)
            assert "403" in operatie["responses"], (pad, methode)
    beschrijving = document["components"]["securitySchemes"]["tokenAuth"]["description"]
    assert all(f"`{b}`" in beschrijving for b in bereiken.alle())
