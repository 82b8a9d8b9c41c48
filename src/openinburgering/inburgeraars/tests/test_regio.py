"""A regional team's combined caseload (issue 16): one list across the user's gemeenten, each
person in their own tenant and their own gemeente's processing log."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from openinburgering.accounts.rollen import Rol
from openinburgering.gemeenten.models import Lidmaatschap
from openinburgering.gemeenten.tests.factories import GemeenteFactory
from openinburgering.logboek.models import Verwerking

LIJST = reverse("inburgeraars:lijst")


def _namen(html: str) -> list[str]:
    # Links (the active gemeente) and switch buttons (another of the user's gemeenten).
    tabel = html.split("<tbody", 1)[1].split("</tbody>", 1)[0] if "<tbody" in html else ""
    return re.findall(r'(?:class="utrecht-link" href="[^"]+">|--html-button">)([^<]+)<', tabel)


def _regio(gemeente_a, gemeente_b, medewerker, inburgeraar_factory, per_gemeente=3):
    buiten = GemeenteFactory(code="0009", naam="Buitendorp")
    user = medewerker(Rol.KLANTREGISSEUR, gemeente_a, gemeente_b)
    personen = []
    for n in range(per_gemeente):
        for gemeente, letter in ((gemeente_a, "A"), (gemeente_b, "B"), (buiten, "C")):
            personen.append(
                inburgeraar_factory(gemeente, voornamen=f"P{n}", achternaam=f"Regio{letter}")
            )
    return user, personen


def test_combined_list_spans_the_users_gemeenten_newest_first(
    gemeente_a, gemeente_b, medewerker, inloggen, inburgeraar_factory
):
    user, personen = _regio(gemeente_a, gemeente_b, medewerker, inburgeraar_factory)
    client = inloggen(user)
    html = client.get(LIJST, {"gemeente": "alle"}).content.decode()
    verwacht = [
        p.lijstnaam
        for p in sorted(personen, key=lambda p: -p.pk)
        if p.gemeente_id != personen[2].gemeente_id
    ]
    assert _namen(html) == verwacht
    assert "RegioC" not in html  # a gemeente the user does not work for
    assert '<th class="utrecht-table__header-cell" scope="col">Gemeente</th>' in html
    assert html.count(f'<td class="utrecht-table__cell">{gemeente_b.naam}</td>') == 3
    # The active gemeente alone, as before, without the column.
    html = client.get(LIJST).content.decode()
    assert {n.split(",")[0] for n in _namen(html)} == {"RegioA"}
    assert 'scope="col">Gemeente</th>' not in html
    # One of the user's gemeenten by its code; a code the user does not work for is ignored.
    html = client.get(LIJST, {"gemeente": gemeente_b.code}).content.decode()
    assert {n.split(",")[0] for n in _namen(html)} == {"RegioB"}
    html = client.get(LIJST, {"gemeente": "0009"}).content.decode()
    assert "RegioC" not in html


def test_records_go_to_each_persons_own_gemeente(
    gemeente_a, gemeente_b, medewerker, inloggen, inburgeraar_factory
):
    user, personen = _regio(gemeente_a, gemeente_b, medewerker, inburgeraar_factory)
    client = inloggen(user)
    Verwerking.objects.all().delete()
    assert client.get(LIJST, {"gemeente": "alle"}).status_code == 200
    for gemeente in (gemeente_a, gemeente_b):
        eigen = {p.pseudoniem for p in personen if p.gemeente_id == gemeente.pk}
        assert (
            set(Verwerking.objects.filter(gemeente=gemeente).values_list("betrokkene", flat=True))
            == eigen
        )
    assert Verwerking.objects.count() == 6


def test_only_gemeenten_where_the_role_may_read_people(
    gemeente_a, gemeente_b, medewerker, inloggen, inburgeraar_factory
):
    user, _ = _regio(gemeente_a, gemeente_b, medewerker, inburgeraar_factory)
    Lidmaatschap.objects.filter(user=user, gemeente=gemeente_b).update(
        rol=Rol.FUNCTIONEEL_BEHEERDER
    )
    user.toegang_versie += 1
    user.save(update_fields=["toegang_versie"])
    html = inloggen(user).get(LIJST, {"gemeente": "alle"}).content.decode()
    assert {n.split(",")[0] for n in _namen(html)} == {"RegioA"}
    assert 'name="gemeente"' not in html.split('role="search"')[1].split("</form>")[0]


def test_pages_walk_all_gemeenten_once_with_constant_queries(
    gemeente_a, gemeente_b, medewerker, inloggen, inburgeraar_factory
):
    user, personen = _regio(
        gemeente_a, gemeente_b, medewerker, inburgeraar_factory, per_gemeente=14
    )
    client = inloggen(user)
    client.get(LIJST, {"gemeente": "alle"})  # warm-up: the session keeps the memberships
    gezien, url, aantallen = [], LIJST + "?gemeente=alle", []
    while url:
        with CaptureQueriesContext(connection) as ctx:
            html = client.get(url).content.decode()
        aantallen.append(len(ctx))
        gezien += _namen(html)
        volgende = re.search(r'href="\?([^"]+)" rel="next"', html)
        url = LIJST + "?" + volgende.group(1).replace("&amp;", "&") if volgende else None
    eigen = [p for p in personen if p.gemeente_id in (gemeente_a.pk, gemeente_b.pk)]
    assert gezien == [p.lijstnaam for p in sorted(eigen, key=lambda p: -p.pk)]
    assert len(aantallen) == 2 and len(set(aantallen)) == 1


def test_a_row_of_another_gemeente_opens_through_a_switch(
    gemeente_a, gemeente_b, medewerker, inloggen, inburgeraar_factory
):
    user, personen = _regio(gemeente_a, gemeente_b, medewerker, inburgeraar_factory, per_gemeente=1)
    client = inloggen(user)
    html = client.get(LIJST, {"gemeente": "alle"}).content.decode()
    ander = next(p for p in personen if p.gemeente_id == gemeente_b.pk)
    detail = reverse("inburgeraars:detail", kwargs={"uuid": ander.uuid})
    assert f'name="next" value="{detail}"' in html
    assert client.get(detail).status_code == 404  # still working for gemeente A
    response = client.post(
        reverse("ui:gemeente_wisselen"), {"gemeente": gemeente_b.code, "next": detail}
    )
    assert response.status_code == 302 and response["Location"] == detail
    assert client.get(detail).status_code == 200


def test_a_bsn_is_found_in_the_actors_gemeenten_only_alone_or_as_a_region(
    gemeente_a, gemeente_b, medewerker, inburgeraar_factory
):
    from openinburgering.accounts.context import Actor
    from openinburgering.inburgeraars.selectors import bsn_treffers

    user, personen = _regio(gemeente_a, gemeente_b, medewerker, inburgeraar_factory, 1)
    in_a, in_b, buiten = personen
    alleen_a = Actor(gemeente=gemeente_a, user=user)
    regio = Actor(gemeente=gemeente_a, user=user, regio=(gemeente_a, gemeente_b))
    # Alone: the unique key (gemeente, BSN hash), read with a statement compiled once.
    assert bsn_treffers(actor=alleen_a, bsn=in_a.bsn) == [(in_a.uuid, in_a.pseudoniem)]
    assert bsn_treffers(actor=alleen_a, bsn=in_b.bsn) == []
    # As a region: each of its gemeenten, and still none outside it.
    assert bsn_treffers(actor=regio, bsn=in_b.bsn) == [(in_b.uuid, in_b.pseudoniem)]
    assert bsn_treffers(actor=regio, bsn=buiten.bsn) == []
    assert bsn_treffers(actor=alleen_a, bsn=buiten.bsn) == []
