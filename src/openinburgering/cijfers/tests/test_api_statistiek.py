"""Pseudonymised facts and the figures for a data warehouse through the API (ADR 0091)."""

from datetime import date

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest
import time_machine

from openinburgering.cijfers.models import Kengetal
from openinburgering.inburgeraars.models import Dossier
from openinburgering.logboek.models import Verwerking
from openinburgering.pip import services as pip_services
from openinburgering.pip.tests.helpers import GELDIG_PIP, actor_voor, afgesloten_intake, ss139

pytestmark = pytest.mark.django_db
DAG = date(2025, 2, 14)
FEITEN = "/api/v1/statistiek/feiten"


@pytest.fixture(autouse=True)
def _prive(settings, tmp_path, monkeypatch):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    monkeypatch.setattr("openinburgering.brieven.render_pdf", lambda *a, **kw: b"%PDF-1.7 test")


def _met_pip(gemeente, inburgeraar_factory, **velden):
    persoon = inburgeraar_factory(gemeente, aangemeld_op=date(2025, 1, 6), **velden)
    ss139(persoon.dossier, date(2025, 1, 6))
    actor = actor_voor(gemeente)
    afgesloten_intake(actor, persoon.dossier)
    pip = pip_services.pip_concept_aanmaken(actor=actor, dossier=persoon.dossier, **GELDIG_PIP)
    pip_services.pip_vaststellen(actor=actor, pip=pip, versie=None)
    return persoon


def _alles(client, url=FEITEN, **params) -> list[dict]:
    rijen, volgende = [], url
    while volgende:
        response = client.get(volgende, params)
        assert response.status_code == 200, response.content
        rijen += response.json()["results"]
        volgende, params = response.json()["next"], {}
    return rijen


@time_machine.travel(DAG)
def test_facts_name_no_person(gemeente_a, gemeente_b, api_client, inburgeraar_factory):
    persoon = _met_pip(gemeente_a, inburgeraar_factory, voornamen="Yonas", achternaam="Proefdijk")
    inburgeraar_factory(gemeente_a, achternaam="Zonderpip", aangemeld_op=date(2024, 11, 3))
    inburgeraar_factory(gemeente_b, achternaam="Andergemeente")
    dwh = api_client(gemeente_a, bereiken=["statistiek:lezen"])
    response = dwh.get(FEITEN)
    tekst = response.content.decode()
    for verboden in (
        persoon.bsn, persoon.voornamen, persoon.achternaam, "Zonderpip", "Andergemeente",
        "Proefstraat", "9999 ZZ", "Proefdorp", "1990-05-17", str(persoon.uuid),
        str(persoon.dossier.uuid), persoon.pseudoniem,
    ):  # fmt: skip
        assert verboden not in tekst
    rijen = _alles(dwh)
    assert len(rijen) == 2  # the other gemeente's person is not there
    met_pip = next(r for r in rijen if r["leerroute"])
    assert met_pip == {
        "pseudoniem": met_pip["pseudoniem"],
        "gemeente": gemeente_a.code,
        "doelgroep": persoon.doelgroep,
        "leerroute": GELDIG_PIP["leerroute"],
        "status": "pip_vastgesteld",
        "eindreden": "",
        "cohort": 2025,
        "aangemeldIn": "2025-01",
        "intakeAfgeslotenIn": met_pip["intakeAfgeslotenIn"],
        "eerstePipIn": "2025-02",
        "afgerondIn": None,
    }
    assert len(met_pip["pseudoniem"]) == 32
    # Pseudonymised is still personal: each person read is in the processing log, under the
    # log's pseudonym (which the recipient never sees).
    gelogd = set(Verwerking.objects.filter(actor_soort="api").values_list("betrokkene", flat=True))
    assert persoon.pseudoniem in gelogd


@time_machine.travel(DAG)
def test_the_pseudonym_is_stable_per_token_and_differs_between_tokens(
    gemeente_a, api_client, inburgeraar_factory
):
    for _ in range(3):
        inburgeraar_factory(gemeente_a)
    eerste = api_client(gemeente_a, bereiken=["statistiek:lezen"])
    tweede = api_client(gemeente_a, bereiken=["statistiek:lezen"])
    a1 = [r["pseudoniem"] for r in _alles(eerste)]
    a2 = [r["pseudoniem"] for r in _alles(eerste, pageSize=1)]
    b = [r["pseudoniem"] for r in _alles(tweede)]
    assert a1 == a2  # stable for one token, across requests and pages
    assert len(set(a1)) == 3
    assert not set(a1) & set(b)  # two recipients cannot join on the pseudonym


