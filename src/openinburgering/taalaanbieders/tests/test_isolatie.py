"""Isolation: a school sees only people referred to it and only the referred fields; every
portal view and export; roles; tenants; the processing log; constant query counts."""

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from openinburgering.accounts.rollen import MATRIX, ExterneRol, Recht, Rol
from openinburgering.logboek.models import Verwerking
from openinburgering.taalaanbieders import services
from openinburgering.taalaanbieders.models import Aandachtspunt

from .conftest import VANDAAG, maak_contract, school_actor, week

# Values of the referred person that a school must never see (set by the ``verwijs`` fixture
# and the inburgeraar factory): date of birth, V-nummer, nationality, target group, status.
NOOIT_ZICHTBAAR = (
    "17-05-1990",
    "1990-05-17",
    "9876543210",
    "Syri",
    "Asielstatushouder",
    "Aangemeld",
)

PORTAAL_GET = ["taalaanbieders:deelnemer"]
PORTAAL_POST = {
    "taalaanbieders:intake": {"intake-datum": VANDAAG.strftime("%d-%m-%Y")},
    "taalaanbieders:uren": {
        "uren-periode_start": week()[0].strftime("%d-%m-%Y"),
        "uren-periode_einde": week()[1].strftime("%d-%m-%Y"),
        "uren-uren_aangeboden": "12",
        "uren-uren_aanwezig": "12",
        "uren-uren_fysiek": "12",
    },
    "taalaanbieders:voortgang": {
        "voortgang-datum": VANDAAG.strftime("%d-%m-%Y"),
        "voortgang-onderdeel": "LE",
        "voortgang-beoordeling": "op_schema",
    },
    "taalaanbieders:examen": {
        "examen-onderdeel": "LE",
        "examen-niveau": "B1",
        "examen-datum": (VANDAAG + timedelta(days=20)).strftime("%d-%m-%Y"),
    },
    "taalaanbieders:afschalen": {"afschalen-motivering": "x"},
}
PORTAAL_ZONDER_OBJECT = [
    "taalaanbieders:portaal",
    "taalaanbieders:export",
    "taalaanbieders:uren_uploaden",
    "taalaanbieders:voorbeeld",
]


@pytest.fixture
def twee_scholen(contract, verwijs, andere_instelling, school_medewerker, gemeente_a):
    eigen = verwijs(contract)
    vreemd = verwijs(
        maak_contract(gemeente_a, andere_instelling), voornamen="Yonas", achternaam="Anderschool"
    )
    return eigen, vreemd, school_medewerker(contract.instelling)


def _geen_verboden_velden(inhoud: str):
    for waarde in NOOIT_ZICHTBAAR:
        assert waarde not in inhoud, waarde


@pytest.mark.parametrize("naam", PORTAAL_ZONDER_OBJECT)
def test_portal_pages_and_export_show_only_own_referrals_and_only_referred_fields(
    naam, twee_scholen, inloggen
):
    eigen, vreemd, user = twee_scholen
    response = inloggen(user).get(reverse(naam))
    assert response.status_code == 200
    inhoud = response.content.decode()
    assert "Anderschool" not in inhoud
    _geen_verboden_velden(inhoud)
    assert str(eigen.inburgeraar.uuid) not in inhoud
    if naam in ("taalaanbieders:portaal", "taalaanbieders:export"):
        assert "Amira Testpersoon" in inhoud
    if naam == "taalaanbieders:export":
        assert "0612345678" in inhoud and "Arabisch" in inhoud


def test_export_has_exactly_the_referred_columns(twee_scholen, inloggen):
    _eigen, _vreemd, user = twee_scholen
    regels = inloggen(user).get(reverse("taalaanbieders:export")).content.decode().splitlines()
    assert regels[0].split(";") == [
        "kenmerk", "naam", "telefoon", "e-mail", "talen", "leerroute", "niveau", "uren per week",
        "inschrijfdatum", "startdatum", "gemeente",
    ]  # fmt: skip
    assert len(regels) == 2


