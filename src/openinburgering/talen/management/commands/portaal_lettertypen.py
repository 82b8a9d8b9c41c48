"""Make the two tiny fonts the language switch names the languages in (ADR 0089).

The switch names every language in its own script on every portal page. With the full Noto
fonts, a Dutch page would download Arabic and Ethiopic (about 125 KB) just for "العربية" and
"ትግርኛ". These subsets of the shipped fonts hold only the letters of those names (with the
shaping rules for them), a few KB each. Run again after changing a name in ``core/talen.py``;
``talen/tests/test_lettertypen.py`` fails while a name has a letter the subset lacks.
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


def maak(doel: Path, bron: Path, tekst: str) -> None:
    from fontTools import subset

    opties = subset.Options()
    opties.flavor = "woff2"
    opties.layout_features = ["*"]
    opties.name_IDs = ["*"]  # the copyright and licence notices stay in the file (OFL)
    opties.notdef_outline = True
    font = subset.load_font(str(bron), opties)
    subsetter = subset.Subsetter(opties)
    subsetter.populate(text=tekst)
    subsetter.subset(font)
    subset.save_font(font, str(doel), opties)


class Command(BaseCommand):
    help = "Maak de kleine lettertypen voor de taalnamen in de taalkeuze van het portaal."

    def handle(self, *args, **options):
        for doel, bron, schrift in SUBSETS:
            maak(FONTS / doel, FONTS / bron, tekens(schrift))
            self.stdout.write(f"{doel}: {(FONTS / doel).stat().st_size} bytes")
