"""Route pages: permission matrix, tenant isolation, processing log, constant queries, PVT flow."""

from datetime import date, time, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

import pytest

from openinburgering.accounts.context import Actor
from openinburgering.accounts.rollen import MATRIX, Recht, Rol
from openinburgering.logboek.models import Verwerking
from openinburgering.traject import examens, pvt
from openinburgering.traject.models import Afronding, PvtAanwezigheid, PvtMateriaal

pytestmark = pytest.mark.django_db


@pytest.fixture
def opzet(gemeente_a, inburgeraar_factory, route, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    actor = Actor(gemeente=gemeente_a, systeem="test")
    personen = [inburgeraar_factory(gemeente_a, achternaam=f"Deelnemer{i}") for i in range(3)]
    groep = pvt.groep_aanmaken(
        actor=actor, naam="PVT voorjaar", locatie="Stadhuis", taal="Nederlands", tolk="Arabisch",
        capaciteit=12, begeleider="Sanne",
    )  # fmt: skip
    gisteren = timezone.localdate() - timedelta(days=1)
    bijeenkomst = pvt.bijeenkomst_toevoegen(
        actor=actor, groep=groep, datum=gisteren, begintijd=time(9), eindtijd=time(12),
        onderwerp="Vrijheid en gelijkwaardigheid",
    )  # fmt: skip
    materiaal = pvt.materiaal_toevoegen(
        actor=actor, bijeenkomst=bijeenkomst, titel="Werkblad",
        bestand=SimpleUploadedFile("werkblad.pdf", b"%PDF-1.4 test"),
    )  # fmt: skip
    deelnames = pvt.deelnemers_uitnodigen(
        actor=actor, groep=groep, dossiers=[p.dossier for p in personen]
    )
    return {
        "groep": groep,
        "bijeenkomst": bijeenkomst,
        "materiaal": materiaal,
        "deelname": deelnames[0],
        "persoon": personen[0],
        "personen": personen,
    }


VIEWS = [
    ("traject:pvt_groepen", "get", None, Recht.TRAJECT_VASTLEGGEN),
    ("traject:pvt_groep_nieuw", "get", None, Recht.TRAJECT_VASTLEGGEN),
    ("traject:pvt_groep", "get", "groep", Recht.TRAJECT_VASTLEGGEN),
    ("traject:pvt_bijeenkomst", "post", "groep", Recht.TRAJECT_VASTLEGGEN),
    ("traject:pvt_uitnodigen", "post", "groep", Recht.TRAJECT_VASTLEGGEN),
    ("traject:pvt_aanwezigheid", "post", "bijeenkomst", Recht.TRAJECT_VASTLEGGEN),
    ("traject:pvt_materiaal", "post", "bijeenkomst", Recht.TRAJECT_VASTLEGGEN),
    ("traject:pvt_materiaal_downloaden", "get", "materiaal", Recht.TRAJECT_VASTLEGGEN),
    ("traject:pvt_ondertekening", "post", "deelname", Recht.TRAJECT_VASTLEGGEN),
    ("traject:overzicht", "get", "persoon", Recht.PERSOONSGEGEVENS_LEZEN),
    ("traject:afronding_pvt", "post", "persoon", Recht.TRAJECT_VASTLEGGEN),
    ("traject:afronding_map", "post", "persoon", Recht.TRAJECT_VASTLEGGEN),
    ("traject:map_activiteit", "post", "persoon", Recht.TRAJECT_VASTLEGGEN),
    ("traject:uren", "post", "persoon", Recht.TRAJECT_VASTLEGGEN),
    ("traject:zroute", "post", "persoon", Recht.TRAJECT_VASTLEGGEN),
    ("traject:examens_ophalen", "post", "persoon", Recht.TRAJECT_VASTLEGGEN),
]


def _url(naam, soort, opzet):
    return reverse(naam, kwargs={"uuid": opzet[soort].uuid}) if soort else reverse(naam)


@pytest.mark.parametrize("rol", list(Rol))
@pytest.mark.parametrize(
    ("naam", "methode", "soort", "recht"), VIEWS, ids=[f"{v[0]}-{v[1]}" for v in VIEWS]
)
def test_permission_matrix(
    rol, naam, methode, soort, recht, opzet, gemeente_a, medewerker, inloggen
):
    client = inloggen(medewerker(rol, gemeente_a))
    url = _url(naam, soort, opzet)
    response = client.get(url) if methode == "get" else client.post(url, {})
    if recht in MATRIX[rol]:
        assert response.status_code in (200, 302, 400)
    else:
        assert response.status_code == 403


@pytest.mark.parametrize(
    ("naam", "methode", "soort", "recht"),
    [v for v in VIEWS if v[2]],
    ids=[f"{v[0]}-{v[1]}" for v in VIEWS if v[2]],
)
def test_another_gemeentes_object_is_a_404(
    naam, methode, soort, recht, opzet, gemeente_b, medewerker, inloggen
):
    client = inloggen(medewerker(Rol.TEAMLEIDER, gemeente_b))
    url = _url(naam, soort, opzet)
    response = (
        client.get(url)
        if methode == "get"
        else client.post(url, {"b-datum": "01-01-2025", "datum": "01-01-2025"})
    )
    assert response.status_code == 404
    assert not Afronding.objects.exists()


def test_pvt_flow_attendance_and_signing_through_the_pages(opzet, gemeente_a, medewerker, inloggen):
    client = inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_a))
    d = opzet["deelname"]
    client.post(
        reverse("traject:pvt_aanwezigheid", kwargs={"uuid": opzet["bijeenkomst"].uuid}),
        {f"deelname-{d.pk}": "aanwezig"},
    )
    assert PvtAanwezigheid.objects.get(deelname=d).status == "aanwezig"
    gisteren = (timezone.localdate() - timedelta(days=1)).strftime("%d-%m-%Y")
    response = client.post(
        reverse("traject:pvt_ondertekening", kwargs={"uuid": d.uuid}),
        {"datum": gisteren},
        follow=True,
    )
    inhoud = response.content.decode()
    assert "klaargezet voor DUO" in inhoud
    assert Afronding.objects.get(
        dossier=d.dossier, onderdeel="pvt"
    ).datum == timezone.localdate() - timedelta(days=1)


