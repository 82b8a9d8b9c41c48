"""A message or document to the klantregisseur: it lands on the worklist and on the dossier;
bad input gets a clear message and changes nothing (no row, no file)."""

from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest

from openinburgering.accounts.rollen import Rol
from openinburgering.inburgeraars.tests.factories import maak_inburgeraar
from openinburgering.portaal.forms import BIJLAGE_MAX_BYTES
from openinburgering.portaal.models import Bericht, BerichtStatus
from openinburgering.signalen.models import Signaal, SignaalStatus, Soort

from .wereld import als_inburgeraar

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture
def opslag(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def persoon(gemeente_a):
    return maak_inburgeraar(gemeente_a, voornamen="Amal", achternaam="Proefberg")


def _bestanden(map_: Path) -> list[Path]:
    return [p for p in map_.rglob("*") if p.is_file()]


def test_a_message_with_a_doctors_note_lands_on_the_worklist_and_the_dossier(
    persoon, client, opslag, django_capture_on_commit_callbacks, medewerker, inloggen, gemeente_a
):
    als_inburgeraar(client, persoon)
    assert client.get(reverse("portaal:bericht")).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = client.post(
            reverse("portaal:bericht"),
            {
                "onderwerp": "Ziek",
                "tekst": "Ik was ziek op maandag.",
                "bijlage": SimpleUploadedFile("briefje.pdf", PDF, "application/pdf"),
            },
        )
    assert antwoord.status_code == 302
    bericht = Bericht.objects.get()
    assert bericht.bijlage_soort == "application/pdf"
    assert (opslag / bericht.bijlage_pad).read_bytes() == PDF
    signaal = Signaal.objects.get(soort=Soort.PORTAAL, status=SignaalStatus.OPEN)
    assert signaal.object_uuid == bericht.uuid and signaal.deadline is not None
    # The klantregisseur sees it on the dossier, downloads the note and closes the item.
    regisseur = inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_a))
    dossier = regisseur.get(reverse("inburgeraars:detail", kwargs={"uuid": persoon.uuid}))
    inhoud = dossier.content.decode()
    assert "Ik was ziek op maandag." in inhoud
    assert "Bericht sturen" in inhoud  # what the newcomer saw, from the processing log
    download = regisseur.get(reverse("portaal:bijlage", kwargs={"uuid": bericht.uuid}))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    with django_capture_on_commit_callbacks(execute=True):
        regisseur.post(reverse("portaal:afhandelen", kwargs={"uuid": bericht.uuid}))
    bericht.refresh_from_db()
    assert bericht.status == BerichtStatus.AFGEHANDELD
    assert not Signaal.objects.filter(soort=Soort.PORTAAL, status=SignaalStatus.OPEN).exists()


def test_a_message_with_markup_is_stored_and_shown_as_text(
    persoon, client, opslag, medewerker, inloggen, gemeente_a
):
    als_inburgeraar(client, persoon)
    tekst = '<script>alert("x")</script><b>vet</b>'
    client.post(reverse("portaal:bericht"), {"onderwerp": "<i>Hallo</i>", "tekst": tekst})
    assert Bericht.objects.get().tekst == tekst
    for pagina in (
        client.get(reverse("portaal:bericht")),
        inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_a)).get(
            reverse("inburgeraars:detail", kwargs={"uuid": persoon.uuid})
        ),
    ):
        inhoud = pagina.content.decode()
        assert "<script>alert" not in inhoud and "<b>vet</b>" not in inhoud
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in inhoud