def test_detail_shows_referred_fields_only(twee_scholen, inloggen):
    eigen, _vreemd, user = twee_scholen
    inhoud = inloggen(user).get(reverse("taalaanbieders:deelnemer", kwargs={"uuid": eigen.uuid}))
    tekst = inhoud.content.decode()
    assert "amira@voorbeeld.example" in tekst and "B1-route" in tekst
    _geen_verboden_velden(tekst)


@pytest.mark.parametrize("naam", PORTAAL_GET + list(PORTAAL_POST))
def test_a_person_referred_to_another_school_is_a_404_in_every_view(naam, twee_scholen, inloggen):
    _eigen, vreemd, user = twee_scholen
    client = inloggen(user)
    url = reverse(naam, kwargs={"uuid": vreemd.uuid})
    response = client.post(url, PORTAAL_POST[naam]) if naam in PORTAAL_POST else client.get(url)
    assert response.status_code == 404
    assert not vreemd.inburgeraar.dossier.gebeurtenissen.filter(
        soort__in=["intake_school_bevestigd", "uren_gemeld", "voortgang_gemeld"]
    ).exists()


@pytest.mark.parametrize("naam", list(PORTAAL_POST))
def test_portal_posts_work_for_own_referral_and_never_echo_other_fields(
    naam, twee_scholen, inloggen
):
    eigen, _vreemd, user = twee_scholen
    client = inloggen(user)
    if naam != "taalaanbieders:intake":
        client.post(
            reverse("taalaanbieders:intake", kwargs={"uuid": eigen.uuid}),
            PORTAAL_POST["taalaanbieders:intake"],
        )
    response = client.post(reverse(naam, kwargs={"uuid": eigen.uuid}), PORTAAL_POST[naam])
    # afschalen is refused by R21 (too few hours): shown on the page, with the rule.
    if naam == "taalaanbieders:afschalen":
        assert response.status_code == 400 and "R21" in response.content.decode()
    else:
        assert response.status_code == 302, response.content.decode()[:2000]
    _geen_verboden_velden(
        client.get(
            reverse("taalaanbieders:deelnemer", kwargs={"uuid": eigen.uuid})
        ).content.decode()
    )


def test_a_replaced_referral_is_no_longer_visible(twee_scholen, verwijs, contract, inloggen):
    eigen, _vreemd, user = twee_scholen
    verwijs(contract, inburgeraar=eigen.inburgeraar)
    response = inloggen(user).get(reverse("taalaanbieders:deelnemer", kwargs={"uuid": eigen.uuid}))
    assert response.status_code == 404


@pytest.mark.parametrize("rol", list(Rol))
def test_gemeente_staff_cannot_use_the_portal(rol, twee_scholen, medewerker, inloggen, gemeente_a):
    eigen, _vreemd, _user = twee_scholen
    client = inloggen(medewerker(rol, gemeente_a))
    for naam in ["taalaanbieders:portaal", "taalaanbieders:export"]:
        response = client.get(reverse(naam))
        assert response.status_code == 403
        assert "niet gekoppeld aan een taalaanbieder" in response.content.decode()
    assert (
        client.get(reverse("taalaanbieders:deelnemer", kwargs={"uuid": eigen.uuid})).status_code
        == 403
    )


GEMEENTE_VIEWS = [
    ("taalaanbieders:overzicht", None, Recht.CONTRACTEN_LEZEN),
    ("taalaanbieders:instellingen", None, Recht.CONTRACTEN_LEZEN),
    ("taalaanbieders:contract_aanmaken", None, Recht.CONTRACTEN_BEHEREN),
    ("taalaanbieders:contract", "contract", Recht.CONTRACTEN_LEZEN),
    ("taalaanbieders:instelling_contact", "instelling", Recht.CONTRACTEN_BEHEREN),
    ("taalaanbieders:verwijzen", "persoon", Recht.VERWIJZEN),
    ("taalaanbieders:eigen_cursus", "persoon", Recht.INBURGERAAR_WIJZIGEN),
    ("taalaanbieders:aandachtspunten", None, Recht.PERSOONSGEGEVENS_LEZEN),
]