def test_a_signing_in_the_future_shows_the_rule_and_saves_nothing(
    opzet, gemeente_a, medewerker, inloggen
):
    client = inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_a))
    morgen = (timezone.localdate() + timedelta(days=1)).strftime("%d-%m-%Y")
    response = client.post(
        reverse("traject:pvt_ondertekening", kwargs={"uuid": opzet["deelname"].uuid}),
        {"datum": morgen},
    )
    assert response.status_code == 400
    inhoud = response.content.decode()
    assert "in de toekomst" in inhoud and "R39" in inhoud and "DUO MAP-PVT-Zroute API" in inhoud
    assert not Afronding.objects.exists()


def test_attendance_for_a_future_session_is_refused(opzet, gemeente_a):
    actor = Actor(gemeente=gemeente_a, systeem="t")
    later = pvt.bijeenkomst_toevoegen(
        actor=actor, groep=opzet["groep"], datum=timezone.localdate() + timedelta(days=7),
        begintijd=time(9), eindtijd=time(10), onderwerp="Later",
    )  # fmt: skip
    from openinburgering.core.exceptions import Geweigerd

    with pytest.raises(Geweigerd):
        pvt.aanwezigheid_vastleggen(
            actor=actor, bijeenkomst=later, statussen={opzet["deelname"].pk: "aanwezig"}
        )


def test_capacity_is_enforced(opzet, gemeente_a, inburgeraar_factory):
    from openinburgering.core.exceptions import Geweigerd

    actor = Actor(gemeente=gemeente_a, systeem="t")
    kleine = pvt.groep_aanmaken(
        actor=actor, naam="Klein", locatie="L", taal="NL", capaciteit=2, begeleider="B"
    )
    with pytest.raises(Geweigerd) as exc:
        pvt.deelnemers_uitnodigen(
            actor=actor, groep=kleine, dossiers=[p.dossier for p in opzet["personen"]]
        )
    assert "plaats voor 2" in exc.value.message


def test_material_download_is_private_and_only_for_authorised_roles(
    opzet, gemeente_a, medewerker, inloggen
):
    url = reverse("traject:pvt_materiaal_downloaden", kwargs={"uuid": opzet["materiaal"].uuid})
    assert inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_a)).get(url).status_code == 200
    assert inloggen(medewerker(Rol.BELEIDSMEDEWERKER, gemeente_a)).get(url).status_code == 403
    assert "static" not in PvtMateriaal.objects.get().bestand_pad


def test_reading_the_route_page_and_the_group_is_logged(opzet, gemeente_a, medewerker, inloggen):
    client = inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_a))
    client.get(reverse("traject:overzicht", kwargs={"uuid": opzet["persoon"].uuid}))
    assert Verwerking.objects.filter(
        betrokkene=opzet["persoon"].pseudoniem, activiteit="inzien"
    ).exists()
    client.get(reverse("traject:pvt_groep", kwargs={"uuid": opzet["groep"].uuid}))
    for p in opzet["personen"]:
        assert Verwerking.objects.filter(betrokkene=p.pseudoniem, activiteit="lijst").exists()


