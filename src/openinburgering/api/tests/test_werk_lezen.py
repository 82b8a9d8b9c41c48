"""The work read through the API (issue 18): the worklist, DUO's work items and the outbox,
the timeline, the intake's meetings. Each list: the caller's gemeente only, in the processing
log, paged with a Link header, and at a constant number of statements (after a warm-up)."""

from datetime import date

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest
import time_machine

from openinburgering.integrations.duo.models import Werkitem
from openinburgering.logboek.models import Verwerking
from openinburgering.pip import services as pip_services
from openinburgering.pip.tests.helpers import GELDIG_PIP, actor_voor, afgesloten_intake, ss139
from openinburgering.signalen.services import signalen_herberekenen

pytestmark = pytest.mark.django_db
DAG = date(2025, 2, 14)


@pytest.fixture(autouse=True)
def _prive(settings, tmp_path, monkeypatch):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    monkeypatch.setattr("openinburgering.brieven.render_pdf", lambda *a, **kw: b"%PDF-1.7 test")


def _persoon(gemeente, inburgeraar_factory, *, pip: bool):
    """A person with a closed intake (two meetings), a work item of DUO's, and if ``pip`` a
    vastgesteld PIP (a message in the outbox, events on the timeline)."""
    actor = actor_voor(gemeente)
    persoon = inburgeraar_factory(gemeente, aangemeld_op=date(2025, 1, 6), talen="Arabisch")
    ss139(persoon.dossier, date(2025, 1, 6))
    intake = afgesloten_intake(actor, persoon.dossier)
    from openinburgering.intake import services as intake_services

    for dag in (date(2025, 1, 10), date(2025, 1, 20)):
        intake_services.gesprek_toevoegen(
            actor=actor, intake=intake, datum=dag, tolk_gebruikt=False
        )
    Werkitem.objects.create(
        gemeente=gemeente, dossier=persoon.dossier, soort="brede_intake", titel="Intake plannen"
    )
    if pip:
        concept = pip_services.pip_concept_aanmaken(
            actor=actor, dossier=persoon.dossier, **GELDIG_PIP
        )
        pip_services.pip_vaststellen(actor=actor, pip=concept, versie=None)
    return persoon


def _statements(client, url) -> int:
    with CaptureQueriesContext(connection) as vastgelegd:
        response = client.get(url)
    assert response.status_code == 200, response.content
    return len(vastgelegd)


def _urls(persoon) -> list[str]:
    return [
        "/api/v1/werklijst",
        "/api/v1/duo/werkitems",
        "/api/v1/duo/berichten",
        f"/api/v1/inburgeraars/{persoon.uuid}/tijdlijn",
        f"/api/v1/inburgeraars/{persoon.uuid}/intake/gesprekken",
    ]


@time_machine.travel(DAG)
def test_each_list_costs_the_same_for_one_or_many(gemeente_a, api_client, inburgeraar_factory):
    client = api_client(gemeente_a)
    eerste = _persoon(gemeente_a, inburgeraar_factory, pip=True)
    signalen_herberekenen(gemeente=gemeente_a)
    for url in _urls(eerste):
        client.get(url)  # warm-up
    weinig = {url: _statements(client, url) for url in _urls(eerste)}
    for _ in range(3):
        _persoon(gemeente_a, inburgeraar_factory, pip=True)
    from openinburgering.intake.models import BredeIntake
    from openinburgering.intake.services import gesprek_toevoegen

    intake = BredeIntake.objects.get(dossier=eerste.dossier)
    for _ in range(3):
        gesprek_toevoegen(
            actor=actor_voor(gemeente_a), intake=intake, datum=DAG, tolk_gebruikt=False
        )
    signalen_herberekenen(gemeente=gemeente_a)
    veel = {url: _statements(client, url) for url in _urls(eerste)}
    assert veel == weinig