def _object_url(naam, soort, v):
    if soort is None:
        return reverse(naam)
    uuid = {
        "contract": v.contract.uuid,
        "instelling": v.instelling.uuid,
        "persoon": v.inburgeraar.uuid,
    }[soort]
    return reverse(naam, kwargs={"uuid": uuid})


@pytest.mark.parametrize("rol", list(Rol))
@pytest.mark.parametrize(
    ("naam", "soort", "recht"), GEMEENTE_VIEWS, ids=[v[0] for v in GEMEENTE_VIEWS]
)
def test_permission_matrix_for_gemeente_views(
    rol, naam, soort, recht, twee_scholen, medewerker, inloggen, gemeente_a
):
    eigen, _vreemd, _user = twee_scholen
    response = inloggen(medewerker(rol, gemeente_a)).get(_object_url(naam, soort, eigen))
    if recht in MATRIX[rol]:
        assert response.status_code == 200
    else:
        assert response.status_code == 403 and "Uw rol" in response.content.decode()


@pytest.mark.parametrize(
    ("naam", "soort", "recht"), GEMEENTE_VIEWS, ids=[v[0] for v in GEMEENTE_VIEWS]
)
def test_school_staff_cannot_use_gemeente_views(naam, soort, recht, twee_scholen, inloggen):
    eigen, _vreemd, user = twee_scholen
    assert recht not in MATRIX[ExterneRol.TAALAANBIEDER]
    assert inloggen(user).get(_object_url(naam, soort, eigen)).status_code == 403


def test_school_staff_land_in_the_portal_after_sign_in(twee_scholen, inloggen):
    _eigen, _vreemd, user = twee_scholen
    response = inloggen(user).get(reverse("ui:start"))
    assert response["Location"] == reverse("taalaanbieders:portaal")
    assert inloggen(user).get(reverse("inburgeraars:lijst")).status_code == 403


@pytest.mark.parametrize(
    ("naam", "soort"),
    [
        ("taalaanbieders:contract", "contract"),
        ("taalaanbieders:verwijzen", "persoon"),
        ("taalaanbieders:eigen_cursus", "persoon"),
    ],
)
def test_another_gemeentes_objects_are_a_404(
    naam, soort, twee_scholen, medewerker, inloggen, gemeente_b
):
    eigen, _vreemd, _user = twee_scholen
    client = inloggen(medewerker(Rol.TEAMLEIDER, gemeente_b))
    assert client.get(_object_url(naam, soort, eigen)).status_code == 404


def test_another_gemeentes_work_item_is_a_404(twee_scholen, medewerker, inloggen, gemeente_b):
    eigen, _vreemd, user = twee_scholen
    actor = school_actor(user, eigen)
    services.intake_bevestigen(actor=actor, verwijzing=eigen, datum=VANDAAG)
    start, einde = week()
    services.uren_melden(
        actor=actor,
        verwijzing=eigen,
        periode_start=start,
        periode_einde=einde,
        uren_aangeboden=10,
        uren_aanwezig=2,
        uren_fysiek=2,
        verzuimreden="onbekend",
    )
    punt = Aandachtspunt.objects.get()
    client = inloggen(medewerker(Rol.TEAMLEIDER, gemeente_b))
    assert (
        "Testpersoon" not in client.get(reverse("taalaanbieders:aandachtspunten")).content.decode()
    )
    url = reverse("taalaanbieders:aandachtspunt_afhandelen", kwargs={"uuid": punt.uuid})
    assert client.post(url).status_code == 404
    punt.refresh_from_db()
    assert punt.status == "open"


def test_school_reads_are_logged_per_person_under_the_referring_gemeente(
    twee_scholen, inloggen, verwijs, gemeente_b, contract
):
    eigen, _vreemd, user = twee_scholen
    uit_b = verwijs(
        maak_contract(gemeente_b, contract.instelling), voornamen="Bea", achternaam="Beekveld"
    )
    client = inloggen(user)
    Verwerking.objects.all().delete()
    client.get(reverse("taalaanbieders:portaal"))
    lijst = {(v.gemeente_id, v.betrokkene, v.activiteit) for v in Verwerking.objects.all()}
    assert lijst == {
        (eigen.gemeente_id, eigen.inburgeraar.pseudoniem, "lijst"),
        (gemeente_b.pk, uit_b.inburgeraar.pseudoniem, "lijst"),
    }
    assert set(Verwerking.objects.values_list("gebruiker", flat=True)) == {user.pk}
    Verwerking.objects.all().delete()
    client.get(reverse("taalaanbieders:deelnemer", kwargs={"uuid": eigen.uuid}))
    assert list(Verwerking.objects.values_list("betrokkene", "activiteit")) == [
        (eigen.inburgeraar.pseudoniem, "inzien")
    ]
    Verwerking.objects.all().delete()
    client.get(reverse("taalaanbieders:export"))
    assert Verwerking.objects.filter(activiteit="exporteren").count() == 2


