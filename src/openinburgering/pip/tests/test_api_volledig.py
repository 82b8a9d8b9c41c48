"""The PIP resource complete (issue 18): every reason, the afschalen facts (R21), a concept
changed with If-Match, the versions, bezwaar; each write refused by the API and the screen with
the same rule id, and the lists at a constant number of statements."""

from datetime import date

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest
import time_machine

from openinburgering.accounts.rollen import Rol
from openinburgering.logboek.models import Verwerking
from openinburgering.pip import services
from openinburgering.pip.models import PipStatus, PipVersie

from .helpers import GELDIG_PIP, actor_voor, afgesloten_intake
from .test_api import API

pytestmark = pytest.mark.django_db
DAG = date(2025, 2, 14)
AFSCHALEN_GOED = {
    "reden": "afschalen",
    "niveau": "A2",
    "lesuren": 620,
    "lesurenFysiek": 320,
    "b1Onhaalbaar": True,
    "voldoendeInspanning": True,
    "redenToelichting": "Na 620 uur les is B1 niet haalbaar; advies van de school.",
}


@pytest.fixture(autouse=True)
def _prive(settings, tmp_path, monkeypatch):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    # The letter itself is tested in test_services with pypdf; here only that there is one.
    monkeypatch.setattr("openinburgering.brieven.render_pdf", lambda *a, **kw: b"%PDF-1.7 test")


@pytest.fixture
def persoon(gemeente_a, inburgeraar_factory):
    return inburgeraar_factory(gemeente_a, aangemeld_op=date(2025, 1, 6), talen="Arabisch")


@pytest.fixture
def met_pip(gemeente_a, persoon, medewerker):
    """A person with a closed intake and a vastgesteld first PIP (B1-route)."""
    with time_machine.travel(DAG):
        actor = actor_voor(gemeente_a)
        afgesloten_intake(actor, persoon.dossier)
        pip = services.pip_concept_aanmaken(actor=actor, dossier=persoon.dossier, **GELDIG_PIP)
        services.pip_vaststellen(actor=actor, pip=pip, versie=None)
    return persoon


def _codes(response) -> set[tuple[str, str]]:
    return {(p["name"], p["code"]) for p in response.json()["invalidParams"]}


@time_machine.travel(DAG)
def test_afschalen_through_the_api_passes_r21_and_is_vastgesteld(api_client, gemeente_a, met_pip):
    client = api_client(gemeente_a)
    response = client.post(
        f"/api/v1/inburgeraars/{met_pip.uuid}/pips", AFSCHALEN_GOED, format="json"
    )
    assert response.status_code == 201, response.content
    concept = response.json()
    assert concept["reden"] == "afschalen" and concept["lesuren"] == 620
    assert concept["b1Onhaalbaar"] is True and concept["voldoendeInspanning"] is True
    response = client.post(
        f"/api/v1/pips/{concept['uuid']}/vaststellen", HTTP_IF_MATCH=f'"{concept["versie"]}"'
    )
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "vastgesteld" and response.json()["niveau"] == "A2"


@time_machine.travel(DAG)
def test_afschalen_too_few_hours_is_refused_by_api_and_screen_with_r21(
    api_client, gemeente_a, met_pip, medewerker, inloggen
):
    te_weinig = {**AFSCHALEN_GOED, "lesuren": 550, "lesurenFysiek": 200}
    response = api_client(gemeente_a).post(
        f"/api/v1/inburgeraars/{met_pip.uuid}/pips", te_weinig, format="json"
    )
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert {("lesuren", "R21"), ("lesurenFysiek", "R21")} <= _codes(response)
    assert not PipVersie.objects.filter(dossier=met_pip.dossier, status="concept").exists()

    # The screen: the same draft saved, then vaststellen refuses it naming R21.
    client = inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_a))
    client.post(reverse("pip:nieuw", kwargs={"uuid": met_pip.uuid}), {"reden": "afschalen"})
    concept = PipVersie.objects.get(dossier=met_pip.dossier, status="concept")
    formulier = {
        **GELDIG_PIP, "alfabetisering": "NVT", "niveau": "A2", "lesuren": 550,
        "lesuren_fysiek": 200, "b1_onhaalbaar": "on", "voldoende_inspanning": "on",
        "versie": concept.versie,
    }  # fmt: skip
    assert (
        client.post(reverse("pip:bewerken", kwargs={"uuid": concept.uuid}), formulier).status_code
        == 302
    )
    concept.refresh_from_db()
    scherm = client.post(
        reverse("pip:vaststellen", kwargs={"uuid": concept.uuid}), {"versie": concept.versie}
    )
    assert scherm.status_code == 400
    assert "R21" in scherm.content.decode()
    concept.refresh_from_db()
    assert concept.status == PipStatus.CONCEPT


