"""The brede intake through the API (issue 18): start, save with If-Match, close (R26/R27), the
meetings, the LBT release (R27); the API and the screen refuse the same bad input with the same
rule id or on the same field, and health never passes through the API."""

from datetime import date

from django.urls import reverse

import pytest
import time_machine

from openinburgering.accounts.rollen import Rol
from openinburgering.intake.models import BredeIntake
from openinburgering.integrations.duo.models import UitgaandBericht

pytestmark = pytest.mark.django_db
DAG = date(2025, 2, 14)
VOLLEDIG = {
    "taalEnOpleiding": "Arabisch; middelbare school in Aleppo (12 jaar).",
    "werkervaring": "Kapper, 6 jaar.",
    "gezinEnKinderopvang": "Gehuwd, twee kinderen (4 en 7).",
    "lbtAfgenomenOp": "2025-01-20",
    "lbtBehaaldeScore": "30.00",
    "lbtBenodigdeScore": "28.00",
}


@pytest.fixture(autouse=True)
def _prive(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path


@pytest.fixture
def persoon(gemeente_a, inburgeraar_factory):
    return inburgeraar_factory(gemeente_a, aangemeld_op=date(2025, 1, 6))


def _codes(response) -> set[tuple[str, str]]:
    return {(p["name"], p["code"]) for p in response.json()["invalidParams"]}


@time_machine.travel(DAG)
def test_start_save_and_read_an_intake(api_client, gemeente_a, persoon):
    client = api_client(gemeente_a)
    url = f"/api/v1/inburgeraars/{persoon.uuid}/intake"
    assert client.get(url).status_code == 404
    gestart = client.post(url)
    assert gestart.status_code == 201, gestart.content
    assert client.post(url).status_code == 200  # already running: the same intake
    persoon.dossier.refresh_from_db()
    assert persoon.dossier.status == "intake"
    versie = gestart.json()["versie"]
    assert client.patch(url, VOLLEDIG, format="json", HTTP_IF_MATCH='"99"').status_code == 409
    opgeslagen = client.patch(url, VOLLEDIG, format="json", HTTP_IF_MATCH=f'"{versie}"')
    assert opgeslagen.status_code == 200, opgeslagen.content
    body = client.get(url).json()
    assert body["werkervaring"] == "Kapper, 6 jaar." and body["versie"] == versie + 1
    assert body["lbtUitslag"]["haalbaar"] is True and body["lbtUitslag"]["regel"] == "R28"
    assert body["leerrouteAdvies"] == "B"
    assert body["gezondheidIngevuld"] is False and "gezondheid" not in body


@time_machine.travel(DAG)
def test_health_is_never_written_through_the_api(api_client, gemeente_a, persoon):
    client = api_client(gemeente_a)
    url = f"/api/v1/inburgeraars/{persoon.uuid}/intake"
    client.post(url)
    client.patch(url, {"gezondheid": "Diabetes."}, format="json")
    assert BredeIntake.objects.get(dossier=persoon.dossier).gezondheid == ""


@time_machine.travel(DAG)
def test_closing_an_incomplete_intake_is_refused_by_api_and_screen_with_r26_and_r27(
    api_client, gemeente_a, persoon, medewerker, inloggen
):
    client = api_client(gemeente_a)
    url = f"/api/v1/inburgeraars/{persoon.uuid}/intake"
    client.post(url)
    response = client.post(f"{url}/afsluiten")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    codes = _codes(response)
    assert {("taalEnOpleiding", "R26"), ("werkervaring", "R26"), ("lbtAfgenomenOp", "R27")} <= codes
    assert BredeIntake.objects.get(dossier=persoon.dossier).status == "concept"

    scherm = inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_a)).post(
        reverse("intake:afsluiten", kwargs={"uuid": persoon.uuid}), {"versie": ""}
    )
    assert scherm.status_code == 400
    inhoud = scherm.content.decode()
    assert "R26" in inhoud and "R27" in inhoud


@time_machine.travel(DAG)
def test_an_intake_completed_on_the_screen_is_closed_through_the_api(
    api_client, gemeente_a, persoon
):
    """Health is part of R26; the caseworker records it, a linked system can then close."""
    client = api_client(gemeente_a)
    url = f"/api/v1/inburgeraars/{persoon.uuid}/intake"
    client.post(url)
    client.patch(url, VOLLEDIG, format="json")
    zonder = client.post(f"{url}/afsluiten")
    assert _codes(zonder) == {("gezondheid", "R26")}
    BredeIntake.objects.filter(dossier=persoon.dossier).update(gezondheid="Geen bijzonderheden.")
    gesloten = client.post(f"{url}/afsluiten")
    assert gesloten.status_code == 200, gesloten.content
    assert gesloten.json()["status"] == "afgesloten"


