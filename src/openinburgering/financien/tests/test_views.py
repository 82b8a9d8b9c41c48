"""The money pages: rights, isolation, bad input through the forms, constant queries, the
processing log, and one set of numbers on the page, in the XLSX and in the SiSa figures."""

import io
import re
from datetime import date, timedelta

from django.urls import reverse

import pytest
from openpyxl import load_workbook

from openinburgering.accounts.context import Actor
from openinburgering.accounts.rollen import Recht, Rol, heeft_recht
from openinburgering.financien import selectors, services
from openinburgering.financien.models import Kostenboeking, Rijksbijdrage
from openinburgering.financien.prognose import euro
from openinburgering.financien.verantwoording import indicatoren
from openinburgering.logboek.models import Verwerking

from .conftest import VANDAAG

pytestmark = pytest.mark.django_db

GEEN_OBJECT = [
    ("financien:overzicht", "get", Recht.FINANCIEN_LEZEN),
    ("financien:cohorten", "get", Recht.FINANCIEN_LEZEN),
    ("financien:export", "get", Recht.FINANCIEN_LEZEN),
    ("financien:bijdrage", "get", Recht.RIJKSBIJDRAGEN_VASTLEGGEN),
    ("financien:afleiden", "post", Recht.KOSTEN_BOEKEN),
]


def _boek(gemeente, persoon, bedrag=65_00, soort="tolk", datum=None):
    return services.kosten_boeken(
        actor=Actor(gemeente=gemeente, systeem="test"), inburgeraar=persoon, soort=soort,
        bedrag_cent=bedrag, datum=datum or VANDAAG - timedelta(days=1), reden="Factuur",
    )  # fmt: skip


@pytest.mark.parametrize("rol", list(Rol))
@pytest.mark.parametrize(("naam", "methode", "recht"), GEEN_OBJECT, ids=[v[0] for v in GEEN_OBJECT])
def test_permission_matrix(rol, naam, methode, recht, gemeente_a, medewerker, inloggen):
    client = inloggen(medewerker(rol, gemeente_a))
    antwoord = getattr(client, methode)(reverse(naam))
    if heeft_recht(rol, recht):
        assert antwoord.status_code in (200, 302)
    else:
        assert antwoord.status_code == 403


@pytest.mark.parametrize("rol", list(Rol))
def test_permission_matrix_for_a_persons_costs(rol, gemeente_a, persoon, medewerker, inloggen):
    client = inloggen(medewerker(rol, gemeente_a))
    boeking = _boek(gemeente_a, persoon)
    antwoorden = [
        client.get(reverse("financien:persoon", kwargs={"uuid": persoon.uuid})),
        client.post(
            reverse("financien:corrigeren", kwargs={"uuid": boeking.uuid}), {"reden": "fout"}
        ),
    ]
    verwacht = (200, 302) if heeft_recht(rol, Recht.KOSTEN_BOEKEN) else (403, 403)
    assert tuple(a.status_code for a in antwoorden) == verwacht


def test_another_gemeentes_person_and_booking_are_a_404_and_change_nothing(
    gemeente_a, gemeente_b, inburgeraar_factory, medewerker, inloggen
):
    ander = inburgeraar_factory(gemeente_b, achternaam="Buitenaf")
    boeking = _boek(gemeente_b, ander)
    client = inloggen(medewerker(Rol.TEAMLEIDER, gemeente_a))
    voor = Kostenboeking.objects.count()
    persoon_url = reverse("financien:persoon", kwargs={"uuid": ander.uuid})
    for antwoord in (
        client.get(persoon_url),
        client.post(
            persoon_url, {"soort": "tolk", "bedrag": "10,00", "datum": "01-01-2025", "reden": "x"}
        ),  # fmt: skip
        client.post(
            reverse("financien:corrigeren", kwargs={"uuid": boeking.uuid}), {"reden": "weg"}
        ),
    ):
        assert antwoord.status_code == 404
        assert "Buitenaf" not in antwoord.content.decode()
    assert Kostenboeking.objects.count() == voor
    assert not Verwerking.objects.filter(betrokkene=ander.pseudoniem, gemeente=gemeente_a).exists()


def test_the_budget_pages_show_only_the_own_gemeentes_money(
    gemeente_a, gemeente_b, persoon, inburgeraar_factory, medewerker, inloggen
):
    _boek(gemeente_a, persoon, bedrag=111_11)
    _boek(gemeente_b, inburgeraar_factory(gemeente_b), bedrag=999_99)
    client = inloggen(medewerker(Rol.TEAMLEIDER, gemeente_a))
    inhoud = client.get(reverse("financien:overzicht")).content.decode()
    assert "111,11" in inhoud and "999,99" not in inhoud
    assert "999,99" not in client.get(reverse("financien:cohorten")).content.decode()