@time_machine.travel(DAG)
def test_schakelen_through_the_api_after_a_first_pip(api_client, gemeente_a, met_pip):
    client = api_client(gemeente_a)
    eerste_opnieuw = client.post(f"/api/v1/inburgeraars/{met_pip.uuid}/pips", API, format="json")
    assert eerste_opnieuw.status_code == 400
    assert ("reden", "geweigerd") in _codes(eerste_opnieuw)
    schakelen = client.post(
        f"/api/v1/inburgeraars/{met_pip.uuid}/pips",
        {"reden": "schakelen", "leerroute": "Z", "niveau": "", "mapInhoud": "Stage",
         "motiveringLeerroute": "Na de toets en de lessen past de Z-route beter."},
        format="json",
    )  # fmt: skip
    assert schakelen.status_code == 201, schakelen.content
    assert (schakelen.json()["reden"], schakelen.json()["leerroute"]) == ("schakelen", "Z")
    # The rest comes from the geldende version, as on the screen.
    assert schakelen.json()["pvtInhoud"] == GELDIG_PIP["pvt_inhoud"]
    response = client.post(f"/api/v1/pips/{schakelen.json()['uuid']}/vaststellen")
    assert response.status_code == 200, response.content


@time_machine.travel(DAG)
def test_verhuizing_as_the_first_pip_here(api_client, gemeente_a, persoon):
    afgesloten_intake(actor_voor(gemeente_a), persoon.dossier)
    response = api_client(gemeente_a).post(
        f"/api/v1/inburgeraars/{persoon.uuid}/pips",
        {**API, "reden": "verhuizing", "redenToelichting": "Verhuisd uit Utrecht."},
        format="json",
    )
    assert response.status_code == 201, response.content
    assert response.json()["reden"] == "verhuizing"


@time_machine.travel(DAG)
def test_a_concept_is_changed_with_if_match(api_client, gemeente_a, persoon):
    client = api_client(gemeente_a)
    concept = client.post(f"/api/v1/inburgeraars/{persoon.uuid}/pips", API, format="json").json()
    url = f"/api/v1/pips/{concept['uuid']}"
    oud = client.patch(url, {"afspraken": "Anders"}, format="json", HTTP_IF_MATCH='"99"')
    assert oud.status_code == 409 and oud["Content-Type"] == "application/problem+json"
    goed = client.patch(
        url, {"afspraken": "U meldt verzuim vooraf."}, format="json",
        HTTP_IF_MATCH=f'"{concept["versie"]}"',
    )  # fmt: skip
    assert goed.status_code == 200, goed.content
    assert goed.json()["afspraken"] == "U meldt verzuim vooraf."
    assert goed["ETag"] == f'"{concept["versie"] + 1}"'
    assert Verwerking.objects.filter(
        betrokkene=persoon.pseudoniem, activiteit="wijzigen", actor_soort="api"
    ).exists()


@time_machine.travel(DAG)
def test_a_change_breaking_a_rule_is_refused_by_api_and_screen_with_the_same_rule(
    api_client, gemeente_a, persoon, medewerker, inloggen
):
    client = api_client(gemeente_a)
    concept = client.post(f"/api/v1/inburgeraars/{persoon.uuid}/pips", API, format="json").json()
    slecht = client.patch(
        f"/api/v1/pips/{concept['uuid']}", {"leerroute": "O", "niveau": "A2"}, format="json"
    )
    assert slecht.status_code == 400
    assert ("niveau", "R14") in _codes(slecht)
    pip = PipVersie.objects.get(uuid=concept["uuid"])
    assert (pip.leerroute, pip.versie) == ("B", concept["versie"])  # nothing saved

    scherm = inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_a)).post(
        reverse("pip:valideren", kwargs={"uuid": pip.uuid}),
        {**GELDIG_PIP, "leerroute": "O", "niveau": "A2"},
        HTTP_HX_REQUEST="true",
    )
    assert "R14" in scherm.content.decode()


@time_machine.travel(DAG)
def test_a_vastgesteld_pip_cannot_be_changed(api_client, gemeente_a, met_pip):
    pip = PipVersie.objects.get(dossier=met_pip.dossier, status="vastgesteld")
    response = api_client(gemeente_a).patch(
        f"/api/v1/pips/{pip.uuid}", {"afspraken": "x"}, format="json"
    )
    assert response.status_code == 409


