"""The resources of issue 18 (ADR 0076): every read answers, pages, asks for part of an object,
logs the person it shows, and costs a constant number of queries."""

from datetime import time, timedelta
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from openinburgering.logboek.models import Activiteit, Verwerking
from openinburgering.taalaanbieders.models import Urenregel, Verwijzing
from openinburgering.traject.models import PvtBijeenkomst, PvtDeelname, PvtGroep

from .werk import VANDAAG, persoon_met_werk, werk_maken

pytestmark = pytest.mark.django_db


def _lijsten(persoon, werk):
    p = persoon.uuid
    return [
        f"/api/v1/inburgeraars/{p}/voortgangsgesprekken",
        f"/api/v1/inburgeraars/{p}/map-activiteiten",
        f"/api/v1/inburgeraars/{p}/urenregistraties",
        f"/api/v1/inburgeraars/{p}/examenuitslagen",
        f"/api/v1/inburgeraars/{p}/handhavingszaken",
        f"/api/v1/inburgeraars/{p}/verwijzingen",
        f"/api/v1/inburgeraars/{p}/eigen-cursussen",
        "/api/v1/begeleidingsstappen",
        "/api/v1/pvt-groepen",
        f"/api/v1/pvt-groepen/{werk['pvt_groepen'][0]}/bijeenkomsten",
        f"/api/v1/pvt-groepen/{werk['pvt_groepen'][0]}/deelnames",
        "/api/v1/handhavingszaken",
        "/api/v1/instellingen",
        "/api/v1/contracten",
        "/api/v1/verwijzingen",
        f"/api/v1/verwijzingen/{werk['verwijzingen'][0]}/urenregels",
        "/api/v1/verwerkingen",
    ]


def _objecten(persoon, werk):
    p = persoon.uuid
    return [
        f"/api/v1/inburgeraars/{p}/traject",
        f"/api/v1/inburgeraars/{p}/begeleiding",
        f"/api/v1/voortgangsgesprekken/{werk['gesprekken'][0]}",
        f"/api/v1/pvt-groepen/{werk['pvt_groepen'][0]}",
        f"/api/v1/handhavingszaken/{werk['zaken'][0]}",
        f"/api/v1/instellingen/{werk['instellingen'][0]}",
        f"/api/v1/contracten/{werk['contracten'][0]}",
        f"/api/v1/verwijzingen/{werk['verwijzingen'][0]}",
    ]


def test_every_read_answers_and_another_gemeente_sees_404s(gemeente_a, gemeente_b, api_client):
    persoon, werk = persoon_met_werk(gemeente_a)
    eigen, ander = api_client(gemeente_a), api_client(gemeente_b)
    for url in _lijsten(persoon, werk):
        response = eigen.get(url)
        assert response.status_code == 200, (url, response.content)
        assert response["API-Version"]
        assert response.json()["results"], url
        vreemd = ander.get(url)
        if "inburgeraars/" in url or "pvt-groepen/" in url or "verwijzingen/" in url:
            assert vreemd.status_code == 404, url
            assert vreemd["Content-Type"] == "application/problem+json"
        elif "instellingen" not in url:
            assert vreemd.json()["results"] == [], url
    for url in _objecten(persoon, werk):
        response = eigen.get(url)
        assert response.status_code == 200, (url, response.content)
        if "instellingen" not in url:
            assert ander.get(url).status_code == 404, url


def test_fields_gives_part_of_each_object_and_an_unknown_field_is_a_400(gemeente_a, api_client):
    persoon, werk = persoon_met_werk(gemeente_a)
    client = api_client(gemeente_a)
    lijst = client.get(f"/api/v1/inburgeraars/{persoon.uuid}/map-activiteiten?fields=uuid,uren")
    assert lijst.json()["results"] == [{"uuid": werk["map"][0], "uren": "3.0"}]
    een = client.get(f"/api/v1/handhavingszaken/{werk['zaken'][0]}?fields=status")
    assert een.json() == {"status": "open"}
    fout = client.get(f"/api/v1/handhavingszaken/{werk['zaken'][0]}?fields=bsn")
    assert fout.status_code == 400
    assert fout.json()["invalidParams"][0]["name"] == "fields"


def test_every_read_of_a_person_is_in_the_processing_log(gemeente_a, api_client):
    persoon, werk = persoon_met_werk(gemeente_a)
    client = api_client(gemeente_a)
    groep = f"/api/v1/pvt-groepen/{werk['pvt_groepen'][0]}"
    # Lists and objects without personal data: the gemeente's steps, groups and sessions,
    # schools, contracts and the log itself.
    zonder = ("begeleidingsstappen", "instellingen", "contracten", "verwerkingen", "bijeenkomsten")
    persoonlijk = [
        u
        for u in _lijsten(persoon, werk) + _objecten(persoon, werk)
        if not any(s in u for s in zonder) and u not in ("/api/v1/pvt-groepen", groep)
    ]
    assert len(persoonlijk) == 16
    for url in persoonlijk:
        Verwerking.objects.all().delete()
        assert client.get(url).status_code == 200
        records = list(Verwerking.objects.values_list("betrokkene", "activiteit", "actor_soort"))
        assert records, url
        assert {r[0] for r in records} == {persoon.pseudoniem}, url
        assert {r[1] for r in records} <= {Activiteit.INZIEN, Activiteit.LIJST}, url
        assert {r[2] for r in records} == {"api"}, url


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200, url
    return len(ctx)


