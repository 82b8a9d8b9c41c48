"""Make the small fonts of the portal (ADR 0089): the language names, and the web's Ethiopic.

The switch names every language in its own script on every portal page. With the full Noto
fonts, a Dutch page would download Arabic and Ethiopic (about 125 KB) just for "العربية" and
"ትግርኛ". These subsets of the shipped fonts hold only the letters of those names (with the
shaping rules for them), a few KB each. Run again after changing a name in ``core/talen.py``;
``talen/tests/test_lettertypen.py`` fails while a name has a letter the subset lacks.

The Turkish letters of Latin Extended (Ğ ğ İ Ş ş) get files of their own, so a Turkish page
does not load Latin Extended whole. The web's Ethiopic is the Ethiopic block only (U+1200-137C:
every syllable and punctuation mark Tigrinya uses), 45 KB instead of 75 KB, so a Tigrinya page
stays under the weight budget; the extended Ethiopic blocks (other Ge'ez-script languages) stay
in the letters' full font.
"""

from pathlib import Path

from django.core.management.base import BaseCommand

from openinburgering.core.talen import PORTAALTALEN

FONTS = Path(__file__).resolve().parents[3] / "ui" / "static" / "fonts"

#: (output file, source file, scripts whose names it holds)
SUBSETS = (
    ("oi-taalnamen-arabisch.woff2", "noto-sans-arabic-arabic-400-normal.woff2", "Arab"),
    ("oi-taalnamen-ethiopisch.woff2", "noto-sans-ethiopic-ethiopic-400-normal.woff2", "Ethi"),
)


def tekens(schrift: str) -> str:
    return "".join(sorted({c for t in PORTAALTALEN if t.schrift == schrift for c in t.eigen_naam}))


#: (output file, source file, code points)
TURKS = (0x011E, 0x011F, 0x0130, 0x015E, 0x015F)  # Ğ ğ İ Ş ş: all Turkish needs of Latin Ext
BLOKKEN = (
    (
        "noto-sans-ethiopic-tigrinya-400-normal.woff2",
        "noto-sans-ethiopic-ethiopic-400-normal.woff2",
        range(0x1200, 0x137D),
    ),
    # Turkish would otherwise load Latin Extended whole (55-65 KB per file) for five letters.
    ("noto-sans-turks-400-normal.woff2", "noto-sans-latin-ext-400-normal.woff2", TURKS),
    ("noto-sans-turks-700-normal.woff2", "noto-sans-latin-ext-700-normal.woff2", TURKS),
    ("noto-serif-turks-700-normal.woff2", "noto-serif-latin-ext-700-normal.woff2", TURKS),
)


def maak(doel: Path, bron: Path, tekst: str = "", unicodes=()) -> None:
    from fontTools import subset

    opties = subset.Options()
    opties.flavor = "woff2"
    opties.layout_features = ["*"]
    opties.name_IDs = ["*"]  # the copyright and licence notices stay in the file (OFL)
    opties.notdef_outline = True
    font = subset.load_font(str(bron), opties)
    subsetter = subset.Subsetter(opties)
    subsetter.populate(text=tekst, unicodes=list(unicodes))
    subsetter.subset(font)
    subset.save_font(font, str(doel), opties)


class Command(BaseCommand):
    help = "Maak de kleine lettertypen voor de taalnamen in de taalkeuze van het portaal."

    def handle(self, *args, **options):
        for doel, bron, schrift in SUBSETS:
            maak(FONTS / doel, FONTS / bron, tekens(schrift))
            self.stdout.write(f"{doel}: {(FONTS / doel).stat().st_size} bytes")
        for doel, bron, bereik in BLOKKEN:
            maak(FONTS / doel, FONTS / bron, unicodes=bereik)
            self.stdout.write(f"{doel}: {(FONTS / doel).stat().st_size} bytes")
