"""The PIP API: draft with every violated rule id, vaststellen, read, the PDF; tenant isolation."""

from datetime import date

import pytest
import time_machine

from openinburgering.logboek.models import Verwerking

from .helpers import GELDIG_PIP

pytestmark = pytest.mark.django_db

API = {
    "leerroute": "B",
    "niveau": "B1",
    "begeleiding": GELDIG_PIP["begeleiding"],
    "pvtInhoud": GELDIG_PIP["pvt_inhoud"],
    "pvtIntensiteit": GELDIG_PIP["pvt_intensiteit"],
    "mapInhoud": GELDIG_PIP["map_inhoud"],
    "mapIntensiteit": GELDIG_PIP["map_intensiteit"],
    "voortgang": GELDIG_PIP["voortgang"],
    "indicatorAlfabetiseringsonderwijs": "NVT",
}


@pytest.fixture(autouse=True)
def _prive(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path


@pytest.fixture
def persoon(gemeente_a, inburgeraar_factory):
    return inburgeraar_factory(
        gemeente_a, voornamen="Yonas", achternaam="Proefdijk", aangemeld_op=date(2025, 1, 6)
    )


@time_machine.travel(date(2025, 2, 14))
def test_draft_breaking_rules_is_a_400_naming_every_rule(api_client, gemeente_a, persoon):
    response = api_client(gemeente_a).post(
        f"/api/v1/inburgeraars/{persoon.uuid}/pips",
        {**API, "leerroute": "O", "niveau": "A2", "pvtInhoud": ""},
        format="json",
    )
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    codes = {(p["name"], p["code"]) for p in response.json()["invalidParams"]}
    assert codes == {("niveau", "R14"), ("mapInhoud", "R25"), ("pvtInhoud", "R24")}
    assert persoon.dossier.pip_versies.count() == 0


@time_machine.travel(date(2025, 2, 14))
def test_draft_vaststellen_read_and_pdf(api_client, gemeente_a, persoon):
    client = api_client(gemeente_a)
    response = client.post(f"/api/v1/inburgeraars/{persoon.uuid}/pips", API, format="json")
    assert response.status_code == 201, response.content
    pip = response.json()
    assert pip["status"] == "concept" and pip["leerroute"] == "B"
    stale = client.post(f"/api/v1/pips/{pip['uuid']}/vaststellen", HTTP_IF_MATCH='"99"')
    assert stale.status_code == 409
    response = client.post(
        f"/api/v1/pips/{pip['uuid']}/vaststellen", HTTP_IF_MATCH=f'"{pip["versie"]}"'
    )
    assert response.status_code == 200, response.content
    assert response.json()["bezwaarUiterlijk"] == "2025-03-28"
    assert client.get(f"/api/v1/pips/{pip['uuid']}").json()["status"] == "vastgesteld"
    pdf = client.get(f"/api/v1/pips/{pip['uuid']}/beschikking")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert b"".join(pdf.streaming_content).startswith(b"%PDF")
    assert Verwerking.objects.filter(
        betrokkene=persoon.pseudoniem, activiteit="exporteren"
    ).exists()


@time_machine.travel(date(2025, 2, 14))
def test_another_gemeentes_pip_is_a_404(api_client, gemeente_a, gemeente_b, persoon):
    pip = (
        api_client(gemeente_a)
        .post(f"/api/v1/inburgeraars/{persoon.uuid}/pips", API, format="json")
        .json()
    )
    vreemd = api_client(gemeente_b)
    assert (
        vreemd.post(f"/api/v1/inburgeraars/{persoon.uuid}/pips", API, format="json").status_code
        == 404
    )
    for url in (f"/api/v1/pips/{pip['uuid']}", f"/api/v1/pips/{pip['uuid']}/beschikking"):
        assert vreemd.get(url).status_code == 404
    assert vreemd.post(f"/api/v1/pips/{pip['uuid']}/vaststellen").status_code == 404


@pytest.mark.parametrize(
    "route",
    [
        pytest.param({"leerroute": "B"}, id="R17-b1-route"),
        pytest.param(
            {"leerroute": "O", "mapInhoud": "", "mapIntensiteit": ""}, id="R17-onderwijsroute"
        ),
    ],
)
@time_machine.travel(date(2025, 2, 14))
def test_record_api_and_letter_state_the_niveau_duo_received(
    api_client, gemeente_a, persoon, route
):
    """No niveau in the draft: regels fills in B1 for DUO (R17). That B1 is stored before the
    outbox message is written, so the record, the API and the letter say what DUO received."""
    from openinburgering.brieven.tests.pdf import tekst
    from openinburgering.integrations.duo.models import UitgaandBericht
    from openinburgering.pip.models import PipVersie

    client = api_client(gemeente_a)
    concept = client.post(
        f"/api/v1/inburgeraars/{persoon.uuid}/pips", {**API, **route, "niveau": ""}, format="json"
    ).json()
    assert concept["niveau"] == ""
    response = client.post(f"/api/v1/pips/{concept['uuid']}/vaststellen")
    assert response.status_code == 200, response.content

    [bericht] = UitgaandBericht.objects.filter(soort="pip_registreren")
    assert bericht.inhoud["niveau"] == "B1"
    assert PipVersie.objects.get(uuid=concept["uuid"]).niveau == "B1"
    assert response.json()["niveau"] == "B1"
    assert client.get(f"/api/v1/pips/{concept['uuid']}").json()["niveau"] == "B1"
    pdf = client.get(f"/api/v1/pips/{concept['uuid']}/beschikking")
    assert "Uw doel is taalniveau B1" in tekst(b"".join(pdf.streaming_content))
