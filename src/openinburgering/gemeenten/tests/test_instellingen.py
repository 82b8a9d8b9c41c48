"""Gemeente-instellingen: the form, the service with optimistic locking, and the tenant boundary."""

from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.urls import reverse

import pytest

from openinburgering.accounts.rollen import Rol
from openinburgering.core.exceptions import Conflict
from openinburgering.gemeenten import services
from openinburgering.gemeenten.models import Gemeente, Lidmaatschap
from openinburgering.gemeenten.validators import telefoonnummer_geldig

URL = "brieven:instellingen"

GELDIG = {
    "naam": "Amstelwaard",
    "koppeling": "m2m",
    "adres": "Stadhuisplein 1, 9001 AA Amstelwaard",
    "telefoonnummer": "14 0001",
    "email": "inburgering@amstelwaard.example",
}


@pytest.fixture
def beheerder(gemeente_a, medewerker, inloggen):
    return inloggen(medewerker(Rol.FUNCTIONEEL_BEHEERDER, gemeente_a))


@pytest.mark.parametrize(
    ("nummer", "geldig"),
    [
        ("030 286 00 00", True),
        ("030-2860000", True),
        ("(030) 286 00 00", True),
        ("14 030", True),
        ("14 0299", True),
        ("0800-1234", True),
        ("0900 1234567", True),
        ("+31 30 286 00 00", True),
        ("+31 (0)30 286 00 00", True),
        ("0031 30 286 00 00", True),
        ("030 286 00", False),  # too short
        ("030 286 00 000", False),  # too long
        ("+32 2 123 45 67", False),  # not a Dutch number
        ("14", False),
        ("bel ons", False),
        ("030+2860000", False),
    ],
)
def test_dutch_phone_numbers(nummer, geldig):
    assert telefoonnummer_geldig(nummer) is geldig


def test_the_page_shows_code_and_oin_read_only_and_a_letter_preview(gemeente_a, beheerder):
    services.gemeente_instellingen_wijzigen(gemeente=gemeente_a, versie=1, **GELDIG)
    response = beheerder.get(reverse(URL))
    assert response.status_code == 200
    inhoud = response.content.decode()
    assert gemeente_a.code in inhoud and gemeente_a.oin in inhoud
    assert 'name="code"' not in inhoud and 'name="oin"' not in inhoud
    # The preview is rendered from the same partials as the letters themselves.
    gemeente_a.refresh_from_db()
    assert render_to_string("brieven/_contact.html", {"gemeente": gemeente_a}) in inhoud
    assert "Telefoon: 14 0001" in inhoud
    assert "Er staat nog geen telefoonnummer" not in inhoud


def test_a_valid_save_changes_the_gemeente_and_raises_the_version(gemeente_a, beheerder):
    response = beheerder.post(
        reverse(URL), {**GELDIG, "naam": "Amstelwaard-Noord", "koppeling": "portal", "versie": 1}
    )
    assert response.status_code == 302
    gemeente_a.refresh_from_db()
    assert gemeente_a.naam == "Amstelwaard-Noord"
    assert gemeente_a.koppeling == "portal"
    assert gemeente_a.telefoonnummer == "14 0001"
    assert gemeente_a.versie == 2
    pagina = beheerder.get(response["Location"]).content.decode()
    assert "De instellingen van de gemeente zijn opgeslagen." in pagina


def test_code_and_oin_in_the_post_are_ignored(gemeente_a, beheerder):
    code, oin = gemeente_a.code, gemeente_a.oin
    beheerder.post(
        reverse(URL), {**GELDIG, "code": "9999", "oin": "9" * 20, "versie": gemeente_a.versie}
    )
    gemeente_a.refresh_from_db()
    assert (gemeente_a.code, gemeente_a.oin) == (code, oin)


def test_invalid_input_gives_dutch_field_errors_and_an_error_summary(gemeente_a, beheerder):
    response = beheerder.post(
        reverse(URL),
        {
            "naam": "",
            "koppeling": "fax",
            "adres": "Stadhuisplein",
            "telefoonnummer": "bel ons",
            "email": "inburgering@",
            "versie": 1,
        },
    )
    assert response.status_code == 400
    inhoud = response.content.decode()
    assert 'id="foutsamenvatting"' in inhoud
    assert "Vul de naam van de gemeente in." in inhoud
    assert "Vul straat, huisnummer en plaats in" in inhoud
    assert "Vul een Nederlands telefoonnummer in" in inhoud
    assert "Vul een geldig e-mailadres in" in inhoud
    assert 'aria-invalid="true"' in inhoud
    gemeente_a.refresh_from_db()
    assert gemeente_a.naam == "Amstelwaard" and gemeente_a.versie == 1


