"""Every letter, read back from the real PDF: recipient, gemeente (logo, contact block), kenmerk,
the text that fits the route, and the summary in the person's language or the note in Dutch and
English that there is none; with real glyphs from the shipped fonts only."""

import io
import re
import unicodedata
from datetime import date

from django.utils.html import strip_tags

import pytest
from PIL import Image
from pypdf import PdfReader

from openinburgering import brieven
from openinburgering.brieven import lettertypen, samenvattingen, teksten
from openinburgering.core.exceptions import Geweigerd
from openinburgering.gemeenten.models import Gemeente
from openinburgering.inburgeraars.models import Inburgeraar
from openinburgering.pip.models import PipVersie
from openinburgering.pip.services import beschikkingsbrief
from openinburgering.pip.tests.helpers import GELDIG_PIP
from openinburgering.regels import termijnen
from openinburgering.regels.codes import Leerroute
from openinburgering.regels.leerroutes import ROUTES

from . import pdf

DAGTEKENING = date(2026, 3, 2)
KENMERK = "0363-2026-000123"
#: One person per summary: what they typed in ``talen``, and the text the letter must hold.
TALEN = {
    "en": ("Engels", "Summary in English"),
    "ar": ("Arabisch", "ملخص باللغة العربية"),
    "fa": ("Farsi", "خلاصه به زبان فارسی"),
    "prs": ("Dari, Engels", "خلاصه به زبان فارسی"),
    "tr": ("Turks", "Türkçe özet"),
    "so": ("Somalisch", "Soo koobid af-Soomaali ah"),
    "ti": ("Tigrinya", "ብትግርኛ ሓጺር መግለጺ"),
    "uk": ("Oekraïens", "Короткий зміст українською мовою"),
    "geen": ("Tamazight", None),
}
ROUTES_PIP = {
    "B": {**GELDIG_PIP},
    "O": {**GELDIG_PIP, "leerroute": "O", "map_inhoud": "", "map_intensiteit": ""},
    "Z": {**GELDIG_PIP, "leerroute": "Z", "niveau": "", "motivering_leerroute": "Zelfredzaam."},
}


def logo_png() -> bytes:
    uit = io.BytesIO()
    Image.new("RGB", (240, 80), (0, 90, 160)).save(uit, format="PNG")
    return uit.getvalue()


def gemeente(**velden) -> Gemeente:
    return Gemeente(
        code="0363",
        naam="Amsterdam-Proef",
        oin="00000001234567890363",
        adres="Stadhuisplein 1, 9001 AA Demodam",
        telefoonnummer="14 020",
        email="inburgering@proef.example",
        logo=logo_png(),
        **velden,
    )


def persoon(talen: str, **velden) -> Inburgeraar:
    return Inburgeraar(
        voornamen="Samira",
        voorvoegsel="el",
        achternaam="Proefnaam",
        geboortedatum=date(1994, 4, 4),
        talen=talen,
        straat_huisnummer="Kastanjelaan 12 A",
        postcode="9912 AB",
        woonplaats="Demodam",
        **velden,
    )


def beschikking_args(route: str, talen: str, *, bij=None, **persoonsvelden) -> dict:
    """What ``pip_vaststellen`` hands the one letter renderer (``brieven.persoonsbrief``)."""
    pip = PipVersie(volgnummer=1, dagtekening=DAGTEKENING, **ROUTES_PIP[route])
    termijn = termijnen.inburgeringstermijn([DAGTEKENING])
    bezwaar = termijnen.bezwaartermijn(DAGTEKENING)
    bij = bij or gemeente()
    return {
        **beschikkingsbrief(pip, termijn=termijn),
        "gemeente": bij,
        "ontvanger": brieven.ontvanger(persoon(talen, **persoonsvelden)),
        "kenmerk": KENMERK,
        "datum": DAGTEKENING,
        "samenvatting": samenvattingen.samenvatting_pip(
            samenvattingen.samenvattingstaal(talen),
            leerroute=pip.leerroute,
            einde=termijn.laatste_dag,
            bezwaar=bezwaar.laatste_dag,
        ),
        "bezwaar": brieven.bezwaarclausule(gemeente=bij, bezwaartermijn=bezwaar),
    }


def beschikking(route: str, talen: str) -> bytes:
    return brieven.render_pdf(**beschikking_args(route, talen))


def _zinnen(code: str, route: str) -> list[str]:
    s = samenvattingen.samenvatting_pip(
        code, leerroute=route, einde=date(2029, 3, 2), bezwaar=date(2026, 4, 13)
    )
    return [s["kop"], *(strip_tags(z) for z in s["zinnen"])]