@time_machine.travel(DAG)
def test_the_versions_of_a_person_newest_first_logged(api_client, gemeente_a, met_pip):
    client = api_client(gemeente_a)
    client.post(f"/api/v1/inburgeraars/{met_pip.uuid}/pips", AFSCHALEN_GOED, format="json")
    response = client.get(f"/api/v1/inburgeraars/{met_pip.uuid}/pips")
    assert response.status_code == 200
    versies = response.json()["results"]
    assert [(v["volgnummer"], v["status"]) for v in versies] == [
        (2, "concept"),
        (1, "vastgesteld"),
    ]
    alleen = client.get(f"/api/v1/inburgeraars/{met_pip.uuid}/pips?status=vastgesteld")
    assert [v["volgnummer"] for v in alleen.json()["results"]] == [1]
    pagina = client.get(f"/api/v1/inburgeraars/{met_pip.uuid}/pips?pageSize=1")
    assert 'rel="next"' in pagina["Link"]
    assert Verwerking.objects.filter(betrokkene=met_pip.pseudoniem, activiteit="lijst").exists()


def _aantal(client, url) -> int:
    with CaptureQueriesContext(connection) as vastgelegd:
        assert client.get(url).status_code == 200
    return len(vastgelegd)


@time_machine.travel(DAG)
def test_the_lists_cost_the_same_for_one_or_many(api_client, gemeente_a, met_pip):
    client = api_client(gemeente_a)
    actor = actor_voor(gemeente_a)
    pip = PipVersie.objects.get(dossier=met_pip.dossier, status="vastgesteld")
    from openinburgering.besluiten import services as besluiten

    besluiten.bezwaar_registreren(actor=actor, beschikking=pip.beschikking, ontvangen_op=DAG)
    urls = [f"/api/v1/inburgeraars/{met_pip.uuid}/pips", f"/api/v1/pips/{pip.uuid}/bezwaren"]
    for url in urls:
        client.get(url)  # warm-up
    weinig = [_aantal(client, url) for url in urls]
    for _ in range(3):
        besluiten.bezwaar_registreren(actor=actor, beschikking=pip.beschikking, ontvangen_op=DAG)
    concept = services.pip_concept_aanmaken(actor=actor, dossier=met_pip.dossier, reden="overig")
    services.pip_vaststellen(actor=actor, pip=concept, versie=None)
    services.pip_concept_aanmaken(actor=actor, dossier=met_pip.dossier, reden="overig")
    veel = [_aantal(client, url) for url in urls]
    assert veel == weinig


@time_machine.travel(DAG)
def test_bezwaar_registered_through_the_api_as_on_the_screen(
    api_client, gemeente_a, met_pip, medewerker, inloggen
):
    client = api_client(gemeente_a)
    pip = PipVersie.objects.get(dossier=met_pip.dossier, status="vastgesteld")
    url = f"/api/v1/pips/{pip.uuid}/bezwaren"
    response = client.post(url, {"ontvangenOp": "2025-02-14"}, format="json")
    assert response.status_code == 201, response.content
    bezwaar = response.json()
    assert bezwaar["tijdig"] is True and bezwaar["uitkomst"] == "open"
    assert bezwaar["beslissenUiterlijk"]
    assert [b["uuid"] for b in client.get(url).json()["results"]] == [bezwaar["uuid"]]

    # The same bad input: a date of receipt in the future, refused on the same field.
    toekomst = client.post(url, {"ontvangenOp": "2025-03-01"}, format="json")
    assert toekomst.status_code == 400
    assert _codes(toekomst) == {("ontvangenOp", "geweigerd")}
    scherm = inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_a)).post(
        reverse("besluiten:bezwaar_registreren", kwargs={"uuid": pip.beschikking.uuid}),
        {"bezwaar-ontvangen_op": "01-03-2025"},
    )
    assert scherm.status_code == 400
    assert "De ontvangstdatum kan niet in de toekomst liggen." in scherm.content.decode()
    assert toekomst.json()["invalidParams"][0]["reason"] == (
        "De ontvangstdatum kan niet in de toekomst liggen."
    )


@time_machine.travel(DAG)
def test_no_bezwaar_against_a_concept(api_client, gemeente_a, persoon):
    client = api_client(gemeente_a)
    concept = client.post(f"/api/v1/inburgeraars/{persoon.uuid}/pips", API, format="json").json()
    response = client.post(
        f"/api/v1/pips/{concept['uuid']}/bezwaren", {"ontvangenOp": "2025-02-14"}, format="json"
    )
    assert response.status_code == 409
