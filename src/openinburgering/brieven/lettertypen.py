"""The fonts of every letter: Noto (SIL OFL 1.1, ``ui/static/fonts/LICENSE-OFL.txt``), shipped
with the project.

Each file gets a family name of its own that no system font has, so WeasyPrint (Pango) takes
the glyphs from these files only; a character none of them has would fall back to a system font,
which the tests catch (``brieven/tests/test_lettertypen.py``).
"""

import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

MAP = Path(__file__).resolve().parent.parent / "ui" / "static" / "fonts"


@dataclass(frozen=True)
class Lettertype:
    familie: str
    gewicht: int
    bestand: str

    @property
    def pad(self) -> Path:
        return MAP / self.bestand


_FAMILIES = {
    # family: file name stem (fontsource subsets); order is the fallback order in running text.
    "OI Brief Latin": "noto-sans-latin",
    "OI Brief Latin Ext": "noto-sans-latin-ext",
    "OI Brief Cyrillic": "noto-sans-cyrillic",
    "OI Brief Arabic": "noto-sans-arabic-arabic",
    "OI Brief Ethiopic": "noto-sans-ethiopic-ethiopic",
}

LETTERTYPEN = tuple(
    Lettertype(familie, gewicht, f"{stam}-{gewicht}-normal.woff2")
    for familie, stam in _FAMILIES.items()
    for gewicht in (400, 700)
)

#: ``font-family`` for Latin-script text (Dutch, English, Turkish, Somali) and everything else.
STANDAARD = ", ".join(f'"{f}"' for f in _FAMILIES)

#: Right-to-left text starts with the Arabic font, so its punctuation (، ؟) and digits shape
#: with the letters around them.
ARABISCH = ", ".join(f'"{f}"' for f in ["OI Brief Arabic", *_FAMILIES])

ETHIOPISCH = ", ".join(f'"{f}"' for f in ["OI Brief Ethiopic", *_FAMILIES])


def _ttf(lt: Lettertype) -> Path:
    """The font as plain TrueType, unpacked once per machine.

    WeasyPrint unpacks a WOFF2 file on every letter (about a second per file); the repository
    keeps the small WOFF2 files and letters read the unpacked copy. The name holds the hash of
    the source, so a changed font never meets a stale copy.
    """
    inhoud = lt.pad.read_bytes()
    sleutel = hashlib.sha256(inhoud).hexdigest()[:16]
    doel = Path(tempfile.gettempdir()) / "openinburgering-lettertypen" / f"{sleutel}.ttf"
    if not doel.exists():
        from fontTools.ttLib import TTFont

        doel.parent.mkdir(parents=True, exist_ok=True)
        font = TTFont(lt.pad)
        font.flavor = None
        tijdelijk = doel.with_suffix(f".{os.getpid()}.tmp")
        font.save(tijdelijk)
        tijdelijk.replace(doel)
    return doel


def _bron(lt: Lettertype) -> str:
    try:
        return f'url("{_ttf(lt).as_uri()}") format("truetype")'
    except OSError:
        # No writable temp folder: slower, but the same glyphs from the shipped file.
        return f'url("{lt.pad.as_uri()}") format("woff2")'


def font_face_css() -> str:
    return "\n".join(
        f'@font-face {{ font-family: "{lt.familie}"; font-weight: {lt.gewicht}; '
        f"font-style: normal; src: {_bron(lt)}; }}"
        for lt in LETTERTYPEN
    )


def pdf_fontnamen() -> frozenset[str]:
    """How WeasyPrint names the shipped fonts in a PDF (after the subset prefix)."""
    return frozenset(
        lt.familie.replace(" ", "-") + ("-Bold" if lt.gewicht == 700 else "") for lt in LETTERTYPEN
    )
