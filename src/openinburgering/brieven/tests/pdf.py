"""Helpers to read letters back: the text with pypdf, the fonts the PDF embeds, and the glyphs
the shipped font files hold."""

import functools
import io
import re
import unicodedata
from pathlib import Path
from urllib.parse import unquote

from fontTools.ttLib import TTFont
from pypdf import PdfReader

from openinburgering.brieven import lettertypen


def tekst(inhoud: bytes) -> str:
    """The PDF's text, NFKC-normalised (Arabic presentation forms back to letters), one line."""
    ruw = " ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(inhoud)).pages)
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", ruw))


def ingebedde_fonts(inhoud: bytes) -> set[str]:
    """PostScript names of the fonts in the PDF, without the subset prefix (ABCDEF+)."""
    namen = set()
    for pagina in PdfReader(io.BytesIO(inhoud)).pages:
        for font in ((pagina.get("/Resources") or {}).get("/Font") or {}).values():
            naam = str(font.get_object().get("/BaseFont", ""))
            namen.add(naam.lstrip("/").split("+", 1)[-1])
    return namen


def css_fontbestanden() -> list[Path]:
    """The files the letter's @font-face rules name (the unpacked copies, normally)."""
    urls = re.findall(r'url\("file://([^"]+)"\)', lettertypen.font_face_css())
    return [Path(unquote(u)) for u in urls]


@functools.cache
def _fonts():
    return [TTFont(pad) for pad in css_fontbestanden()]


def geleverde_fontnamen() -> frozenset[str]:
    return lettertypen.pdf_fontnamen()


@functools.cache
def _glyphs() -> frozenset[int]:
    return frozenset(c for f in _fonts() for c in f.getBestCmap())


def ontbrekende_glyphs(tekst: str) -> set[str]:
    """Characters of ``tekst`` that no font the letter CSS names can draw (layout controls and
    spaces are not drawn, so they do not count)."""
    return {
        teken
        for teken in tekst
        if not teken.isspace()
        and unicodedata.category(teken) not in ("Cf", "Cc")
        and ord(teken) not in _glyphs()
    }
