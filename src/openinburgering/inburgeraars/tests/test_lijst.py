"""The caseload at scale (ADR 0057): status filter and deep pages in one query shape, and the
processing log of a page in one insert."""

import re

from django.db import connection
from django.urls import reverse

from openinburgering.accounts.rollen import Rol
from openinburgering.inburgeraars.models import Dossier
from openinburgering.logboek.models import Activiteit, Verwerking

VOLGENDE = re.compile(r'href="([^"]+)"[^>]*rel="next"|rel="next"[^>]*href="([^"]+)"')


def _statements(client, url):
    gezien: list[str] = []

    def noteren(execute, sql, params, many, context):
        gezien.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(noteren):
        response = client.get(url)
    assert response.status_code == 200
    return gezien, response


def _volgende(response) -> str | None:
    html = response.content.decode()
    if 'rel="next"' not in html:
        return None
    href = html.split('rel="next"')[0].rsplit('href="', 1)[1].split('"')[0]
    return reverse("inburgeraars:lijst") + href.replace("&amp;", "&")


def test_status_filter_walks_only_that_status_of_this_tenant_newest_first(
    gemeente_a, gemeente_b, medewerker, inloggen, inburgeraar_factory
):
    gezocht = []
    for n in range(30):
        persoon = inburgeraar_factory(gemeente_a, achternaam=f"Eigen{n:02d}")
        inburgeraar_factory(gemeente_b, achternaam=f"Ander{n:02d}")
        if n % 2 == 0:
            gezocht.append(persoon)
    Dossier.objects.filter(inburgeraar__in=gezocht).update(status="intake")
    Dossier.objects.filter(gemeente=gemeente_b).update(status="intake")
    client = inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_a))
    url: str | None = reverse("inburgeraars:lijst") + "?status=intake"
    html = ""
    while url:
        response = client.get(url)
        html += response.content.decode()
        url = _volgende(response)
    namen = re.findall(r"(Eigen\d\d|Ander\d\d)", html)
    assert list(dict.fromkeys(namen)) == [f"Eigen{n:02d}" for n in range(28, -1, -2)]


def test_a_deep_filtered_page_runs_the_same_statements_as_page_one(
    gemeente_a, medewerker, inloggen, inburgeraar_factory
):
    for _ in range(80):
        inburgeraar_factory(gemeente_a)
    client = inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_a))
    client.get(reverse("inburgeraars:lijst"))  # the session settles on the first request
    for filter_ in ("", "?status=aangemeld"):
        eerste, response = _statements(client, reverse("inburgeraars:lijst") + filter_)
        for _ in range(2):
            response = client.get(_volgende(response))
        diep, response = _statements(client, _volgende(response))
        assert "Voorbeeld" in response.content.decode()
        assert len(diep) == len(eerste)
        assert not any("OFFSET" in sql for sql in diep)


def test_a_page_logs_every_person_shown_in_one_insert(
    gemeente_a, medewerker, inloggen, inburgeraar_factory
):
    personen = [inburgeraar_factory(gemeente_a) for _ in range(4)]
    client = inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_a))
    Verwerking.objects.all().delete()
    statements, _ = _statements(client, reverse("inburgeraars:lijst"))
    assert len([s for s in statements if s.startswith('INSERT INTO "logboek_verwerking"')]) == 1
    assert sorted(
        Verwerking.objects.filter(activiteit=Activiteit.LIJST).values_list("betrokkene", flat=True)
    ) == sorted(p.pseudoniem for p in personen)


def test_rows_written_in_python_escape_every_cell(
    gemeente_a, medewerker, inloggen, inburgeraar_factory
):
    inburgeraar_factory(
        gemeente_a, voornamen='<img src=x onerror="alert(1)">', achternaam="O'Brien & <b>Zoon</b>"
    )
    client = inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_a))
    html = client.get(reverse("inburgeraars:lijst")).content.decode()
    assert "<img src=x" not in html and "<b>Zoon</b>" not in html
    assert "O&#x27;Brien &amp; &lt;b&gt;Zoon&lt;/b&gt;, &lt;img src=x onerror=&quot;" in html
    assert html.count('<tr class="utrecht-table__row">') == 2  # the head row and one person
