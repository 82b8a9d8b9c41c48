from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from openinburgering.accounts.rollen import Rol


def _queries(client, url, **kwargs):
    # The first request after signing in keeps the memberships and the device in the session
    # (ADR 0061); count a request after that one.
    client.get(url, **kwargs)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, **kwargs)
    assert response.status_code == 200
    return len(ctx)


def test_caseload_query_count_does_not_grow_with_rows(
    gemeente_a, medewerker, inloggen, inburgeraar_factory
):
    client = inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_a))
    inburgeraar_factory(gemeente_a)
    weinig = _queries(client, reverse("inburgeraars:lijst"))
    for _ in range(30):
        inburgeraar_factory(gemeente_a)
    assert _queries(client, reverse("inburgeraars:lijst")) == weinig


def test_caseload_is_four_statements_for_a_few_rows_and_a_full_page(
    gemeente_a, medewerker, inloggen, inburgeraar_factory
):
    """The session, the user, the page and the processing log: no membership, no device, no
    session write (ADR 0061). Exact, so a new query per request shows up here."""
    client = inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_a))
    url = reverse("inburgeraars:lijst") + "?status=aangemeld"
    inburgeraar_factory(gemeente_a)
    client.get(url)
    with CaptureQueriesContext(connection) as weinig:
        assert client.get(url).status_code == 200
    for _ in range(30):
        inburgeraar_factory(gemeente_a)
    with CaptureQueriesContext(connection) as veel:
        response = client.get(url)
    assert response.content.decode().count("oi-status--aangemeld") == 25
    assert len(weinig) == len(veel) == 4, [q["sql"][:60] for q in veel]
    assert "django_session" in veel[0]["sql"]
    assert "accounts_user" in veel[1]["sql"]
    assert 'INSERT INTO "logboek_verwerking"' in veel[3]["sql"]


def test_logboek_query_count_does_not_grow_with_rows(
    gemeente_a, medewerker, inloggen, inburgeraar_factory
):
    client = inloggen(medewerker(Rol.FUNCTIONEEL_BEHEERDER, gemeente_a))
    inburgeraar_factory(gemeente_a)
    weinig = _queries(client, reverse("logboek:lijst"))
    for _ in range(30):
        inburgeraar_factory(gemeente_a)
    assert _queries(client, reverse("logboek:lijst")) == weinig


def test_dossier_page_query_count_does_not_grow_with_timeline(
    gemeente_a, medewerker, inloggen, inburgeraar_factory
):
    from openinburgering.inburgeraars.models import Bron
    from openinburgering.inburgeraars.services import gebeurtenis_toevoegen

    client = inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_a))
    persoon = inburgeraar_factory(gemeente_a)
    url = reverse("inburgeraars:detail", kwargs={"uuid": persoon.uuid})
    weinig = _queries(client, url)
    for nummer in range(20):
        gebeurtenis_toevoegen(
            dossier=persoon.dossier,
            soort="notitie",
            omschrijving=f"Notitie {nummer}",
            bron=Bron.SYSTEEM,
        )
    assert _queries(client, url) == weinig


def test_cursor_pagination_in_the_caseload(gemeente_a, medewerker, inloggen, inburgeraar_factory):
    client = inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_a))
    namen = [f"Persoon{n:02d}" for n in range(30)]
    for naam in namen:
        inburgeraar_factory(gemeente_a, achternaam=naam)
    eerste = client.get(reverse("inburgeraars:lijst")).content.decode()
    assert "Persoon29" in eerste and "Persoon04" not in eerste
    volgende = (
        eerste.split('rel="next"')[0].rsplit('href="', 1)[1].split('"')[0].replace("&amp;", "&")
    )
    tweede = client.get(reverse("inburgeraars:lijst") + volgende).content.decode()
    assert "Persoon04" in tweede and "Persoon29" not in tweede


def test_create_form_shows_dutch_errors_per_field_and_saves_nothing(
    gemeente_a, medewerker, inloggen
):
    from openinburgering.inburgeraars.models import Inburgeraar

    client = inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_a))
    response = client.post(
        reverse("inburgeraars:aanmaken"),
        {
            "bsn": "123456789",
            "voornamen": "",
            "achternaam": "A" * 250,
            "geboortedatum": "32-13-2000",
            "doelgroep": "Asielstatushouder",
            "regime": "Wi2021",
            "vnummer": "12",
        },
    )
    assert response.status_code == 400
    inhoud = response.content.decode()
    for verwacht in (
        "11-proef",
        "Vul een geldige datum in",
        "10 cijfers",
        "Dit veld is vereist",
        "niet meer dan 200 tekens",
        "foutsamenvatting",
    ):
        assert verwacht in inhoud, verwacht
    assert 'aria-invalid="true"' in inhoud
    assert not Inburgeraar.objects.exists()


def test_create_then_edit_with_a_stale_version_shows_a_conflict(
    gemeente_a, medewerker, inloggen, inburgeraar_factory
):
    client = inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_a))
    persoon = inburgeraar_factory(gemeente_a)
    data = {
        "voornamen": "Testa",
        "achternaam": "Eerste",
        "geboortedatum": "17-05-1990",
        "doelgroep": "Asielstatushouder",
        "regime": "Wi2021",
        "versie": 1,
    }
    url = reverse("inburgeraars:wijzigen", kwargs={"uuid": persoon.uuid})
    assert client.post(url, data).status_code == 302
    response = client.post(url, {**data, "achternaam": "Tweede"})
    assert response.status_code == 400
    assert "intussen gewijzigd" in response.content.decode()
    persoon.refresh_from_db()
    assert persoon.achternaam == "Eerste"


def test_illegal_status_change_in_the_ui_is_explained(
    gemeente_a, medewerker, inloggen, inburgeraar_factory
):
    client = inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_a))
    persoon = inburgeraar_factory(gemeente_a)
    url = reverse("inburgeraars:status_wijzigen", kwargs={"uuid": persoon.uuid})
    response = client.post(url, {"status": "afgerond", "versie": 1}, follow=True)
    assert "Kies bij afronden een reden" in response.content.decode()
    response = client.post(url, {"status": "in_uitvoering", "versie": 1}, follow=True)
    assert "Selecteer een geldige keuze" in response.content.decode()


def test_english_is_selectable(gemeente_a, medewerker, inloggen):
    client = inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_a))
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert 'lang="en"' in client.get(reverse("inburgeraars:lijst")).content.decode()


def test_rules_catalogue_page_is_generated_from_regels(client, db):
    from openinburgering.regels import catalogus

    inhoud = client.get(reverse("ui:regels")).content.decode()
    for regel in catalogus.alle_regels():
        assert f'id="{regel.id}"' in inhoud


def test_role_matrix_page_and_docs_are_generated_from_the_table(gemeente_a, medewerker, inloggen):
    from pathlib import Path

    from openinburgering.accounts.rollen import matrix_als_markdown

    client = inloggen(medewerker(Rol.BELEIDSMEDEWERKER, gemeente_a))
    assert "Beleidsmedewerker" in client.get(reverse("ui:rollen")).content.decode()
    docs = Path(__file__).resolve().parents[4] / "docs" / "rollen.md"
    assert docs.read_text() == matrix_als_markdown(), (
        "docs/rollen.md is stale: run `make rollen-docs`"
    )


def test_dutch_first_whatever_the_browser_says(gemeente_a, medewerker, inloggen):
    client = inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_a))
    response = client.get(reverse("inburgeraars:lijst"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert 'lang="nl"' in response.content.decode()
    assert response["Content-Language"] == "nl"