@pytest.mark.parametrize(
    ("naam", "inhoud", "fout"),
    [
        ("groot.pdf", b"%PDF-" + b"0" * BIJLAGE_MAX_BYTES, "te groot"),
        ("virus.pdf", b"MZ\x90\x00 not a pdf at all", "Dit soort bestand kan niet"),
        ("foto.png", b"GIF89a....", "Dit soort bestand kan niet"),
        ("leeg.pdf", b"", "Dit soort bestand kan niet"),
    ],
)
def test_a_bad_upload_gets_a_clear_message_and_changes_nothing(
    persoon, client, opslag, naam, inhoud, fout
):
    als_inburgeraar(client, persoon)
    antwoord = client.post(
        reverse("portaal:bericht"),
        {"onderwerp": "Ziek", "tekst": "Zie bijlage", "bijlage": SimpleUploadedFile(naam, inhoud)},
    )
    assert antwoord.status_code == 400
    tekst = antwoord.content.decode()
    assert fout in tekst or "leeg" in tekst  # Django's own message for an empty file
    assert not Bericht.objects.exists()
    assert not Signaal.objects.filter(soort=Soort.PORTAAL).exists()
    assert _bestanden(opslag) == []


def test_a_png_with_a_pdf_name_is_taken_as_what_it_is(persoon, client, opslag):
    als_inburgeraar(client, persoon)
    client.post(
        reverse("portaal:bericht"),
        {"onderwerp": "Foto", "tekst": "x", "bijlage": SimpleUploadedFile("scan.pdf", PNG)},
    )
    bericht = Bericht.objects.get()
    assert bericht.bijlage_soort == "image/png" and bericht.bijlage_naam == "scan.png"


def test_an_empty_message_is_refused_with_a_clear_message(persoon, client, opslag):
    als_inburgeraar(client, persoon)
    antwoord = client.post(reverse("portaal:bericht"), {"onderwerp": " ", "tekst": ""})
    assert antwoord.status_code == 400
    assert "Schrijf uw bericht." in antwoord.content.decode()
    assert not Bericht.objects.exists()


def test_an_expired_session_sends_nothing(persoon, client, opslag, settings):
    from datetime import timedelta

    from django.utils import timezone

    from openinburgering.portaal import sessie

    als_inburgeraar(client, persoon)
    s = client.session
    oud = (timezone.now() - timedelta(seconds=settings.SESSION_COOKIE_AGE + 1)).isoformat()
    s[sessie.SLEUTEL] = {**s[sessie.SLEUTEL], "laatst": oud}
    s.save()
    antwoord = client.post(
        reverse("portaal:bericht"),
        {"onderwerp": "Ziek", "tekst": "x", "bijlage": SimpleUploadedFile("a.pdf", PDF)},
    )
    assert antwoord.status_code == 403
    assert "Er is niets veranderd." in antwoord.content.decode()
    assert not Bericht.objects.exists()
    assert _bestanden(opslag) == []


def test_another_gemeentes_message_is_a_404_for_staff(
    persoon, client, opslag, medewerker, inloggen, gemeente_b
):
    als_inburgeraar(client, persoon)
    client.post(
        reverse("portaal:bericht"),
        {"onderwerp": "x", "tekst": "y", "bijlage": SimpleUploadedFile("a.pdf", PDF)},
    )
    bericht = Bericht.objects.get()
    ander = inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_b))
    assert ander.get(reverse("portaal:bijlage", kwargs={"uuid": bericht.uuid})).status_code == 404
    antwoord = ander.post(reverse("portaal:afhandelen", kwargs={"uuid": bericht.uuid}))
    assert antwoord.status_code == 404
    bericht.refresh_from_db()
    assert bericht.status == BerichtStatus.NIEUW


def test_the_document_goes_when_the_dossier_is_destroyed(persoon, client, opslag):
    from openinburgering.inburgeraars.bewaren import Opruiming, TeVernietigen
    from openinburgering.portaal.bewaren import opruimen

    als_inburgeraar(client, persoon)
    client.post(
        reverse("portaal:bericht"),
        {"onderwerp": "x", "tekst": "y", "bijlage": SimpleUploadedFile("a.pdf", PDF)},
    )
    opruiming = Opruiming()
    opruimen(
        TeVernietigen(
            dossier_id=persoon.dossier.pk,
            dossier_uuid=persoon.dossier.uuid,
            inburgeraar_id=persoon.pk,
            gemeente_id=persoon.gemeente_id,
            bsn_hash=persoon.bsn_hash,
            pseudoniem=persoon.pseudoniem,
        ),
        opruiming,
    )
    assert opruiming.bestanden == [Bericht.objects.get().bijlage_pad]
