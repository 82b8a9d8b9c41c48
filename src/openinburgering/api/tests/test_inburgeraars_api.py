import pytest

from openinburgering.inburgeraars.models import Inburgeraar
from openinburgering.inburgeraars.tests.factories import nieuw_bsn
from openinburgering.logboek.models import Activiteit, Verwerking

NIEUW = {
    "voornamen": "Dawit",
    "achternaam": "Oefenberg",
    "geboortedatum": "1988-07-01",
    "doelgroep": "Gezinsmigrant en overige migrant",
    "vNummer": "1234567890",
}


def test_create_read_update(gemeente_a, api_client):
    client = api_client(gemeente_a)
    nummer = nieuw_bsn()
    response = client.post("/api/v1/inburgeraars", {**NIEUW, "bsn": nummer}, format="json")
    assert response.status_code == 201, response.content
    assert response["API-Version"] == "1.1.0"
    body = response.json()
    assert body["bsn"] == nummer
    assert body["dossier"]["status"] == "aangemeld"

    detail = client.get(f"/api/v1/inburgeraars/{body['uuid']}")
    assert detail.status_code == 200
    assert detail["ETag"] == '"1"'

    wijziging = client.patch(
        f"/api/v1/inburgeraars/{body['uuid']}",
        {"telefoon": "0611111111"},
        format="json",
        HTTP_IF_MATCH='"1"',
    )
    assert wijziging.status_code == 200
    assert wijziging.json()["versie"] == 2


def test_stale_if_match_is_a_409_problem(gemeente_a, api_client, inburgeraar_factory):
    inburgeraar = inburgeraar_factory(gemeente_a)
    client = api_client(gemeente_a)
    client.patch(
        f"/api/v1/inburgeraars/{inburgeraar.uuid}",
        {"telefoon": "0611111111"},
        format="json",
        HTTP_IF_MATCH='"1"',
    )
    response = client.patch(
        f"/api/v1/inburgeraars/{inburgeraar.uuid}",
        {"telefoon": "0622222222"},
        format="json",
        HTTP_IF_MATCH='"1"',
    )
    assert response.status_code == 409
    assert response["Content-Type"] == "application/problem+json"
    assert Inburgeraar.objects.get().telefoon == "0611111111"


@pytest.mark.parametrize(
    ("data", "veld"),
    [
        ({"bsn": "123456789"}, "bsn"),
        ({"bsn": "12345"}, "bsn"),
        ({"geboortedatum": "31-12-1990"}, "geboortedatum"),
        ({"achternaam": "x" * 300}, "achternaam"),
        ({"doelgroep": "Toerist"}, "doelgroep"),
        ({"vNummer": "12AB"}, "vNummer"),
        ({"email": "geen-adres"}, "email"),
        # Empty only for a person DUO announced (ADR 0041); a client must send them.
        ({"voornamen": ""}, "voornamen"),
        ({"achternaam": ""}, "achternaam"),
        ({"geboortedatum": None}, "geboortedatum"),
    ],
)
def test_bad_input_is_a_400_problem_and_changes_nothing(gemeente_a, api_client, data, veld):
    response = api_client(gemeente_a).post(
        "/api/v1/inburgeraars", {**NIEUW, "bsn": nieuw_bsn(), **data}, format="json"
    )
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == 400
    assert veld in [p["name"] for p in problem["invalidParams"]]
    assert not Inburgeraar.objects.exists()