def test_every_list_costs_the_same_queries_for_one_row_and_for_many(gemeente_a, api_client):
    persoon, werk = persoon_met_werk(gemeente_a)
    client = api_client(gemeente_a)
    urls = _lijsten(persoon, werk)
    for url in urls:
        client.get(url)  # warm up: the token and the session cache what they may
    een = {url: _queries(client, url) for url in urls}
    groep = PvtGroep.objects.get(uuid=werk["pvt_groepen"][0])
    verwijzing = Verwijzing.objects.get(uuid=werk["verwijzingen"][0])
    for n in range(3):
        werk_maken(gemeente_a, persoon, nummer=f"100000001{n}")
        ander, _ = persoon_met_werk(gemeente_a)
        # More of the rows that hang under the first group and the first referral, too.
        PvtDeelname.objects.create(
            gemeente=gemeente_a, groep=groep, dossier=ander.dossier, uitgenodigd_op=VANDAAG
        )
        PvtBijeenkomst.objects.create(
            groep=groep, datum=VANDAAG, begintijd=time(9), eindtijd=time(10), onderwerp="Meer"
        )
        Urenregel.objects.create(
            verwijzing=verwijzing,
            periode_start=VANDAAG - timedelta(days=30 + 7 * n),
            periode_einde=VANDAAG - timedelta(days=24 + 7 * n),
            uren_aangeboden=Decimal("12.0"),
            uren_aanwezig=Decimal("12.0"),
            uren_fysiek=Decimal("12.0"),
        )
    veel = {url: _queries(client, url) for url in urls}
    assert veel == een


def test_the_privacy_officer_finds_one_persons_records_by_bsn_in_a_post(
    gemeente_a, gemeente_b, api_client
):
    persoon, _ = persoon_met_werk(gemeente_a)
    ander, _ = persoon_met_werk(gemeente_b, bsn=persoon.bsn)
    client = api_client(gemeente_a)
    assert client.get(f"/api/v1/inburgeraars/{persoon.uuid}/traject").status_code == 200
    api_client(gemeente_b).get(f"/api/v1/inburgeraars/{ander.uuid}/traject")
    antwoord = client.post("/api/v1/verwerkingen/_zoek", {"bsn": persoon.bsn}, format="json")
    assert antwoord.status_code == 200
    records = antwoord.json()["results"]
    assert records and {r["betrokkene"] for r in records} == {persoon.pseudoniem}
    assert persoon.bsn not in antwoord.content.decode()
    # Only the gemeente's own log: B's read of the same person is not in A's answer.
    assert Verwerking.objects.filter(gemeente=gemeente_b).exists()
    assert (
        len(records)
        == Verwerking.objects.filter(gemeente=gemeente_a, betrokkene=persoon.pseudoniem).count()
    )
    fout = client.post("/api/v1/verwerkingen/_zoek", {"bsn": "123456789"}, format="json")
    assert fout.status_code == 400
    assert client.get("/api/v1/verwerkingen?van=2026-02-01&tot=2026-01-01").status_code == 400


def test_the_lists_filter_on_their_choices_and_refuse_an_unknown_value(gemeente_a, api_client):
    """Every list under a person can be narrowed (issue 18); a value that cannot occur is a 400
    naming the choices, not an empty page that looks like "nothing"."""
    persoon, werk = persoon_met_werk(gemeente_a)
    client = api_client(gemeente_a)
    p = persoon.uuid
    groep = werk["pvt_groepen"][0]
    gevallen = [
        (f"/api/v1/inburgeraars/{p}/voortgangsgesprekken", "status"),
        (f"/api/v1/inburgeraars/{p}/map-activiteiten", "soort"),
        (f"/api/v1/inburgeraars/{p}/urenregistraties", "soort"),
        (f"/api/v1/inburgeraars/{p}/examenuitslagen", "onderdeel"),
        (f"/api/v1/inburgeraars/{p}/examenuitslagen", "resultaat"),
        (f"/api/v1/pvt-groepen/{groep}/deelnames", "status"),
    ]
    for url, naam in gevallen:
        response = client.get(url)
        assert response.status_code == 200, (url, response.content)
        alles = response.json()["results"]
        assert alles, url
        waarde = alles[0][naam]
        response = client.get(url, {naam: waarde})
        assert response.status_code == 200, (url, waarde, response.content)
        gefilterd = response.json()["results"]
        assert gefilterd and all(r[naam] == waarde for r in gefilterd), url
        fout = client.get(url, {naam: "bestaat-niet"})
        assert fout.status_code == 400, url
        assert fout["Content-Type"] == "application/problem+json"
        assert fout.json()["invalidParams"][0]["name"] == naam
