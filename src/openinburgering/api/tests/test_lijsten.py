"""API lists at scale (ADR 0057): keyset pages with a ``Link`` header, a deep page costs what
page 1 costs, and the cursor bounds every side of the status join."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

from openinburgering.inburgeraars.models import Dossier
from openinburgering.logboek.models import Activiteit, Verwerking

LINK = re.compile(r'<([^>]+)>; rel="(next|prev)"')


def _links(response) -> dict[str, str]:
    return {rel: url for url, rel in LINK.findall(response.get("Link", ""))}


def _statements(client, url):
    """The SQL a request runs (an execute wrapper: independent of the debug query log)."""
    gezien: list[str] = []

    def noteren(execute, sql, params, many, context):
        gezien.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(noteren):
        response = client.get(url)
    assert response.status_code == 200
    return gezien, response


def _personen(gemeente_a, gemeente_b, inburgeraar_factory, aantal=9):
    """Persons of two tenants with interleaved ids, every third of A's dossiers 'intake'."""
    van_a = []
    for n in range(aantal):
        van_a.append(inburgeraar_factory(gemeente_a, achternaam=f"Eigen{n}"))
        inburgeraar_factory(gemeente_b, achternaam=f"Ander{n}")
    for persoon in van_a[::3]:
        Dossier.objects.filter(inburgeraar=persoon).update(status="intake")
    return van_a


def test_link_header_walks_forward_and_back_like_the_body(
    gemeente_a, gemeente_b, api_client, inburgeraar_factory
):
    van_a = _personen(gemeente_a, gemeente_b, inburgeraar_factory)
    client = api_client(gemeente_a)
    pagina = client.get("/api/v1/inburgeraars?pageSize=4")
    assert set(_links(pagina)) == {"next"}
    gezien, paginas = [], []
    while True:
        body = pagina.json()
        paginas.append([r["uuid"] for r in body["results"]])
        gezien += paginas[-1]
        links = _links(pagina)
        assert links.get("next") == body["next"] and links.get("prev") == body["previous"]
        if "next" not in links:
            break
        pagina = client.get(links["next"])
    assert gezien == [str(p.uuid) for p in reversed(van_a)], "newest first, each once, only A"
    assert [len(p) for p in paginas] == [4, 4, 1]
    terug = client.get(_links(pagina)["prev"])
    assert [r["uuid"] for r in terug.json()["results"]] == paginas[1]
    assert set(_links(terug)) == {"next", "prev"}


def test_status_filter_pages_through_only_that_status(
    gemeente_a, gemeente_b, api_client, inburgeraar_factory
):
    van_a = _personen(gemeente_a, gemeente_b, inburgeraar_factory)
    Dossier.objects.filter(gemeente=gemeente_b).update(status="intake")
    client = api_client(gemeente_a)
    gezien, url = [], "/api/v1/inburgeraars?status=intake&pageSize=2"
    while url:
        response = client.get(url)
        gezien += [r["uuid"] for r in response.json()["results"]]
        url = _links(response).get("next")
    assert gezien == [str(p.uuid) for p in reversed(van_a[::3])]


def test_the_page_keys_come_from_one_range_of_the_dossier_index(
    gemeente_a, gemeente_b, api_client, inburgeraar_factory
):
    _personen(gemeente_a, gemeente_b, inburgeraar_factory)
    client = api_client(gemeente_a)
    volgende = _links(client.get("/api/v1/inburgeraars?status=intake&pageSize=1"))["next"]
    statements, _ = _statements(client, volgende)
    lijst = next(s for s in statements if '"inburgeraars_inburgeraar"."id" IN (SELECT' in s)
    assert "OFFSET" not in lijst
    # The keys: a subquery on the dossier table alone with its own LIMIT; the cursor a row
    # comparison over the (gemeente, status, inburgeraar) index (``core.pagination.Sleutels``).
    sleutels = lijst.split("IN (SELECT", 1)[1]
    assert 'FROM "inburgeraars_dossier"' in sleutels and "LIMIT" in sleutels
    assert '("gemeente_id", "status", "inburgeraar_id") <' in sleutels


def test_a_deep_page_runs_the_same_queries_as_page_one(
    gemeente_a, gemeente_b, api_client, inburgeraar_factory
):
    _personen(gemeente_a, gemeente_b, inburgeraar_factory, aantal=15)
    client = api_client(gemeente_a)
    for filter_ in ("", "&status=aangemeld"):
        eerste, response = _statements(client, f"/api/v1/inburgeraars?pageSize=2{filter_}")
        for _ in range(3):
            response = client.get(_links(response)["next"])
        diep, response = _statements(client, _links(response)["next"])
        assert len(response.json()["results"]) == 2
        assert len(diep) == len(eerste) > 0


def test_a_list_logs_every_person_in_one_insert(gemeente_a, api_client, inburgeraar_factory):
    personen = [inburgeraar_factory(gemeente_a) for _ in range(5)]
    Verwerking.objects.all().delete()
    with CaptureQueriesContext(connection) as ctx:
        assert api_client(gemeente_a).get("/api/v1/inburgeraars").status_code == 200
    inserts = [q for q in ctx if 'INSERT INTO "logboek_verwerking"' in q["sql"]]
    assert len(inserts) == 1
    records = Verwerking.objects.filter(activiteit=Activiteit.LIJST)
    assert sorted(r.betrokkene for r in records) == sorted(p.pseudoniem for p in personen)