@time_machine.travel(DAG)
def test_the_scope_is_enforced(gemeente_a, api_client, inburgeraar_factory):
    inburgeraar_factory(gemeente_a)
    zonder = api_client(gemeente_a, bereiken=[b for b in _alle() if b != "statistiek:lezen"])
    for url in (FEITEN, "/api/v1/statistiek/kengetallen"):
        response = zonder.get(url)
        assert response.status_code == 403
        assert response.json()["code"] == "bereik"
    dwh = api_client(gemeente_a, bereiken=["statistiek:lezen"])
    assert dwh.get(FEITEN).status_code == 200
    # statistiek:lezen reads no person anywhere else.
    persoon = Dossier.objects.filter(gemeente=gemeente_a).first().inburgeraar
    for url in (
        "/api/v1/inburgeraars",
        f"/api/v1/inburgeraars/{persoon.uuid}",
        f"/api/v1/inburgeraars/{persoon.uuid}/tijdlijn",
        "/api/v1/verwerkingen",
    ):
        assert dwh.get(url).status_code == 403, url


def _alle():
    from openinburgering.accounts.bereiken import alle

    return alle()


@time_machine.travel(DAG)
def test_filters_fields_and_a_constant_number_of_statements(
    gemeente_a, api_client, inburgeraar_factory
):
    from openinburgering.regels.codes import Doelgroep

    inburgeraar_factory(gemeente_a, aangemeld_op=date(2024, 12, 1))
    inburgeraar_factory(
        gemeente_a, doelgroep=Doelgroep.GEZINSMIGRANT_EN_OVERIGE_MIGRANT, aangemeld_op=DAG
    )
    dwh = api_client(gemeente_a, bereiken=["statistiek:lezen"])
    assert [r["cohort"] for r in _alles(dwh, cohort=2024)] == [2024]
    gezin = _alles(dwh, doelgroep=Doelgroep.GEZINSMIGRANT_EN_OVERIGE_MIGRANT.value)
    assert [r["aangemeldIn"] for r in gezin] == ["2025-02"]
    smal = dwh.get(FEITEN, {"fields": "pseudoniem,cohort"})
    assert all(set(r) == {"pseudoniem", "cohort"} for r in smal.json()["results"])
    fout = dwh.get(FEITEN, {"fields": "achternaam"})
    assert fout.status_code == 400
    assert fout.json()["invalidParams"][0]["name"] == "fields"
    assert dwh.get(FEITEN, {"status": "onzin"}).status_code == 400

    dwh.get(FEITEN)  # warm-up
    with CaptureQueriesContext(connection) as weinig:
        dwh.get(FEITEN)
    for _ in range(4):
        _met_pip(gemeente_a, inburgeraar_factory)
    with CaptureQueriesContext(connection) as veel:
        dwh.get(FEITEN)
    assert len(veel) == len(weinig)


def test_the_figures_row_by_row(gemeente_a, gemeente_b, api_client):
    Kengetal.objects.create(
        gemeente=gemeente_a, maand=date(2025, 1, 1), doelgroep="Asielstatushouder",
        leerroute="B", sleutel="aangemeld", aantal=12,
    )  # fmt: skip
    Kengetal.objects.create(gemeente=gemeente_a, sleutel="caseload", aantal=40)
    Kengetal.objects.create(gemeente=gemeente_b, sleutel="aangemeld", aantal=99)
    dwh = api_client(gemeente_a, bereiken=["statistiek:lezen"])
    rijen = _alles(dwh, "/api/v1/statistiek/kengetallen")
    assert sorted(r["aantal"] for r in rijen) == [12, 40]
    alleen = _alles(dwh, "/api/v1/statistiek/kengetallen", sleutel="aangemeld", van="2025-01-01")
    assert alleen == [
        {
            "maand": "2025-01", "doelgroep": "Asielstatushouder", "leerroute": "B",
            "sleutel": "aangemeld", "onderdeel": "", "aantal": 12, "som": "0.00",
        }
    ]  # fmt: skip
    assert not Verwerking.objects.filter(actor_soort="api").exists()  # no person read