def test_lists_use_a_constant_number_of_queries(
    opzet, gemeente_a, inburgeraar_factory, medewerker, inloggen, django_assert_max_num_queries
):
    client = inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_a))
    urls = [
        reverse("traject:pvt_groep", kwargs={"uuid": opzet["groep"].uuid}),
        reverse("traject:pvt_groepen"),
        reverse("traject:overzicht", kwargs={"uuid": opzet["persoon"].uuid}),
    ]
    tellingen = []
    for url in urls:
        client.get(url)
        with django_assert_max_num_queries(60) as q:
            client.get(url)
        tellingen.append(len(q.captured_queries))
    actor = Actor(gemeente=gemeente_a, systeem="t")
    extra = [inburgeraar_factory(gemeente_a, achternaam=f"Extra{i}") for i in range(6)]
    pvt.deelnemers_uitnodigen(
        actor=actor, groep=opzet["groep"], dossiers=[p.dossier for p in extra]
    )
    pvt.groep_aanmaken(
        actor=actor, naam="Tweede", locatie="L", taal="NL", capaciteit=5, begeleider="B"
    )
    for _ in range(3):
        pvt.bijeenkomst_toevoegen(
            actor=actor, groep=opzet["groep"], datum=date(2025, 1, 1), begintijd=time(9),
            eindtijd=time(10), onderwerp="Extra",
        )  # fmt: skip
    for url, eerder in zip(urls, tellingen, strict=True):
        with django_assert_max_num_queries(eerder):
            client.get(url)


def test_exam_results_from_duo_show_passed_pending_and_to_do(
    opzet, gemeente_a, medewerker, inloggen
):
    actor = Actor(gemeente=gemeente_a, systeem="duo-koppeling")
    dossier = opzet["persoon"].dossier
    resultaten = [
        {"examendatum": "2025-03-01", "resultaat": "Geslaagd", "onderdeel": "KNM", "niveau": ""},
        {"examendatum": "2025-03-02", "resultaat": "Gezakt", "onderdeel": "LE", "niveau": "B1"},
        {
            "examendatum": "2025-04-02",
            "resultaat": "Geen",
            "onderdeel": "SP",
            "niveau": "B1",
            "redenGeenResultaat": "Nietverwijtbaar",
        },
    ]
    pogingen = [{"onderdeel": "LE", "gratisPogingenTegoed": 2}]
    assert (
        examens.examenuitslagen_bijwerken(
            actor=actor, dossier=dossier, resultaten=resultaten, pogingen=pogingen
        )
        == 3
    )
    assert (
        examens.examenuitslagen_bijwerken(
            actor=actor, dossier=dossier, resultaten=resultaten, pogingen=pogingen
        )
        == 0
    )
    stand = {o.onderdeel.value: o.stand for o in examens.examenoverzicht(dossier, None)}
    assert stand == {
        "KNM": "behaald",
        "LE": "niet_behaald",
        "SP": "niet_behaald",
        "LU": "te_doen",
        "SC": "te_doen",
    }
    client = inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_a))
    inhoud = client.get(
        reverse("traject:overzicht", kwargs={"uuid": opzet["persoon"].uuid})
    ).content.decode()
    assert (
        "Behaald" in inhoud
        and "Nog te doen" in inhoud
        and "Niet verwijtbaar" in inhoud
        or "Nietverwijtbaar" in inhoud
    )
    detail = client.get(
        reverse("inburgeraars:detail", kwargs={"uuid": opzet["persoon"].uuid})
    ).content.decode()
    assert "1 van 5 behaald" in detail


def test_tampered_form_values_give_a_message_not_a_500(opzet, gemeente_a, medewerker, inloggen):
    """Garbage where the forms send uuids or a return path: a clear message, nothing changed."""
    client = inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_a))
    groep = opzet["groep"]
    response = client.post(
        reverse("traject:pvt_uitnodigen", kwargs={"uuid": groep.uuid}),
        {"personen": ["-1", "geen-uuid"]},
        follow=True,
    )
    assert response.status_code == 200
    assert "Kies minstens één persoon" in response.content.decode()
    response = client.post(reverse("signalen:oppakken"), {"signalen": ["x"], "volgende": "x" * 300})
    assert response.status_code == 302
    assert response["Location"] == reverse("signalen:werklijst")
    response = client.post(
        reverse("signalen:oppakken"), {"signalen": ["x"], "volgende": "https://evil.example/"}
    )
    assert response["Location"] == reverse("signalen:werklijst")
