"""Real glyphs for every script (ADR 0089): the shipped fonts draw every character of every
portal text in every language, the switch's language names included; the check itself finds a
character that no shipped font has."""

from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation
from django.utils.html import escape

import pytest

from openinburgering.core.talen import CODES, PORTAALTALEN, VERTAALDE_CODES
from openinburgering.talen import bronnen, status
from openinburgering.talen.management.commands.portaal_lettertypen import FONTS, SUBSETS, tekens
from openinburgering.talen.tests import lettertypen


def _pagina(code: str, inhoud: str) -> str:
    richting = "rtl" if code in ("ar", "fa") else "ltr"
    return (
        f'<html lang="{code}" dir="{richting}"><head><title>x</title></head>'
        f'<body class="utrecht-body voorbeeld-theme">{inhoud}</body></html>'
    )


def test_every_font_the_css_names_is_shipped_with_its_licence():
    assert (FONTS / "LICENSE-OFL.txt").is_file()
    for face in lettertypen.faces():
        assert face.bestand.is_file(), face
    genoemd = {f for stapels in lettertypen.regels().values() for s in stapels for f in s}
    geleverd = {f.familie for f in lettertypen.faces()}
    assert genoemd - lettertypen.GENERIEK <= geleverd


def test_the_check_finds_a_character_no_shipped_font_has():
    fouten = lettertypen.ontbrekende_glyphs(_pagina("nl", "<p>Klaar ✓</p>"))
    assert fouten and all("U+2713" in f for f in fouten)
    # A system font is no answer: the generic family at the end of a stack does not count.
    assert lettertypen.lettertype_voor("✓", ("Noto Sans", "sans-serif"), 400) is None


def test_the_check_reads_visible_text_only():
    html = _pagina(
        "nl",
        '<script>var x = "✓";</script><style>p::after{content:"✓"}</style>'
        '<p hidden>a</p><input type="submit" value="Verstuur ✓"><img alt="foto ✓">',
    )
    teksten = [s.tekst for s in lettertypen.zichtbare_stukken(html)]
    assert "Verstuur ✓" in teksten and "foto ✓" in teksten
    assert not any("var x" in t or "content" in t for t in teksten)


def test_a_name_in_another_script_uses_that_scripts_font():
    html = _pagina("nl", '<p>Bericht: <span lang="ti">ሰላም</span> مرحبا Привіт</p>')
    assert lettertypen.ontbrekende_glyphs(html) == []


@pytest.mark.parametrize("code", CODES)
def test_every_portal_text_has_its_glyphs(code):
    """Each translation of the language (Dutch: the msgids), as a paragraph and a heading."""
    if code in VERTAALDE_CODES:
        teksten = [t for v in status.vermeldingen(code) for t in v.msgstr.values()]
    else:
        with translation.override(code):
            teksten = [translation.gettext(msgid) for _ctx, msgid in bronnen.msgids()]
    assert teksten
    inhoud = "".join(f"<h2>{escape(t)}</h2><p>{escape(t)}</p>" for t in teksten)
    assert lettertypen.ontbrekende_glyphs(_pagina(code, inhoud)) == []


@pytest.mark.parametrize("code", CODES)
def test_the_language_switch_has_its_glyphs_in_every_language(code):
    with translation.override(code):
        html = Template("{% load talen %}{% taalkeuze %}").render(
            Context({"request": RequestFactory().get("/portaal/"), "csrf_token": "t"})
        )
    assert lettertypen.ontbrekende_glyphs(_pagina(code, html)) == []


def test_the_small_name_fonts_hold_every_letter_of_the_names():
    for bestand, bron, schrift in SUBSETS:
        # What the full font draws of the names (a "/" comes from Noto Sans, as on the page).
        nodig = {ord(c) for c in tekens(schrift)} & lettertypen._cmap(FONTS / bron)
        assert len(nodig) > 3
        assert nodig <= lettertypen._cmap(FONTS / bestand), bestand
        # Small, or a Dutch page would pay for the whole script after all.
        assert (FONTS / bestand).stat().st_size < 8_000
    assert {t.schrift for t in PORTAALTALEN} == {"Latn", "Arab", "Ethi", "Cyrl"}
