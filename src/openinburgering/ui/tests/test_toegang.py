"""The permission matrix (every role × every view) and tenant isolation for every URL pattern."""

from django.urls import reverse

import pytest

from openinburgering.accounts.rollen import MATRIX, Recht, Rol
from openinburgering.inburgeraars.tests.factories import nieuw_bsn
from openinburgering.inburgeraars.workflow import Status

GELDIGE_INVOER = {
    "voornamen": "Yonas",
    "achternaam": "Proefdijk",
    "geboortedatum": "01-02-1990",
    "doelgroep": "Asielstatushouder",
    "regime": "Wi2021",
}

# (name, method, needs an object, right required, POST data maker)
VIEWS = [
    ("inburgeraars:lijst", "get", False, Recht.PERSOONSGEGEVENS_LEZEN, None),
    (
        "inburgeraars:zoek_bsn",
        "post",
        False,
        Recht.PERSOONSGEGEVENS_LEZEN,
        lambda i: {"bsn": i.bsn},
    ),
    ("inburgeraars:aanmaken", "get", False, Recht.INBURGERAAR_WIJZIGEN, None),
    (
        "inburgeraars:aanmaken",
        "post",
        False,
        Recht.INBURGERAAR_WIJZIGEN,
        lambda i: {**GELDIGE_INVOER, "bsn": nieuw_bsn()},
    ),
    ("inburgeraars:detail", "get", True, Recht.PERSOONSGEGEVENS_LEZEN, None),
    ("inburgeraars:wijzigen", "get", True, Recht.INBURGERAAR_WIJZIGEN, None),
    (
        "inburgeraars:wijzigen",
        "post",
        True,
        Recht.INBURGERAAR_WIJZIGEN,
        lambda i: {**GELDIGE_INVOER, "versie": i.versie},
    ),
    (
        "inburgeraars:status_wijzigen",
        "post",
        True,
        Recht.DOSSIER_STATUS_WIJZIGEN,
        lambda i: {"status": Status.INTAKE, "versie": i.dossier.versie},
    ),
    # "Opnieuw ophalen uit de BRP" (without a BRP configured it says so and changes nothing).
    ("brp:opnieuw_ophalen", "post", True, Recht.INBURGERAAR_WIJZIGEN, None),
    ("intake:intake", "get", True, Recht.INTAKE_VOEREN, None),
    ("intake:stap", "post", True, Recht.INTAKE_VOEREN, None),
    ("intake:lbt_vrijstelling", "post", True, Recht.INTAKE_VOEREN, None),
    ("intake:handhaving_starten", "post", True, Recht.HANDHAVING_VOORBEREIDEN, None),
    ("logboek:lijst", "get", False, Recht.LOGBOEK_LEZEN, None),
    # Ontzorgen (issue 19): the person's bijstand and decisions, the import, the payment runs.
    ("ontzorgen:overzicht", "get", True, Recht.ONTZORGEN_VASTLEGGEN, None),
    ("ontzorgen:importeren", "get", False, Recht.ONTZORGEN_VASTLEGGEN, None),
    ("ontzorgen:runs", "get", False, Recht.ONTZORGEN_VASTLEGGEN, None),
    # The steering dashboards (issue 17): figures only, every gemeente role may read them.
    ("cijfers:dashboard", "get", False, Recht.CIJFERS_LEZEN, None),
    ("cijfers:bijwerken", "post", False, Recht.CIJFERS_LEZEN, None),
    ("logboek:lijst", "post", False, Recht.LOGBOEK_LEZEN, lambda i: {"activiteit": "inzien"}),
    ("brieven:instellingen", "get", False, Recht.GEMEENTE_INSTELLEN, None),
    (
        "brieven:instellingen",
        "post",
        False,
        Recht.GEMEENTE_INSTELLEN,
        lambda i: {
            "naam": "Amstelwaard",
            "koppeling": "m2m",
            "telefoonnummer": "14 0001",
            "versie": i.gemeente.versie,
        },
    ),
]


def _url(naam, inburgeraar, met_object):
    return reverse(naam, kwargs={"uuid": inburgeraar.uuid}) if met_object else reverse(naam)