def test_duplicate_bsn_is_a_400_problem(gemeente_a, api_client, inburgeraar_factory):
    nummer = nieuw_bsn()
    inburgeraar_factory(gemeente_a, bsn=nummer)
    response = api_client(gemeente_a).post(
        "/api/v1/inburgeraars", {**NIEUW, "bsn": nummer}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "bsn"


def test_malformed_json_is_a_400_problem(gemeente_a, api_client):
    response = api_client(gemeente_a).generic(
        "POST", "/api/v1/inburgeraars", "{niet-json", content_type="application/json"
    )
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"


def test_illegal_status_change_is_a_400_problem(gemeente_a, api_client, inburgeraar_factory):
    inburgeraar = inburgeraar_factory(gemeente_a)
    response = api_client(gemeente_a).post(
        f"/api/v1/inburgeraars/{inburgeraar.uuid}/statuswijziging",
        {"status": "in_uitvoering"},
        format="json",
    )
    assert response.status_code == 400
    assert "Mogelijk" in response.json()["detail"]


def test_status_change(gemeente_a, api_client, inburgeraar_factory):
    inburgeraar = inburgeraar_factory(gemeente_a)
    response = api_client(gemeente_a).post(
        f"/api/v1/inburgeraars/{inburgeraar.uuid}/statuswijziging",
        {"status": "afgerond", "eindreden": "vrijgesteld"},
        format="json",
    )
    assert response.status_code == 200
    assert response.json()["dossier"]["eindreden"] == "vrijgesteld"


def test_search_by_bsn_is_a_post(gemeente_a, api_client, inburgeraar_factory):
    inburgeraar = inburgeraar_factory(gemeente_a)
    response = api_client(gemeente_a).post(
        "/api/v1/inburgeraars/_zoek", {"bsn": inburgeraar.bsn}, format="json"
    )
    assert response.status_code == 200
    assert [r["uuid"] for r in response.json()] == [str(inburgeraar.uuid)]
    assert Verwerking.objects.filter(
        activiteit=Activiteit.ZOEKEN, betrokkene=inburgeraar.pseudoniem
    ).exists()


def test_tenant_isolation_for_every_operation(
    gemeente_a, gemeente_b, api_client, inburgeraar_factory
):
    vreemd = inburgeraar_factory(gemeente_b, vnummer="5555555555")
    client = api_client(gemeente_a)
    url = f"/api/v1/inburgeraars/{vreemd.uuid}"
    assert client.get(url).status_code == 404
    assert client.patch(url, {"telefoon": "0600000000"}, format="json").status_code == 404
    assert (
        client.post(f"{url}/statuswijziging", {"status": "intake"}, format="json").status_code
        == 404
    )
    assert client.get("/api/v1/inburgeraars").json()["results"] == []
    assert client.get("/api/v1/inburgeraars", {"vNummer": "5555555555"}).json()["results"] == []
    assert (
        client.post("/api/v1/inburgeraars/_zoek", {"bsn": vreemd.bsn}, format="json").json() == []
    )
    assert client.get(url).json()["status"] == 404


def test_without_token_is_a_401_problem(client, db):
    response = client.get("/api/v1/inburgeraars")
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"


def test_revoked_token_is_refused(gemeente_a, api_client):
    from openinburgering.gemeenten.models import ApiToken

    client = api_client(gemeente_a)
    ApiToken.objects.update(actief=False)
    assert client.get("/api/v1/inburgeraars").status_code == 401


def test_list_query_count_does_not_grow(gemeente_a, api_client, inburgeraar_factory):
    """The token, the page and the processing log, for 3 rows and for 100 (ADR 0057, 0061)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = api_client(gemeente_a)
    for _ in range(3):
        inburgeraar_factory(gemeente_a)
    with CaptureQueriesContext(connection) as weinig:
        client.get("/api/v1/inburgeraars?pageSize=100")
    for _ in range(100):
        inburgeraar_factory(gemeente_a)
    with CaptureQueriesContext(connection) as veel:
        assert len(client.get("/api/v1/inburgeraars?pageSize=100").json()["results"]) == 100
    assert len(veel) == len(weinig) == 3, [q["sql"][:60] for q in veel]
    assert "gemeenten_apitoken" in veel[0]["sql"]
    assert 'INSERT INTO "logboek_verwerking"' in veel[2]["sql"]


def test_cursor_pagination_walks_every_row_once(gemeente_a, api_client, inburgeraar_factory):
    for _ in range(7):
        inburgeraar_factory(gemeente_a)
    client = api_client(gemeente_a)
    gezien, url = [], "/api/v1/inburgeraars?pageSize=3"
    while url:
        body = client.get(url).json()
        gezien += [r["uuid"] for r in body["results"]]
        url = body["next"]
    assert len(gezien) == len(set(gezien)) == 7


def test_no_duty_is_a_problem_naming_the_rule(gemeente_a, api_client):
    response = api_client(gemeente_a).post(
        "/api/v1/inburgeraars",
        {
            **NIEUW,
            "bsn": nieuw_bsn(),
            "nationaliteit": "DE",
            "verblijfsdoel": "gezinsvorming",
            "datumBekendmakingInd": "2024-03-01",
        },
        format="json",
    )
    assert response.status_code == 400
    assert {"name": "nationaliteit", "code": "R3"}.items() <= response.json()["invalidParams"][
        0
    ].items()
    assert not Inburgeraar.objects.exists()


def test_a_person_duo_announced_reads_with_empty_name_and_null_birth_date(
    gemeente_a, api_client, inburgeraar_factory
):
    persoon = inburgeraar_factory(gemeente_a, voornamen="", achternaam="", geboortedatum=None)
    client = api_client(gemeente_a)
    gelezen = client.get(f"/api/v1/inburgeraars/{persoon.uuid}").json()
    assert (gelezen["voornamen"], gelezen["achternaam"], gelezen["geboortedatum"]) == ("", "", None)
    # Filling in only the phone number is fine; the missing name is not demanded by a PATCH.
    response = client.patch(
        f"/api/v1/inburgeraars/{persoon.uuid}", {"telefoon": "0612345678"}, format="json"
    )
    assert response.status_code == 200, response.content