@time_machine.travel(DAG)
def test_each_list_shows_only_the_callers_gemeente_and_is_logged(
    gemeente_a, gemeente_b, api_client, inburgeraar_factory
):
    eigen = _persoon(gemeente_a, inburgeraar_factory, pip=True)
    ander = _persoon(gemeente_b, inburgeraar_factory, pip=True)
    signalen_herberekenen()
    client = api_client(gemeente_a)
    for url, veld in (
        ("/api/v1/werklijst", "inburgeraar"),
        ("/api/v1/duo/werkitems", "inburgeraar"),
        ("/api/v1/duo/berichten", "inburgeraar"),
    ):
        rijen = client.get(url).json()["results"]
        assert rijen, url
        assert {r[veld] for r in rijen} == {str(eigen.uuid)}, url
    tijdlijn = client.get(f"/api/v1/inburgeraars/{eigen.uuid}/tijdlijn").json()["results"]
    assert {"pip_vastgesteld", "intake_afgesloten"} <= {g["soort"] for g in tijdlijn}
    assert client.get(f"/api/v1/inburgeraars/{ander.uuid}/tijdlijn").status_code == 404
    assert client.get(f"/api/v1/inburgeraars/{ander.uuid}/intake/gesprekken").status_code == 404
    assert Verwerking.objects.filter(
        betrokkene=eigen.pseudoniem, actor_soort="api", activiteit="lijst"
    ).exists()
    assert not Verwerking.objects.filter(betrokkene=ander.pseudoniem, actor_soort="api").exists()


@time_machine.travel(DAG)
def test_filters_and_a_link_header(gemeente_a, api_client, inburgeraar_factory):
    eerste = _persoon(gemeente_a, inburgeraar_factory, pip=True)
    tweede = _persoon(gemeente_a, inburgeraar_factory, pip=True)
    signalen_herberekenen(gemeente=gemeente_a)
    client = api_client(gemeente_a)
    berichten = client.get(f"/api/v1/duo/berichten?inburgeraar={tweede.uuid}").json()["results"]
    assert [b["soort"] for b in berichten] == ["pip_registreren"]
    assert berichten[0]["status"] == "wachtend"
    pagina = client.get("/api/v1/duo/werkitems?pageSize=1")
    assert 'rel="next"' in pagina["Link"]
    assert client.get("/api/v1/werklijst?inburgeraar=geen-uuid").json()["results"] == []
    bron = client.get(f"/api/v1/inburgeraars/{eerste.uuid}/tijdlijn?bron=duo").json()["results"]
    assert bron and {g["bron"] for g in bron} == {"duo"}


@time_machine.travel(DAG)
def test_a_scope_opens_only_its_own_list(gemeente_a, api_client, inburgeraar_factory):
    persoon = _persoon(gemeente_a, inburgeraar_factory, pip=False)
    urls = dict(
        zip(("werklijst", "duo", "duo2", "tijdlijn", "intake"), _urls(persoon), strict=True)
    )
    for bereik, url in urls.items():
        gebied = bereik.rstrip("2")
        client = api_client(gemeente_a, bereiken=[f"{gebied}:lezen"])
        assert client.get(url).status_code == 200, url
        anders = [u for b, u in urls.items() if b.rstrip("2") != gebied]
        assert {client.get(u).status_code for u in anders} == {403}, url


def test_a_data_warehouse_reads_counts_and_no_person(
    gemeente_a, gemeente_b, api_client, inburgeraar_factory
):
    from openinburgering.inburgeraars.models import Dossier
    from openinburgering.regels.codes import Doelgroep

    ASIEL, GEZIN = (
        Doelgroep.ASIELSTATUSHOUDER.value,
        Doelgroep.GEZINSMIGRANT_EN_OVERIGE_MIGRANT.value,
    )

    for _ in range(3):
        inburgeraar_factory(gemeente_a, doelgroep=ASIEL)
    persoon = inburgeraar_factory(gemeente_a, doelgroep=GEZIN)
    Dossier.objects.filter(inburgeraar=persoon).update(status="intake")
    inburgeraar_factory(gemeente_b, doelgroep=ASIEL)
    dwh = api_client(gemeente_a, bereiken=["statistiek:lezen"])
    url = "/api/v1/statistiek/dossiers"
    dwh.get(url)  # warm-up
    een = _statements(dwh, url)
    response = dwh.get(url)
    tellingen = {(r["status"], r["doelgroep"]): r["aantal"] for r in response.json()}
    assert tellingen == {("aangemeld", ASIEL): 3, ("intake", GEZIN): 1}
    assert str(persoon.uuid) not in response.content.decode()
    assert not Verwerking.objects.filter(actor_soort="api").exists()  # no person read
    for _ in range(5):
        inburgeraar_factory(gemeente_a, doelgroep=GEZIN)
    assert _statements(dwh, url) == een
    assert dwh.get("/api/v1/inburgeraars").status_code == 403
    assert dwh.get("/api/v1/werklijst").status_code == 403