@pytest.mark.parametrize("rol", list(Rol))
@pytest.mark.parametrize(
    ("naam", "methode", "met_object", "recht", "data"), VIEWS, ids=[f"{v[0]}-{v[1]}" for v in VIEWS]
)
def test_permission_matrix(
    rol,
    naam,
    methode,
    met_object,
    recht,
    data,
    gemeente_a,
    medewerker,
    inloggen,
    inburgeraar_factory,
):
    inburgeraar = inburgeraar_factory(gemeente_a)
    client = inloggen(medewerker(rol, gemeente_a))
    url = _url(naam, inburgeraar, met_object)
    if methode == "get":
        response = client.get(url)
    else:
        response = client.post(url, data(inburgeraar) if data else {})
    if recht in MATRIX[rol]:
        assert response.status_code in (200, 302), response.content[:500]
    else:
        assert response.status_code == 403
        assert "Uw rol" in response.content.decode()


@pytest.mark.parametrize(
    ("naam", "methode"),
    [(v[0], v[1]) for v in VIEWS if v[2]],
    ids=[f"{v[0]}-{v[1]}" for v in VIEWS if v[2]],
)
def test_another_gemeentes_object_is_a_404(
    naam, methode, gemeente_a, gemeente_b, medewerker, inloggen, inburgeraar_factory
):
    vreemd = inburgeraar_factory(gemeente_b)
    client = inloggen(medewerker(Rol.TEAMLEIDER, gemeente_a))
    url = reverse(naam, kwargs={"uuid": vreemd.uuid})
    response = (
        client.get(url) if methode == "get" else client.post(url, {"status": "intake", "versie": 1})
    )
    assert response.status_code == 404
    vreemd.refresh_from_db()
    assert vreemd.versie == 1


def test_a_member_of_two_gemeenten_sees_only_the_active_one(
    gemeente_a, gemeente_b, medewerker, inloggen, inburgeraar_factory
):
    hier = inburgeraar_factory(gemeente_a, achternaam="Hierwonend")
    daar = inburgeraar_factory(gemeente_b, achternaam="Daarwonend")
    client = inloggen(medewerker(Rol.TEAMLEIDER, gemeente_a, gemeente_b))
    inhoud = client.get(reverse("inburgeraars:lijst")).content.decode()
    assert "Hierwonend" in inhoud and "Daarwonend" not in inhoud
    assert client.get(reverse("inburgeraars:detail", kwargs={"uuid": daar.uuid})).status_code == 404

    client.post(reverse("ui:gemeente_wisselen"), {"gemeente": gemeente_b.code})
    inhoud = client.get(reverse("inburgeraars:lijst")).content.decode()
    assert "Daarwonend" in inhoud and "Hierwonend" not in inhoud
    assert client.get(reverse("inburgeraars:detail", kwargs={"uuid": hier.uuid})).status_code == 404


def test_switching_to_a_gemeente_you_are_not_a_member_of_does_nothing(
    gemeente_a, gemeente_b, medewerker, inloggen, inburgeraar_factory
):
    inburgeraar_factory(gemeente_b, achternaam="Daarwonend")
    client = inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_a))
    response = client.post(
        reverse("ui:gemeente_wisselen"), {"gemeente": gemeente_b.code}, follow=True
    )
    assert "U werkt niet voor die gemeente" in response.content.decode()
    assert "Daarwonend" not in client.get(reverse("inburgeraars:lijst")).content.decode()


def test_search_and_filters_never_reach_another_gemeente(
    gemeente_a, gemeente_b, medewerker, inloggen, inburgeraar_factory
):
    vreemd = inburgeraar_factory(gemeente_b, achternaam="Daarwonend", vnummer="1234567890")
    client = inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_a))
    for params in (
        {"zoek": "Daarwonend"},
        {"zoek": "1234567890"},
        {"status": "aangemeld"},
        {"doelgroep": "Asielstatushouder"},
    ):
        assert (
            "Daarwonend," not in client.get(reverse("inburgeraars:lijst"), params).content.decode()
        )
    response = client.post(reverse("inburgeraars:zoek_bsn"), {"bsn": vreemd.bsn})
    assert response.status_code == 400
    assert "Geen inburgeraar" in response.content.decode()