def _arabisch_schrift(tekst: str) -> set[str]:
    return set(re.findall(r"[\u0600-\u06ff\u200c]+", unicodedata.normalize("NFKC", tekst)))


def _deel_gevonden(tekst: str, code: str, route: str) -> float:
    """Share of a right-to-left summary's words that pypdf reads back.

    Noto Sans Arabic draws letters that differ only in their dots from one base glyph, so
    pypdf reads some letters back as their look-alikes (خ as غ); whole words still come back
    often enough to tell Arabic from Persian without doubt (about 0.4 against 0.0).
    """
    verwacht = _arabisch_schrift(" ".join(_zinnen(code, route)))
    return len(verwacht & _arabisch_schrift(tekst)) / len(verwacht)


@pytest.fixture(scope="module")
def pdfs():
    """Each route × each summary language once: every combination is a real PDF."""
    return {(r, t): beschikking(r, TALEN[t][0]) for r in ROUTES_PIP for t in TALEN}


@pytest.mark.parametrize("taal", list(TALEN))
@pytest.mark.parametrize("route", list(ROUTES_PIP))
def test_pip_beschikking_holds_what_a_gemeente_must_send(pdfs, route, taal):
    inhoud = pdfs[(route, taal)]
    tekst = pdf.tekst(inhoud)
    # Recipient, as the dossier holds them.
    assert "Samira el Proefnaam" in tekst
    assert "Kastanjelaan 12 A" in tekst and "9912 AB DEMODAM" in tekst
    # Sender, contact block, kenmerk.
    assert "Gemeente Amsterdam-Proef" in tekst
    assert "Telefoon: 14 020" in tekst and "E-mail: inburgering@proef.example" in tekst
    assert "Adres: Stadhuisplein 1, 9001 AA Demodam" in tekst
    assert f"Kenmerk {KENMERK}" in tekst
    # The bezwaar clause (R23): until when, and where (the visiting address, no bezwaar address).
    assert "Bent u het niet eens met dit besluit?" in tekst
    assert "Dat kan tot en met 13 april 2026" in tekst
    assert "van Amsterdam-Proef, Stadhuisplein 1, 9001 AA Demodam" in tekst
    # The route, in words that fit it: no exams in the Z-route (R59).
    dutch = tekst.split("Met vriendelijke groet")[0]
    route_naam = teksten.ROUTETEKSTEN[Leerroute(route)].naam
    assert f"U volgt de {route_naam}" in dutch
    if ROUTES[Leerroute(route)].examen_verplicht:
        assert "examen" in dutch.lower()
    else:
        assert not re.search(r"examen|\bexams?\b", tekst, re.IGNORECASE)
        assert "1600 uur" in dutch and "800 uur Nederlands" in dutch
    # The summary in the person's language, or the Dutch and English note; never another one.
    talen, kop = TALEN[taal]
    code = samenvattingen.samenvattingstaal(talen)
    if kop is None:
        assert "Wij hebben (nog) geen samenvatting van deze brief in uw taal" in tekst
        assert "We do not have a summary of this letter in your language" in tekst
    else:
        assert "geen samenvatting van deze brief" not in tekst
    rtl = {"ar", "fa"}
    if code in rtl | {"prs"}:
        assert _deel_gevonden(tekst, code, route) >= 0.3
        assert "02-03-2029" in tekst and "13-04-2026" in tekst  # dates in reading order
    elif kop:
        # A line break after a hyphen reads back as "- ".
        for zin in _zinnen(code, route):
            assert zin in tekst.replace("- ", "-"), zin
    # Never a summary in another language than the person's.
    for ander in set(samenvattingen.SAMENVATTINGEN) - {samenvattingen.SAMENVATTING_VOOR.get(code)}:
        if ander in rtl:
            assert _deel_gevonden(tekst, ander, route) < 0.1, ander
        else:
            assert samenvattingen.SAMENVATTINGEN[ander].kop not in tekst, ander
    # Real glyphs: only the shipped fonts are embedded (no system fallback).
    assert pdf.ingebedde_fonts(inhoud) <= pdf.geleverde_fontnamen()


