"""``fields`` (NL API Design Rules, partial responses) on the resources that predate ``Bron``:
inburgeraars, PIP, intake, werklijst, DUO and tijdlijn, with Bron's behaviour (issue 18)."""

from datetime import date

import pytest
import time_machine

from openinburgering.intake import services as intake_services
from openinburgering.pip import services as pip_services
from openinburgering.pip.tests.helpers import GELDIG_PIP, actor_voor, afgesloten_intake, ss139
from openinburgering.signalen.services import signalen_herberekenen

pytestmark = pytest.mark.django_db
DAG = date(2025, 2, 14)


@pytest.fixture(autouse=True)
def _prive(settings, tmp_path, monkeypatch):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    monkeypatch.setattr("openinburgering.brieven.render_pdf", lambda *a, **kw: b"%PDF-1.7 test")


@pytest.fixture
def wereld(gemeente_a, inburgeraar_factory):
    actor = actor_voor(gemeente_a)
    persoon = inburgeraar_factory(gemeente_a, aangemeld_op=date(2025, 1, 6), talen="Arabisch")
    ss139(persoon.dossier, date(2025, 1, 6))
    intake = afgesloten_intake(actor, persoon.dossier)
    intake_services.gesprek_toevoegen(
        actor=actor, intake=intake, datum=date(2025, 1, 10), tolk_gebruikt=False
    )
    pip = pip_services.pip_concept_aanmaken(actor=actor, dossier=persoon.dossier, **GELDIG_PIP)
    pip_services.pip_vaststellen(actor=actor, pip=pip, versie=None)
    signalen_herberekenen(gemeente=gemeente_a)
    return persoon, pip


def _lijst(response) -> list[dict]:
    assert response.status_code == 200, response.content
    return response.json()["results"] if isinstance(response.json(), dict) else response.json()


@time_machine.travel(DAG)
def test_fields_narrows_every_list_and_object(api_client, gemeente_a, wereld):
    persoon, pip = wereld
    client = api_client(gemeente_a)
    lijsten = [
        ("/api/v1/inburgeraars", "uuid,achternaam"),
        (f"/api/v1/inburgeraars/{persoon.uuid}/pips", "uuid,status"),
        (f"/api/v1/pips/{pip.uuid}/bezwaren", "uuid"),
        (f"/api/v1/inburgeraars/{persoon.uuid}/intake/gesprekken", "uuid,datum"),
        (f"/api/v1/inburgeraars/{persoon.uuid}/tijdlijn", "soort"),
        ("/api/v1/werklijst", "uuid,soort"),
        ("/api/v1/duo/werkitems", "uuid"),
        ("/api/v1/duo/berichten", "uuid,status"),
    ]
    for url, velden in lijsten:
        rijen = _lijst(client.get(url, {"fields": velden}))
        assert all(set(rij) == set(velden.split(",")) for rij in rijen), url
    lijst = client.get(f"/api/v1/inburgeraars/{persoon.uuid}/pips", {"fields": "uuid"})
    assert set(lijst.json()) == {"next", "previous", "results"}  # the page itself stays whole
    objecten = [
        (f"/api/v1/inburgeraars/{persoon.uuid}", "uuid,versie"),
        (f"/api/v1/pips/{pip.uuid}", "status,niveau"),
        (f"/api/v1/inburgeraars/{persoon.uuid}/intake", "status"),
    ]
    for url, velden in objecten:
        response = client.get(url, {"fields": velden})
        assert response.status_code == 200, url
        assert set(response.json()) == set(velden.split(",")), url
        assert response.headers["ETag"]  # the ETag stays


@time_machine.travel(DAG)
def test_an_unknown_field_is_a_400_with_invalid_params(api_client, gemeente_a, wereld):
    persoon, pip = wereld
    client = api_client(gemeente_a)
    for url in (
        "/api/v1/inburgeraars",
        f"/api/v1/inburgeraars/{persoon.uuid}",
        f"/api/v1/pips/{pip.uuid}",
        f"/api/v1/inburgeraars/{persoon.uuid}/intake",
        f"/api/v1/inburgeraars/{persoon.uuid}/tijdlijn",
        "/api/v1/werklijst",
        "/api/v1/duo/berichten",
    ):
        response = client.get(url, {"fields": "uuid,schoenmaat"})
        assert response.status_code == 400, url
        assert response["Content-Type"] == "application/problem+json"
        assert response.json()["invalidParams"][0]["name"] == "fields"
        assert "schoenmaat" in response.json()["invalidParams"][0]["reason"]


@time_machine.travel(DAG)
def test_a_write_with_an_unknown_field_changes_nothing(api_client, gemeente_a, wereld):
    persoon, _pip = wereld
    client = api_client(gemeente_a)
    response = client.patch(
        f"/api/v1/inburgeraars/{persoon.uuid}?fields=geheim",
        {"telefoon": "0201234567"},
        format="json",
    )
    assert response.status_code == 400
    persoon.refresh_from_db()
    assert persoon.telefoon != "0201234567"
    goed = client.patch(
        f"/api/v1/inburgeraars/{persoon.uuid}?fields=telefoon",
        {"telefoon": "0201234567"},
        format="json",
    )
    assert goed.status_code == 200, goed.content
    assert goed.json() == {"telefoon": "0201234567"}


def test_another_token_without_the_scope_still_gets_403_not_400(api_client, gemeente_a):
    client = api_client(gemeente_a, bereiken=["pip:lezen"])
    response = client.get("/api/v1/inburgeraars", {"fields": "bestaatniet"})
    assert response.status_code == 403