def test_a_bad_grant_in_the_form_gets_dutch_messages_and_changes_nothing(
    gemeente_a, medewerker, inloggen
):
    client = inloggen(medewerker(Rol.FUNCTIONEEL_BEHEERDER, gemeente_a))
    goed = {"jaar": VANDAAG.year, "soort": "spuk_asiel", "bedrag": "11600,00",
            "grondslag": "Beschikking", "regeling": "Bi2021 art. 6.6"}  # fmt: skip
    url = reverse("financien:bijdrage")
    antwoord = client.post(url, {**goed, "bedrag": "-5,00"})
    assert antwoord.status_code == 400
    assert "Een bedrag kan niet negatief zijn" in antwoord.content.decode()
    antwoord = client.post(url, {**goed, "soort": "subsidie"})
    assert "Kies een bekende soort bijdrage" in antwoord.content.decode()
    assert Rijksbijdrage.objects.count() == 0
    assert client.post(url, goed).status_code == 302
    antwoord = client.post(url, {**goed, "bedrag": "1,00"})
    assert antwoord.status_code == 400 and "al vastgelegd" in antwoord.content.decode()
    assert list(Rijksbijdrage.objects.values_list("bedrag_cent", flat=True)) == [11_600_00]


def test_a_bad_booking_in_the_form_gets_dutch_messages_and_changes_nothing(
    gemeente_a, persoon, medewerker, inloggen
):
    client = inloggen(medewerker(Rol.TEAMLEIDER, gemeente_a))
    url = reverse("financien:persoon", kwargs={"uuid": persoon.uuid})
    goed = {"soort": "tolk", "bedrag": "65,00", "datum": "01-02-2026", "reden": "Factuur"}
    for fout, tekst in (
        ({"bedrag": "-65,00"}, "Een bedrag kan niet negatief zijn"),
        ({"soort": "taxi"}, "Kies een bekende kostensoort"),
        ({"reden": ""}, "Dit veld is vereist"),
    ):
        antwoord = client.post(url, {**goed, **fout})
        assert antwoord.status_code == 400
        assert tekst in antwoord.content.decode()
    assert Kostenboeking.objects.count() == 0
    assert client.post(url, goed).status_code == 302
    assert Kostenboeking.objects.get().bedrag_cent == 65_00


def test_every_read_of_a_persons_bookings_is_logged(gemeente_a, persoon, medewerker, inloggen):
    _boek(gemeente_a, persoon)
    client = inloggen(medewerker(Rol.TEAMLEIDER, gemeente_a))
    Verwerking.objects.all().delete()
    client.get(reverse("financien:persoon", kwargs={"uuid": persoon.uuid}))
    assert Verwerking.objects.filter(betrokkene=persoon.pseudoniem, activiteit="inzien").exists()
    Verwerking.objects.all().delete()
    # The card on the dossier reads them too.
    inhoud = client.get(reverse("inburgeraars:detail", kwargs={"uuid": persoon.uuid}))
    assert "Kosten boeken en bekijken" in inhoud.content.decode()
    assert Verwerking.objects.filter(betrokkene=persoon.pseudoniem, activiteit="inzien").exists()


def test_the_card_is_not_shown_to_a_caseworker(gemeente_a, persoon, medewerker, inloggen):
    _boek(gemeente_a, persoon)
    client = inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_a))
    inhoud = client.get(reverse("inburgeraars:detail", kwargs={"uuid": persoon.uuid}))
    assert "Kosten boeken en bekijken" not in inhoud.content.decode()


def _wereld(gemeente, inburgeraar_factory, aantal):
    for i in range(aantal):
        p = inburgeraar_factory(gemeente, datum_bekendmaking_ind=date(2023 + i % 3, 2, 1))
        _boek(gemeente, p, bedrag=100_00 + i)
        _boek(gemeente, p, soort="map", bedrag=200_00 + i)


