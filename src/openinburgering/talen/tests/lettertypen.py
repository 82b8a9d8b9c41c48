"""The glyph check of portal pages (ADR 0089): every visible character has a glyph in the font
the page's CSS makes the browser use for it, read from the shipped woff2 files with fontTools.

How the browser picks a font, as far as the portal's CSS uses it:

- the element's ``font-family`` stack comes from ``ui/static/talen/talen.css``: the first rule
  ``.class`` or ``.class:lang(xx)`` matching the element or, going up, an ancestor (the
  ``:lang()`` of that ancestor counts, as in CSS);
- for each family in the stack, the ``@font-face`` rules of ``ui/static/fonts/fonts.css`` with
  that name and weight (any weight if the family has none of that weight: the browser then
  synthesises bold) whose ``unicode-range`` holds the character are tried, the last defined
  first; the first whose file maps the character draws it;
- a generic family (``sans-serif``) means a system font: not shipped, so a missing glyph.

Both weights are checked (400 for text, 700 for headings and buttons), and every stack a rule
sets (text, headings, form controls).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from fontTools.ttLib import TTFont

STATIC = Path(__file__).resolve().parents[2] / "ui" / "static"
FONTS_CSS = STATIC / "fonts" / "fonts.css"
TALEN_CSS = STATIC / "talen" / "talen.css"
GENERIEK = {"serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui"}
STAPEL_EIGENSCHAPPEN = (
    "font-family",
    "--basis-text-font-family-default",
    "--basis-heading-font-family",
    "--basis-form-control-font-family",
)


@dataclass(frozen=True)
class Face:
    familie: str
    gewicht: int
    bestand: Path
    bereik: tuple[tuple[int, int], ...] | None

    def in_bereik(self, code: int) -> bool:
        return self.bereik is None or any(lo <= code <= hi for lo, hi in self.bereik)


def _bereik(tekst: str) -> tuple[tuple[int, int], ...]:
    delen = []
    for deel in tekst.split(","):
        deel = deel.strip().upper().removeprefix("U+")
        lo, _streep, hi = deel.partition("-")
        delen.append((int(lo, 16), int(hi or lo, 16)))
    return tuple(delen)


def _families(waarde: str) -> tuple[str, ...]:
    return tuple(f.strip().strip("\"'") for f in waarde.split(",") if f.strip())


@functools.cache
def faces() -> tuple[Face, ...]:
    css = re.sub(r"/\*.*?\*/", "", FONTS_CSS.read_text(encoding="utf-8"), flags=re.S)
    gevonden = []
    for blok in re.findall(r"@font-face\s*{([^}]*)}", css):
        velden = dict(
            (k.strip().lower(), v.strip())
            for k, _dp, v in (d.partition(":") for d in blok.split(";") if ":" in d)
        )
        url = re.search(r'url\("?([^")]+)"?\)', velden["src"])
        assert url, blok
        gevonden.append(
            Face(
                familie=_families(velden["font-family"])[0],
                gewicht=int(velden.get("font-weight", "400")),
                bestand=FONTS_CSS.parent / url[1],
                bereik=_bereik(velden["unicode-range"]) if "unicode-range" in velden else None,
            )
        )
    return tuple(gevonden)


@functools.cache
def regels() -> dict[tuple[str, str | None], tuple[tuple[str, ...], ...]]:
    """(class, lang or None) -> the font stacks its rule sets."""
    css = re.sub(r"/\*.*?\*/", "", TALEN_CSS.read_text(encoding="utf-8"), flags=re.S)
    uitkomst: dict[tuple[str, str | None], list[tuple[str, ...]]] = {}
    for selectoren, inhoud in re.findall(r"([^{}]+){([^}]*)}", css):
        stapels = []
        for declaratie in inhoud.split(";"):
            naam, _dp, waarde = declaratie.partition(":")
            if naam.strip() in STAPEL_EIGENSCHAPPEN:
                stapels.append(_families(waarde))
        if not stapels:
            continue
        for selector in selectoren.split(","):
            m = re.fullmatch(r"\s*\.([\w-]+)(?::lang\(([\w-]+)\))?\s*", selector)
            assert m, f"talen.css: a font rule this check cannot read: {selector!r}"
            uitkomst.setdefault((m[1], m[2]), []).extend(stapels)
    return {k: tuple(v) for k, v in uitkomst.items()}


@functools.cache
def _cmap(bestand: Path) -> frozenset[int]:
    return frozenset(TTFont(bestand).getBestCmap())


def lettertype_voor(teken: str, stapel: tuple[str, ...], gewicht: int) -> Face | None:
    """The face the browser draws ``teken`` with, or ``None`` (a system font or nothing)."""
    code = ord(teken)
    for familie in stapel:
        if familie in GENERIEK:
            return None
        van_familie = [f for f in faces() if f.familie == familie]
        kandidaten = [f for f in van_familie if f.gewicht == gewicht] or van_familie
        # Where ranges overlap, the face defined last is tried first (CSS Fonts 4, 4.5).
        for face in reversed(kandidaten):
            if face.in_bereik(code) and code in _cmap(face.bestand):
                return face
    return None


@dataclass(frozen=True)
class Stuk:
    tekst: str
    #: Per element from the innermost out: (classes, language).
    keten: tuple[tuple[frozenset[str], str], ...]


class _Lezer(HTMLParser):
    ONZICHTBAAR = {"script", "style", "head", "template", "svg", "noscript", "title"}
    LEEG = {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr",
    }  # fmt: skip
    KNOPWAARDE = {"submit", "button", "reset"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.keten: list[tuple[str, frozenset[str], str]] = []
        self.stukken: list[Stuk] = []
        self.verborgen = 0

    def _huidige_taal(self) -> str:
        return self.keten[-1][2] if self.keten else ""

    def _stuk(self, tekst: str, keten) -> None:
        if tekst.strip() and not self.verborgen:
            self.stukken.append(Stuk(tekst, tuple((k, t) for _tag, k, t in reversed(keten))))

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        taal = (a.get("lang") or self._huidige_taal()).lower()
        element = (tag, frozenset((a.get("class") or "").split()), taal)
        keten = [*self.keten, element]
        for naam in ("alt", "placeholder"):
            if a.get(naam):
                self._stuk(a[naam], keten)
        if tag == "input" and (a.get("type") or "").lower() in self.KNOPWAARDE and a.get("value"):
            self._stuk(a["value"], keten)
        if tag in self.LEEG:
            return
        self.keten.append(element)
        if tag in self.ONZICHTBAAR:
            self.verborgen += 1

    def handle_endtag(self, tag):
        for i in range(len(self.keten) - 1, -1, -1):
            if self.keten[i][0] == tag:
                for weg in self.keten[i:]:
                    if weg[0] in self.ONZICHTBAAR:
                        self.verborgen -= 1
                del self.keten[i:]
                return

    def handle_data(self, data):
        self._stuk(data, self.keten)


def zichtbare_stukken(html: str) -> list[Stuk]:
    lezer = _Lezer()
    lezer.feed(html)
    lezer.close()
    return lezer.stukken


def _stapels(keten) -> tuple[tuple[str, ...], ...]:
    alle = regels()
    for klassen, taal in keten:
        for klasse in sorted(klassen):
            for sleutel in ((klasse, taal), (klasse, taal.split("-")[0]), (klasse, None)):
                if sleutel in alle:
                    return alle[sleutel]
    return ()


def getekend(teken: str) -> bool:
    """Spaces and layout controls (ZWNJ, bidi marks) take no glyph of their own."""
    return not teken.isspace() and unicodedata.category(teken) not in ("Cc", "Cf", "Zs")


def ontbrekende_glyphs(html: str) -> list[str]:
    """One line per visible character without a glyph in its font: empty is good."""
    fouten = set()
    for stuk in zichtbare_stukken(html):
        stapels = _stapels(stuk.keten)
        if not stapels:
            fouten.add(f"no font rule of talen.css applies to {stuk.tekst.strip()[:40]!r}")
            continue
        for teken in set(stuk.tekst):
            if not getekend(teken):
                continue
            for stapel in stapels:
                for gewicht in (400, 700):
                    if lettertype_voor(teken, stapel, gewicht) is None:
                        fouten.add(
                            f"U+{ord(teken):04X} {teken!r} ({unicodedata.name(teken, '?')}) "
                            f"weight {gewicht}, lang {stuk.keten[0][1]!r}: no shipped font in "
                            f"{', '.join(stapel)}"
                        )
    return sorted(fouten)
