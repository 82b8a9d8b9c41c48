"""A horizontal bar chart as inline SVG, computed on the server: no JavaScript, no library.

Each group (a contract) has one or more bars (for example hours offered and hours attended).
Bars differ in fill *and* outline, every bar carries its value as text, and the page shows the
same numbers in a table next to the chart, so no one depends on colour or on the picture.
"""

from dataclasses import dataclass
from decimal import Decimal

BREEDTE = 720
LABEL_BREEDTE = 220
WAARDE_RUIMTE = 90
BALK_HOOGTE = 18
BALK_TUSSENRUIMTE = 4
GROEP_TUSSENRUIMTE = 18
BOVENMARGE = 8


@dataclass(frozen=True)
class Balk:
    x: int
    y: int
    breedte: int
    hoogte: int
    klasse: str
    tekst: str
    tekst_x: int
    tekst_y: int


@dataclass(frozen=True)
class Groep:
    label: str
    label_y: int
    balken: list[Balk]


@dataclass(frozen=True)
class Grafiek:
    breedte: int
    hoogte: int
    groepen: list[Groep]
    label_breedte: int = LABEL_BREEDTE


def staafgrafiek(groepen: list[tuple[str, list[tuple[Decimal, str, str]]]]) -> Grafiek:
    """``groepen``: (label, [(value, css class, text shown at the bar), ...])."""
    hoogste = max((w for _, balken in groepen for w, _k, _t in balken), default=0) or 1
    ruimte = BREEDTE - LABEL_BREEDTE - WAARDE_RUIMTE
    y = BOVENMARGE
    uit = []
    for label, balken in groepen:
        start = y
        getekend = []
        for waarde, klasse, tekst in balken:
            breedte = round(float(waarde) / float(hoogste) * ruimte)
            getekend.append(
                Balk(
                    x=LABEL_BREEDTE,
                    y=y,
                    breedte=max(breedte, 1 if waarde else 0),
                    hoogte=BALK_HOOGTE,
                    klasse=klasse,
                    tekst=tekst,
                    tekst_x=LABEL_BREEDTE + breedte + 6,
                    tekst_y=y + BALK_HOOGTE - 5,
                )
            )
            y += BALK_HOOGTE + BALK_TUSSENRUIMTE
        midden = start + (y - BALK_TUSSENRUIMTE - start) // 2 + 5
        uit.append(Groep(label=label, label_y=midden, balken=getekend))
        y += GROEP_TUSSENRUIMTE
    return Grafiek(breedte=BREEDTE, hoogte=max(y, 40), groepen=uit)