def _aantal_queries(client, url, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as vastgelegd:
        assert client.get(url).status_code == 200
    return len(vastgelegd)


@pytest.mark.parametrize(
    "naam", ["financien:overzicht", "financien:cohorten", "financien:export", "persoon"]
)
def test_pages_have_constant_query_counts(
    naam, gemeente_a, inburgeraar_factory, medewerker, inloggen, django_assert_max_num_queries
):
    client = inloggen(medewerker(Rol.TEAMLEIDER, gemeente_a))
    _wereld(gemeente_a, inburgeraar_factory, 2)
    persoon = inburgeraar_factory(gemeente_a)

    def url():
        if naam == "persoon":
            return reverse("financien:persoon", kwargs={"uuid": persoon.uuid})
        return reverse(naam)

    _boek(gemeente_a, persoon)
    # The first request of a session does a few more (the session, the second factor).
    client.get(url())
    weinig = _aantal_queries(client, url(), django_assert_max_num_queries)
    _wereld(gemeente_a, inburgeraar_factory, 12)
    for _ in range(8):
        _boek(gemeente_a, persoon)
    assert _aantal_queries(client, url(), django_assert_max_num_queries) == weinig


def _cel_bedrag(waarde) -> int:
    return round(waarde * 100)


def test_page_xlsx_and_sisa_reconcile_to_the_cent(
    gemeente_a, inburgeraar_factory, medewerker, inloggen
):
    beheerder = Actor(gemeente=gemeente_a, systeem="test")
    services.rijksbijdrage_vastleggen(
        actor=beheerder, jaar=VANDAAG.year, soort="spuk_asiel", bedrag_cent=23_200_01,
        grondslag="Beschikking", regeling="Bi2021",
    )  # fmt: skip
    services.rijksbijdrage_vastleggen(
        actor=beheerder, jaar=VANDAAG.year, soort="structureel", bedrag_cent=2_816_00,
        grondslag="Akkoord", regeling="Gemeentefonds",
    )  # fmt: skip
    oud = inburgeraar_factory(gemeente_a, datum_bekendmaking_ind=date(2021, 2, 1), regime="Wi2013")
    _boek(gemeente_a, oud, soort="pvt", bedrag=123_45, datum=VANDAAG.replace(day=1))
    for i in range(5):
        p = inburgeraar_factory(gemeente_a, datum_bekendmaking_ind=date(2024, 2, 1 + i))
        _boek(gemeente_a, p, soort="cursus", bedrag=9_500_33 + i, datum=VANDAAG.replace(day=1))
        _boek(gemeente_a, p, soort="ontzorgen_administratie", bedrag=45_67,
              datum=VANDAAG.replace(day=1))  # fmt: skip
    b = _boek(gemeente_a, p, soort="tolk", bedrag=77_77, datum=VANDAAG.replace(day=1))
    services.boeking_corrigeren(actor=beheerder, boeking=b, reden="Fout")
    in_db = sum(
        Kostenboeking.objects.filter(datum__year=VANDAAG.year).values_list("bedrag_cent", flat=True)
    )

    client = inloggen(medewerker(Rol.TEAMLEIDER, gemeente_a))
    pagina = client.get(reverse("financien:overzicht") + f"?jaar={VANDAAG.year}")
    inhoud = pagina.content.decode()
    totaal = re.search(r'id="totaal-besteed">([^<]+)<', inhoud).group(1)
    assert totaal == euro(in_db)

    xlsx = client.get(reverse("financien:export") + f"?jaar={VANDAAG.year}")
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    boek = load_workbook(io.BytesIO(xlsx.content))
    budget = list(boek[f"Budget {VANDAAG.year}"].iter_rows(min_row=2, values_only=True))
    assert _cel_bedrag(budget[-1][2]) == in_db
    assert sum(_cel_bedrag(r[2]) for r in budget[:-1]) == in_db
    soorten = list(boek["Kostensoorten"].iter_rows(min_row=2, values_only=True))
    assert sum(_cel_bedrag(r[2]) for r in soorten) == in_db
    sisa_xlsx = {
        r[0]: r[2]
        for r in boek[f"Verantwoording {VANDAAG.year}"].iter_rows(min_row=2, values_only=True)
    }

    overzicht = selectors.jaaroverzicht(gemeente=gemeente_a, jaar=VANDAAG.year, peildatum=VANDAAG)
    sisa = {i.code: i.waarde for i in indicatoren(overzicht)}
    # SPUK + Wi2013 + general grant: every cent booked in the year, once.
    assert sisa["OI-02"] + sisa["OI-07"] + sisa["OI-08"] == in_db
    assert sum(sisa[f"OI-02.{i}"] for i in range(1, 6)) == sisa["OI-02"]
    assert sisa["OI-01"] == 23_200_01 and sisa["OI-03"] == 23_200_01 - sisa["OI-02"]
    assert sisa["OI-04"] == 5 and sisa["OI-05"] == 1 and sisa["OI-06"] == 2_370_00
    for code, waarde in sisa.items():
        cel = sisa_xlsx[code]
        assert (cel if code in ("OI-04", "OI-05") else _cel_bedrag(cel)) == waarde
        # And the page shows the same figure.
        getoond = waarde if code in ("OI-04", "OI-05") else euro(waarde)
        assert re.search(
            rf'data-indicator="{re.escape(code)}">.*?oi-getal">{re.escape(str(getoond))}<', inhoud
        ), code
    # The chart carries the same amounts as the table.
    assert euro(overzicht.bron("spuk").besteed_cent) in inhoud.split("<table")[0]