@time_machine.travel(DAG)
def test_a_meeting_with_an_interpreter_needs_the_language_on_api_and_screen(
    api_client, gemeente_a, persoon, medewerker, inloggen
):
    client = api_client(gemeente_a)
    url = f"/api/v1/inburgeraars/{persoon.uuid}/intake"
    client.post(url)
    fout = client.post(
        f"{url}/gesprekken", {"datum": "2025-02-10", "tolkGebruikt": True}, format="json"
    )
    assert fout.status_code == 400
    assert _codes(fout) == {("tolkTaal", "geweigerd")}
    reden = fout.json()["invalidParams"][0]["reason"]
    scherm = inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_a)).post(
        reverse("intake:gesprek", kwargs={"uuid": persoon.uuid}),
        {"datum": "10-02-2025", "tolk_gebruikt": "on"},
    )
    assert scherm.status_code == 400 and reden in scherm.content.decode()
    goed = client.post(
        f"{url}/gesprekken",
        {"datum": "2025-02-10", "tolkGebruikt": True, "tolkTaal": "Tigrinya"},
        format="json",
    )
    assert goed.status_code == 201, goed.content
    assert [g["tolkTaal"] for g in client.get(f"{url}/gesprekken").json()["results"]] == [
        "Tigrinya"
    ]


@time_machine.travel(DAG)
def test_the_lbt_release_goes_to_duo_through_the_outbox_only_with_an_impairment(
    api_client, gemeente_a, persoon, medewerker, inloggen
):
    client = api_client(gemeente_a)
    url = f"/api/v1/inburgeraars/{persoon.uuid}/intake"
    client.post(url)
    geweigerd = client.post(f"{url}/lbt-vrijstelling")
    assert geweigerd.status_code == 400
    assert {code for _naam, code in _codes(geweigerd)} == {"R27"}
    assert not UitgaandBericht.objects.exists()
    client.patch(url, {"visueleBeperking": True}, format="json")
    gemeld = client.post(f"{url}/lbt-vrijstelling")
    assert gemeld.status_code == 200, gemeld.content
    assert gemeld.json()["lbtVrijstellingGemeldOp"] == "2025-02-14"
    assert UitgaandBericht.objects.filter(inburgeraar=persoon).count() == 1
    tweede = client.post(f"{url}/lbt-vrijstelling")
    assert tweede.status_code == 400 and _codes(tweede) == {("nonFieldErrors", "geweigerd")}


@time_machine.travel(DAG)
def test_the_lbt_release_without_an_impairment_is_refused_by_the_screen_with_r27_too(
    api_client, gemeente_a, persoon, medewerker, inloggen
):
    client = api_client(gemeente_a)
    client.post(f"/api/v1/inburgeraars/{persoon.uuid}/intake")
    api = client.post(f"/api/v1/inburgeraars/{persoon.uuid}/intake/lbt-vrijstelling")
    scherm = inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_a)).post(
        reverse("intake:lbt_vrijstelling", kwargs={"uuid": persoon.uuid}), follow=True
    )
    reden = api.json()["invalidParams"][0]["reason"]
    assert api.json()["invalidParams"][0]["code"] == "R27"
    assert "Kruis eerst een visuele of auditieve beperking aan" in reden
    assert "Kruis eerst een visuele of auditieve beperking aan" in scherm.content.decode()
    assert not UitgaandBericht.objects.exists()


@time_machine.travel(DAG)
def test_a_closed_intake_is_not_changed_by_api_or_screen(
    api_client, gemeente_a, persoon, medewerker, inloggen
):
    from openinburgering.pip.tests.helpers import actor_voor, afgesloten_intake

    intake = afgesloten_intake(actor_voor(gemeente_a), persoon.dossier)
    api = api_client(gemeente_a).patch(
        f"/api/v1/inburgeraars/{persoon.uuid}/intake", {"ambities": "Verpleegkundige"},
        format="json",
    )  # fmt: skip
    assert api.status_code == 400
    assert _codes(api) == {("nonFieldErrors", "geweigerd")}
    scherm = inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_a)).post(
        reverse("intake:intake", kwargs={"uuid": persoon.uuid}),
        {"ambities": "Verpleegkundige", "versie": intake.versie},
    )
    assert scherm.status_code == 400
    assert api.json()["invalidParams"][0]["reason"] in scherm.content.decode()
    intake.refresh_from_db()
    assert intake.ambities == ""