def test_user_without_gemeente_gets_a_clear_403(medewerker, inloggen):
    client = inloggen(medewerker(Rol.KLANTREGISSEUR))
    response = client.get(reverse("inburgeraars:lijst"))
    assert response.status_code == 403
    assert "niet gekoppeld aan een gemeente" in response.content.decode()


def test_anonymous_is_sent_to_login(client, db):
    response = client.get(reverse("inburgeraars:lijst"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_every_url_pattern_with_an_object_uses_a_uuid():
    from django.urls import get_resolver

    def patronen(resolver, prefix=""):
        for p in resolver.url_patterns:
            if hasattr(p, "url_patterns"):
                yield from patronen(p, prefix + str(p.pattern))
            else:
                yield prefix + str(p.pattern)

    for patroon in patronen(get_resolver()):
        for converter in ("<int:", "<str:", "<slug:", "<path:", "bsn"):
            assert converter not in patroon, patroon


# --- views addressed by a step of the brede intake (its letter, "niet gekomen") ----------------

STAP_VIEWS = [
    ("intake:brief", "get", Recht.INTAKE_VOEREN),
    ("intake:stap_genegeerd", "post", Recht.INTAKE_VOEREN),
]


@pytest.fixture
def intakestap(gemeente_a, inburgeraar_factory, settings, tmp_path):
    from datetime import timedelta

    from django.utils import timezone

    from openinburgering.accounts.context import Actor
    from openinburgering.intake import services

    settings.PRIVATE_MEDIA_ROOT = tmp_path
    actor = Actor(gemeente=gemeente_a, systeem="test")
    intake = services.intake_starten(actor=actor, dossier=inburgeraar_factory(gemeente_a).dossier)
    return services.handhavingsstap_vastleggen(
        actor=actor, intake=intake, soort="uitnodiging",
        datum=timezone.localdate() - timedelta(days=14),
        afspraak_op=timezone.now() - timedelta(days=7), afspraak_plaats="Stadhuis",
    )  # fmt: skip


@pytest.mark.parametrize("rol", list(Rol))
@pytest.mark.parametrize(("naam", "methode", "recht"), STAP_VIEWS, ids=[v[0] for v in STAP_VIEWS])
def test_permission_matrix_for_intake_steps(
    rol, naam, methode, recht, intakestap, gemeente_a, medewerker, inloggen
):
    client = inloggen(medewerker(rol, gemeente_a))
    url = reverse(naam, kwargs={"uuid": intakestap.uuid})
    response = client.get(url) if methode == "get" else client.post(url)
    if recht in MATRIX[rol]:
        assert response.status_code in (200, 302)
    else:
        assert response.status_code == 403
        assert "Uw rol" in response.content.decode()


# The gemeente's contact persons at DUO: (name, method, object the URL names, right, POST data)
CONTACTPERSOON = {
    "naam": "Ilse de Vries",
    "email": "ilse@a.example",
    "telefoonnummer": "0201234567",
}
CONTACTPERSOON_VIEWS = [
    ("duo:contactpersonen", "get", None, Recht.CONTACTPERSONEN_BEHEREN, None),
    ("duo:contactpersoon_aanmaken", "get", None, Recht.CONTACTPERSONEN_BEHEREN, None),
    (
        "duo:contactpersoon_aanmaken",
        "post",
        None,
        Recht.CONTACTPERSONEN_BEHEREN,
        lambda cp: CONTACTPERSOON,
    ),
    ("duo:contactpersoon_wijzigen", "get", "cp", Recht.CONTACTPERSONEN_BEHEREN, None),
    (
        "duo:contactpersoon_wijzigen",
        "post",
        "cp",
        Recht.CONTACTPERSONEN_BEHEREN,
        lambda cp: {**CONTACTPERSOON, "naam": "Ilse Bakker", "versie": cp.versie},
    ),
    ("duo:contactpersoon_verwijderen", "get", "cp", Recht.CONTACTPERSONEN_BEHEREN, None),
    (
        "duo:contactpersoon_verwijderen",
        "post",
        "cp",
        Recht.CONTACTPERSONEN_BEHEREN,
        lambda cp: {"versie": cp.versie},
    ),
    (
        "duo:contactpersoon_koppelen",
        "post",
        "inburgeraar",
        Recht.CONTACTPERSOON_KOPPELEN,
        lambda cp: {"contactpersoon": cp.uuid},
    ),
    ("duo:contactpersoon_ontkoppelen", "post", "inburgeraar", Recht.CONTACTPERSOON_KOPPELEN, None),
]


def _contactpersoon(gemeente, inburgeraar=None):
    from openinburgering.accounts.context import Actor
    from openinburgering.integrations.duo import meldingen

    actor = Actor(gemeente=gemeente, systeem="test")
    cp = meldingen.contactpersoon_aanmaken(actor=actor, **CONTACTPERSOON)
    if inburgeraar is not None:
        meldingen.contactpersoon_koppelen(actor=actor, contactpersoon=cp, inburgeraar=inburgeraar)
    return cp


def _contactpersoon_url(naam, soort, cp, inburgeraar):
    uuid = {"cp": getattr(cp, "uuid", None), "inburgeraar": inburgeraar.uuid}.get(soort)
    return reverse(naam, kwargs={"uuid": uuid}) if soort else reverse(naam)


@pytest.mark.parametrize("rol", list(Rol))
@pytest.mark.parametrize(
    ("naam", "methode", "soort", "recht", "data"),
    CONTACTPERSOON_VIEWS,
    ids=[f"{v[0]}-{v[1]}" for v in CONTACTPERSOON_VIEWS],
)
def test_contactpersoon_permission_matrix(
    rol, naam, methode, soort, recht, data, gemeente_a, medewerker, inloggen, inburgeraar_factory
):
    inburgeraar = inburgeraar_factory(gemeente_a)
    cp = _contactpersoon(gemeente_a, inburgeraar)
    client = inloggen(medewerker(rol, gemeente_a))
    url = _contactpersoon_url(naam, soort, cp, inburgeraar)
    if methode == "get":
        response = client.get(url)
    else:
        response = client.post(url, data(cp) if data else {})
    if recht in MATRIX[rol]:
        assert response.status_code in (200, 302), response.content[:500]
    else:
        assert response.status_code == 403
        assert "Uw rol" in response.content.decode()


@pytest.mark.parametrize(("naam", "methode", "recht"), STAP_VIEWS, ids=[v[0] for v in STAP_VIEWS])
def test_another_gemeentes_intake_step_is_a_404(
    naam, methode, recht, intakestap, gemeente_b, medewerker, inloggen
):
    client = inloggen(medewerker(Rol.TEAMLEIDER, gemeente_b))
    url = reverse(naam, kwargs={"uuid": intakestap.uuid})
    response = client.get(url) if methode == "get" else client.post(url)
    assert response.status_code == 404
    intakestap.refresh_from_db()
    assert not intakestap.genegeerd


@pytest.mark.parametrize(
    ("naam", "methode", "soort"),
    [(v[0], v[1], v[2]) for v in CONTACTPERSOON_VIEWS if v[2]],
    ids=[f"{v[0]}-{v[1]}" for v in CONTACTPERSOON_VIEWS if v[2]],
)
def test_another_gemeentes_contactpersoon_or_dossier_is_a_404(
    naam, methode, soort, gemeente_a, gemeente_b, medewerker, inloggen, inburgeraar_factory
):
    from openinburgering.integrations.duo.models import UitgaandBericht

    vreemde_persoon = inburgeraar_factory(gemeente_b)
    vreemd = _contactpersoon(gemeente_b, vreemde_persoon)
    eigen = _contactpersoon(gemeente_a)
    berichten = UitgaandBericht.objects.count()
    client = inloggen(medewerker(Rol.TEAMLEIDER, gemeente_a))
    url = _contactpersoon_url(naam, soort, vreemd, vreemde_persoon)
    response = (
        client.get(url)
        if methode == "get"
        else client.post(url, {**CONTACTPERSOON, "versie": 1, "contactpersoon": eigen.uuid})
    )
    assert response.status_code == 404
    vreemd.refresh_from_db()
    assert (vreemd.versie, vreemd.verwijderd) == (1, False)
    assert UitgaandBericht.objects.count() == berichten