@pytest.mark.parametrize("taal", list(TALEN))
@pytest.mark.parametrize("route", list(ROUTES_PIP))
def test_every_character_of_the_letter_is_in_the_shipped_fonts(route, taal):
    """The whole letter as WeasyPrint gets it, also a name in Latin Extended; a character no
    shipped font has would come from a system font (or show as a box)."""
    args = beschikking_args(route, TALEN[taal][0])
    args["ontvanger"]["naam"] = "Şükrü Yılmaz-Öztürk"
    html = brieven.brief_html(**args)
    tekst = strip_tags(html.split("<body>", 1)[1])
    assert "Şükrü" in tekst
    assert not pdf.ontbrekende_glyphs(tekst)
    s = args["samenvatting"]
    if "taal" in s:
        assert f'lang="{s["taal"]}" dir="{s["richting"]}"' in html


def test_the_summaries_are_right_to_left_where_the_script_is():
    for code, s in samenvattingen.SAMENVATTINGEN.items():
        assert s.richting == ("rtl" if code in ("ar", "fa") else "ltr")


def test_a_missing_glyph_is_caught():
    """The check itself works: a CJK character is in none of the shipped fonts."""
    assert pdf.ontbrekende_glyphs("Beste 王") == {"王"}
    assert not pdf.ontbrekende_glyphs("Beste Şükrü, ğ İ ı € – ’")


def test_z_route_summaries_never_speak_of_exams():
    woorden = {
        "en": "exam", "ar": "امتحان", "fa": "امتحان", "tr": "sınav", "so": "imtixaan",
        "ti": "ፈተና", "uk": "іспит",
    }  # fmt: skip
    for code, s in samenvattingen.SAMENVATTINGEN.items():
        for route in Leerroute:
            zin = s.routeplicht[route].casefold()
            assert (woorden[code] in zin) == ROUTES[route].examen_verplicht, (code, route)


@pytest.mark.parametrize(
    ("talen", "code"),
    [
        ("Dari", "prs"),
        ("Farsi", "fa"),
        ("Perzisch (Farsi)", "fa"),
        ("Tamazight, Arabisch", "ar"),
        ("Arabisch en Engels", "ar"),
        ("en", "en"),
        ("Nederlands, Turks", "nl"),
        ("Pools", ""),
        ("", ""),
        ("Oekraïens", "uk"),
        ("TIGRINYA", "ti"),
        ("Somali", "so"),
    ],
)
def test_the_summary_language_is_the_first_language_of_the_person_we_have_one_for(talen, code):
    assert samenvattingen.samenvattingstaal(talen) == code


def test_dari_and_farsi_read_the_same_persian_text():
    dari = samenvattingen.samenvatting_brief("prs")
    farsi = samenvattingen.samenvatting_brief("fa")
    assert dari == farsi and dari["richting"] == "rtl" and dari["taal"] == "fa"


def test_a_dutch_speaker_gets_no_summary_and_no_note():
    assert (
        samenvattingen.samenvatting_pip(
            "nl", leerroute="B", einde=date(2029, 3, 2), bezwaar=date(2026, 4, 13)
        )
        is None
    )
    assert samenvattingen.samenvatting_brief("nl") is None


def test_no_letter_without_an_address():
    with pytest.raises(Geweigerd) as fout:
        brieven.ontvanger(
            Inburgeraar(voornamen="Samira", achternaam="Proefnaam", geboortedatum=date(1994, 4, 4))
        )
    assert "adres" in fout.value.message and fout.value.veld == "straat_huisnummer"


def test_the_letter_fonts_are_shipped_under_the_ofl_and_the_css_names_them():
    from fontTools.ttLib import TTFont

    assert (lettertypen.MAP / "LICENSE-OFL.txt").exists()
    bestanden = pdf.css_fontbestanden()
    assert len(bestanden) == len(lettertypen.LETTERTYPEN)
    for lt, bestand in zip(lettertypen.LETTERTYPEN, bestanden, strict=True):
        assert lt.pad.exists() and lt.pad.stat().st_size < 400_000, lt.bestand
        assert f'"{lt.familie}"' in lettertypen.font_face_css()
        # The unpacked copy the CSS names draws exactly the shipped file's characters.
        assert TTFont(bestand).getBestCmap() == TTFont(lt.pad).getBestCmap()


def test_the_logo_is_on_the_letter():
    inhoud = beschikking("B", "Engels")
    pagina = PdfReader(io.BytesIO(inhoud)).pages[0]
    beelden = list(pagina.images)
    assert len(beelden) == 1 and beelden[0].image.size == (240, 80)


def test_the_demo_logo_is_a_png_the_logo_service_accepts():
    from openinburgering.demo.logo import demologo
    from openinburgering.gemeenten.services import _logo_png

    png = _logo_png(demologo("Demodam"))
    assert png.startswith(b"\x89PNG")