def test_caseworker_reads_of_personal_data_are_logged(twee_scholen, klantregisseur, inloggen):
    eigen, _vreemd, user = twee_scholen
    actor = school_actor(user, eigen)
    services.intake_bevestigen(actor=actor, verwijzing=eigen, datum=VANDAAG)
    start, einde = week()
    services.uren_melden(
        actor=actor, verwijzing=eigen, periode_start=start, periode_einde=einde,
        uren_aangeboden=10, uren_aanwezig=2, uren_fysiek=2, verzuimreden="onbekend",
    )  # fmt: skip
    client = inloggen(klantregisseur)
    pseudoniem = eigen.inburgeraar.pseudoniem
    for naam, activiteit in [
        ("taalaanbieders:aandachtspunten", "lijst"),
        ("taalaanbieders:verwijzen", "inzien"),
        ("taalaanbieders:eigen_cursus", "inzien"),
    ]:
        Verwerking.objects.all().delete()
        url = (
            reverse(naam)
            if naam.endswith("aandachtspunten")
            else reverse(naam, kwargs={"uuid": eigen.inburgeraar.uuid})
        )
        assert client.get(url).status_code == 200
        assert list(Verwerking.objects.values_list("betrokkene", "activiteit")) == [
            (pseudoniem, activiteit)
        ], naam


def _queries(client, url):
    # The first request after signing in keeps the memberships and the device in the session
    # (ADR 0061); count a request after that one.
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_portal_list_and_export_cost_the_same_queries_for_2_or_6_people(
    contract, verwijs, school_medewerker, inloggen
):
    client = inloggen(school_medewerker(contract.instelling))
    for i in range(2):
        verwijs(contract, achternaam=f"Eerst{i}")
    weinig = {
        n: _queries(client, reverse(n)) for n in ("taalaanbieders:portaal", "taalaanbieders:export")
    }
    for i in range(4):
        verwijs(contract, achternaam=f"Later{i}")
    veel = {
        n: _queries(client, reverse(n)) for n in ("taalaanbieders:portaal", "taalaanbieders:export")
    }
    assert weinig == veel


def test_overview_and_work_items_cost_the_same_queries_for_more_rows(
    gemeente_a, instelling, andere_instelling, verwijs, medewerker, inloggen, school_medewerker
):
    client = inloggen(medewerker(Rol.TEAMLEIDER, gemeente_a))
    school = school_medewerker(instelling)

    def verzuim(contract, naam):
        v = verwijs(contract, achternaam=naam)
        actor = school_actor(school, v)
        services.intake_bevestigen(actor=actor, verwijzing=v, datum=VANDAAG)
        start, einde = week()
        services.uren_melden(
            actor=actor,
            verwijzing=v,
            periode_start=start,
            periode_einde=einde,
            uren_aangeboden=10,
            uren_aanwezig=1,
            uren_fysiek=1,
            verzuimreden="onbekend",
        )

    verzuim(maak_contract(gemeente_a, instelling), "Een")
    weinig = [
        _queries(client, reverse(n))
        for n in ("taalaanbieders:overzicht", "taalaanbieders:aandachtspunten")
    ]
    for i in range(3):
        verzuim(maak_contract(gemeente_a, andere_instelling if i % 2 else instelling), f"Meer{i}")
    veel = [
        _queries(client, reverse(n))
        for n in ("taalaanbieders:overzicht", "taalaanbieders:aandachtspunten")
    ]
    assert weinig == veel