def test_a_stale_save_is_a_conflict_with_a_clear_message(gemeente_a, beheerder):
    # Someone else saved in the meantime: the stored version is now 2.
    services.gemeente_instellingen_wijzigen(
        gemeente=gemeente_a, versie=1, **{**GELDIG, "telefoonnummer": "030 123 45 67"}
    )
    response = beheerder.post(reverse(URL), {**GELDIG, "naam": "Mijn naam", "versie": 1})
    assert response.status_code == 400
    assert "Iemand anders heeft deze gegevens intussen gewijzigd" in response.content.decode()
    gemeente_a.refresh_from_db()
    assert gemeente_a.naam == "Amstelwaard"
    assert gemeente_a.telefoonnummer == "030 123 45 67"
    assert gemeente_a.versie == 2


def test_the_service_refuses_a_stale_version_and_invalid_values(gemeente_a):
    services.gemeente_instellingen_wijzigen(gemeente=gemeente_a, versie=1, **GELDIG)
    with pytest.raises(Conflict):
        services.gemeente_instellingen_wijzigen(gemeente=gemeente_a, versie=1, **GELDIG)
    with pytest.raises(ValidationError) as fout:
        services.gemeente_instellingen_wijzigen(
            gemeente=gemeente_a, versie=2, **{**GELDIG, "telefoonnummer": "12"}
        )
    assert "telefoonnummer" in fout.value.message_dict
    gemeente_a.refresh_from_db()
    assert gemeente_a.versie == 2


def test_only_the_active_gemeente_can_be_changed(gemeente_a, gemeente_b, medewerker, inloggen):
    user = medewerker(Rol.FUNCTIONEEL_BEHEERDER, gemeente_a, gemeente_b)
    client = inloggen(user)
    client.post(reverse("ui:gemeente_wisselen"), {"gemeente": gemeente_b.code})
    pagina = client.get(reverse(URL)).content.decode()
    assert "Beekveld" in pagina and gemeente_b.oin in pagina and gemeente_a.oin not in pagina
    client.post(reverse(URL), {**GELDIG, "naam": "Beekveld-Oost", "versie": 1})
    gemeente_a.refresh_from_db()
    gemeente_b.refresh_from_db()
    assert gemeente_b.naam == "Beekveld-Oost"
    assert gemeente_a.naam == "Amstelwaard" and gemeente_a.versie == 1


def test_a_beheerder_elsewhere_cannot_change_the_gemeente_where_they_are_caseworker(
    gemeente_a, gemeente_b, medewerker, inloggen
):
    user = medewerker(Rol.FUNCTIONEEL_BEHEERDER, gemeente_a)
    Lidmaatschap.objects.create(user=user, gemeente=gemeente_b, rol=Rol.KLANTREGISSEUR)
    client = inloggen(user)
    client.post(reverse("ui:gemeente_wisselen"), {"gemeente": gemeente_b.code})
    response = client.post(reverse(URL), {**GELDIG, "naam": "Overgenomen", "versie": 1})
    assert response.status_code == 403
    assert not Gemeente.objects.filter(naam="Overgenomen").exists()


def test_the_address_for_bezwaar_is_a_setting_checked_like_the_visiting_address(
    gemeente_a, beheerder
):
    """Every decision's letter says where to send a bezwaar (R23): this address, else the
    visiting address (``brieven.bezwaarclausule``)."""
    response = beheerder.post(
        reverse(URL), {**GELDIG, "bezwaar_adres": "Postbus 100, 9000 AA Amstelwaard", "versie": 1}
    )
    assert response.status_code == 302
    gemeente_a.refresh_from_db()
    assert gemeente_a.bezwaar_adres == "Postbus 100, 9000 AA Amstelwaard"
    fout = beheerder.post(reverse(URL), {**GELDIG, "bezwaar_adres": "Postbus", "versie": 2})
    assert fout.status_code == 400
    assert "Vul straat, huisnummer en plaats in" in fout.content.decode()
    gemeente_a.refresh_from_db()
    assert gemeente_a.bezwaar_adres == "Postbus 100, 9000 AA Amstelwaard"
