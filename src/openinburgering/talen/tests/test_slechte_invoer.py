"""Bad input in the portal gets a clear message in the newcomer's own language, also in a
non-Latin script, and changes nothing (issue 20): an oversized or wrong-type document, a message
with markup, a subject that is too long, an expired DigiD session."""

from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import translation
from django.utils.html import escape

import pytest

from openinburgering.core.talen import COOKIE
from openinburgering.portaal.forms import BIJLAGE_MAX_BYTES
from openinburgering.portaal.models import Bericht

from .portaal import sessie_voor

pytestmark = pytest.mark.django_db


@pytest.fixture
def nieuwkomer(gemeente_a, inburgeraar_factory, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    return inburgeraar_factory(gemeente_a, voornamen="Hawa", achternaam="Proefberg")


def _client(persoon, taal, settings, *, sinds=timedelta()):
    c = Client()
    c.cookies[COOKIE] = taal
    c.cookies[settings.SESSION_COOKIE_NAME] = sessie_voor(persoon, sinds=sinds)
    return c


def _in(taal: str, msgid: str) -> str:
    with translation.override(taal):
        vertaald = translation.gettext(msgid)
    assert vertaald != msgid, f"{msgid!r} has no {taal} translation"
    return vertaald


def _bericht(**extra):
    return {"onderwerp": "Ziek", "tekst": "Ik ben ziek, hier is het briefje.", **extra}


def test_an_oversized_document_is_refused_in_arabic(nieuwkomer, settings):
    groot = SimpleUploadedFile(
        "briefje.pdf", b"%PDF-" + b"0" * BIJLAGE_MAX_BYTES, "application/pdf"
    )
    antwoord = _client(nieuwkomer, "ar", settings).post(
        "/portaal/bericht/", _bericht(bijlage=groot)
    )
    assert antwoord.status_code == 400
    html = antwoord.content.decode()
    assert 'lang="ar" dir="rtl"' in html
    assert escape(_in("ar", "Dit bestand is te groot. Het mag hooguit 5 MB zijn.")) in html
    assert not Bericht.objects.exists()
    assert not any(settings.PRIVATE_MEDIA_ROOT.rglob("*.pdf"))


def test_a_document_of_the_wrong_type_is_refused_in_tigrinya(nieuwkomer, settings):
    programma = SimpleUploadedFile("briefje.pdf", b"MZ\x90\x00" + b"\x00" * 64, "application/pdf")
    antwoord = _client(nieuwkomer, "ti", settings).post(
        "/portaal/bericht/", _bericht(bijlage=programma)
    )
    assert antwoord.status_code == 400
    melding = _in("ti", "Dit soort bestand kan niet. Stuur een foto (JPG of PNG) of een PDF.")
    assert escape(melding) in antwoord.content.decode()
    assert not Bericht.objects.exists()


def test_a_subject_that_is_too_long_is_refused_in_somali(nieuwkomer, settings):
    antwoord = _client(nieuwkomer, "so", settings).post(
        "/portaal/bericht/", _bericht(onderwerp="x" * 150)
    )
    assert antwoord.status_code == 400
    with translation.override("so"):
        verwacht = translation.ngettext(
            "Ensure this value has at most %(limit_value)d character (it has %(show_value)d).",
            "Ensure this value has at most %(limit_value)d characters (it has %(show_value)d).",
            100,
        ) % {"limit_value": 100, "show_value": 150}
    assert verwacht.startswith("Qor ugu badnaan")
    assert escape(verwacht) in antwoord.content.decode()
    assert not Bericht.objects.exists()


def test_an_empty_message_is_refused_in_dari_farsi(nieuwkomer, settings):
    antwoord = _client(nieuwkomer, "fa", settings).post("/portaal/bericht/", {"onderwerp": ""})
    assert antwoord.status_code == 400
    html = antwoord.content.decode()
    assert escape(_in("fa", "Schrijf waar uw bericht over gaat.")) in html
    assert escape(_in("fa", "Schrijf uw bericht.")) in html
    assert not Bericht.objects.exists()


def test_markup_in_a_message_stays_text_and_the_answer_is_in_ukrainian(nieuwkomer, settings):
    client = _client(nieuwkomer, "uk", settings)
    markup = '<script>alert("x")</script><b>Увага</b>'
    antwoord = client.post("/portaal/bericht/", _bericht(tekst=markup), follow=True)
    html = antwoord.content.decode()
    assert "<script>alert" not in html and "<b>Увага</b>" not in html
    assert escape(markup) in html
    assert (
        escape(
            _in("uk", "Uw bericht is verstuurd. Uw klantregisseur leest het en neemt contact op.")
        )
        in html
    )


def test_an_expired_session_sends_you_to_sign_in_again_in_dari_farsi(nieuwkomer, settings):
    client = _client(nieuwkomer, "fa", settings, sinds=timedelta(hours=1))
    antwoord = client.get("/portaal/afspraken/", follow=True)
    html = antwoord.content.decode()
    assert antwoord.redirect_chain[-1][0].endswith("/portaal/inloggen/")
    assert 'lang="fa" dir="rtl"' in html
    assert escape(_in("fa", "U was te lang niet actief. Log opnieuw in met DigiD.")) in html


def test_a_message_sent_on_an_expired_session_changes_nothing_and_says_so(nieuwkomer, settings):
    client = _client(nieuwkomer, "ar", settings, sinds=timedelta(hours=1))
    antwoord = client.post("/portaal/bericht/", _bericht())
    assert antwoord.status_code == 403
    assert escape(_in("ar", "U bent niet ingelogd. Er is niets veranderd.")) in (
        antwoord.content.decode()
    )
    assert not Bericht.objects.exists()
