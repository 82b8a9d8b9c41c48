"""Accessible charts as inline SVG, drawn on the server: no JavaScript, no library, no CDN.

Two kinds: horizontal grouped bars (:func:`staven`) and lines over time (:func:`lijnen`).
Meaning never rests on colour alone: each series has its own fill pattern (bars) or marker
shape and dash (lines), every bar and every last point carries its value as text, the legend
is part of the picture, and the SVG has ``role="img"`` with a ``<title>`` and a ``<desc>``. The
page shows the same numbers in a table beside it.

A value may be ``None`` (not published, e.g. suppressed as "<5"): the bar is drawn as an empty
outline with the text instead of a length, so nothing small can be measured off the picture.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from html import escape

from django.utils.safestring import SafeString, mark_safe

BREEDTE = 760
LABEL_BREEDTE = 230
WAARDE_RUIMTE = 80
BALK = 16
BALK_TUSSEN = 3
GROEP_TUSSEN = 14
LEGENDA_HOOGTE = 26

#: Fill patterns per series (index): solid, diagonal hatch, dots, cross-hatch, open.
PATRONEN = ("vol", "schuin", "stip", "ruit", "open")
#: Marker shapes and dash patterns per line series.
MARKERS = ("rondje", "vierkant", "driehoek", "ruit")
STREPEN = ("", "6 4", "2 3", "10 3 2 3")

Getal = int | float | Decimal


@dataclass(frozen=True)
class Reeks:
    naam: str
    waarden: Sequence[Getal | None]
    #: Text at each bar/point; default: the value itself. Use it for "<5" or "12%".
    teksten: Sequence[str] | None = None


def _t(waarde: object) -> str:
    return escape(str(waarde), quote=True)


def _tekst(reeks: Reeks, i: int) -> str:
    if reeks.teksten is not None:
        return reeks.teksten[i]
    waarde = reeks.waarden[i]
    if waarde is None:
        return "–"
    if isinstance(waarde, float | Decimal) and waarde != int(waarde):
        return f"{float(waarde):.1f}".replace(".", ",")
    return f"{int(waarde)}"


def _defs(id: str) -> str:
    """The fill patterns, drawn in the text colour so they keep their contrast in any theme."""
    return (
        "<defs>"
        f'<pattern id="{id}-schuin" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="6" height="6" class="oi-svg__vlak"/>'
        '<line x1="0" y1="0" x2="0" y2="6" class="oi-svg__lijn" stroke-width="3"/></pattern>'
        f'<pattern id="{id}-stip" width="6" height="6" patternUnits="userSpaceOnUse">'
        '<rect width="6" height="6" class="oi-svg__vlak"/>'
        '<circle cx="3" cy="3" r="1.6" class="oi-svg__vul"/></pattern>'
        f'<pattern id="{id}-ruit" width="6" height="6" patternUnits="userSpaceOnUse">'
        '<rect width="6" height="6" class="oi-svg__vlak"/>'
        '<path d="M0 0L6 6M6 0L0 6" class="oi-svg__lijn" stroke-width="1.2"/></pattern>'
        "</defs>"
    )


def _vulling(id: str, index: int) -> str:
    patroon = PATRONEN[index % len(PATRONEN)]
    if patroon == "vol":
        return 'class="oi-svg__vul"'
    if patroon == "open":
        return 'class="oi-svg__open"'
    return f'fill="url(#{id}-{patroon})" class="oi-svg__rand"'


def _legenda(id: str, reeksen: Sequence[Reeks], y: int, lijn: bool = False) -> str:
    delen, x = [], LABEL_BREEDTE
    for i, reeks in enumerate(reeksen):
        if lijn:
            teken = _marker(i, x + 10, y + 8) + (
                f'<line x1="{x}" y1="{y + 8}" x2="{x + 20}" y2="{y + 8}" class="oi-svg__lijn" '
                f'stroke-width="2" stroke-dasharray="{STREPEN[i % len(STREPEN)]}"/>'
            )
        else:
            teken = f'<rect x="{x}" y="{y}" width="20" height="14" {_vulling(id, i)}/>'
        delen.append(f'{teken}<text x="{x + 26}" y="{y + 12}" class="oi-svg__tekst">'
                     f"{_t(reeks.naam)}</text>")  # fmt: skip
        x += 36 + 7 * len(reeks.naam)
    return "".join(delen)


def _svg(id: str, titel: str, uitleg: str, hoogte: int, inhoud: str) -> SafeString:
    return mark_safe(  # noqa: S308 - every text inside is escaped with _t
        f'<svg class="oi-svg" viewBox="0 0 {BREEDTE} {hoogte}" role="img" '
        f'aria-labelledby="{id}-titel {id}-uitleg" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{id}-titel">{_t(titel)}</title><desc id="{id}-uitleg">{_t(uitleg)}</desc>'
        f"{_defs(id)}{inhoud}</svg>"
    )


def staven(
    *, id: str, titel: str, uitleg: str, categorieen: Sequence[str], reeksen: Sequence[Reeks]
) -> SafeString:
    """Horizontal bars: per category one bar per series, with the value as text."""
    hoogste = (
        max((float(w) for r in reeksen for w in r.waarden if w is not None), default=0.0) or 1.0
    )
    ruimte = BREEDTE - LABEL_BREEDTE - WAARDE_RUIMTE
    delen = [_legenda(id, reeksen, 4)] if len(reeksen) > 1 else []
    y = LEGENDA_HOOGTE if len(reeksen) > 1 else 6
    for c, categorie in enumerate(categorieen):
        start = y
        for i, reeks in enumerate(reeksen):
            waarde = reeks.waarden[c]
            tekst = _tekst(reeks, c)
            if waarde is None:
                delen.append(
                    f'<rect x="{LABEL_BREEDTE}" y="{y}" width="24" height="{BALK}" '
                    'class="oi-svg__open" stroke-dasharray="3 2"/>'
                    f'<text x="{LABEL_BREEDTE + 30}" y="{y + BALK - 4}" class="oi-svg__tekst">'
                    f"{_t(tekst)}</text>"
                )
            else:
                lengte = round(float(waarde) / hoogste * ruimte)
                lengte = max(lengte, 1 if waarde else 0)
                delen.append(
                    f'<rect x="{LABEL_BREEDTE}" y="{y}" width="{lengte}" height="{BALK}" '
                    f"{_vulling(id, i)}/>"
                    f'<text x="{LABEL_BREEDTE + lengte + 6}" y="{y + BALK - 4}" '
                    f'class="oi-svg__tekst">{_t(tekst)}</text>'
                )
            y += BALK + BALK_TUSSEN
        midden = start + (y - BALK_TUSSEN - start) // 2 + 5
        label = categorie if len(categorie) <= 34 else categorie[:33] + "…"
        delen.append(
            f'<text x="{LABEL_BREEDTE - 8}" y="{midden}" class="oi-svg__tekst" '
            f'text-anchor="end">{_t(label)}</text>'
        )
        y += GROEP_TUSSEN
    delen.append(
        f'<line x1="{LABEL_BREEDTE}" y1="0" x2="{LABEL_BREEDTE}" y2="{y - GROEP_TUSSEN + 4}" '
        'class="oi-svg__as"/>'
    )
    return _svg(id, titel, uitleg, max(y, 40), "".join(delen))


def _marker(index: int, x: float, y: float) -> str:
    vorm = MARKERS[index % len(MARKERS)]
    if vorm == "rondje":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" class="oi-svg__vul"/>'
    if vorm == "vierkant":
        return f'<rect x="{x - 4:.1f}" y="{y - 4:.1f}" width="8" height="8" class="oi-svg__open"/>'
    if vorm == "driehoek":
        return (
            f'<path d="M{x:.1f} {y - 5:.1f}L{x + 5:.1f} {y + 4:.1f}L{x - 5:.1f} {y + 4:.1f}Z" '
            'class="oi-svg__vul"/>'
        )
    return (
        f'<path d="M{x:.1f} {y - 5:.1f}L{x + 5:.1f} {y:.1f}L{x:.1f} {y + 5:.1f}L{x - 5:.1f} '
        f'{y:.1f}Z" class="oi-svg__open"/>'
    )


def lijnen(
    *, id: str, titel: str, uitleg: str, labels: Sequence[str], reeksen: Sequence[Reeks]
) -> SafeString:
    """Lines over time (``labels`` on the x-axis); a missing value breaks the line."""
    links, rechts, boven, hoogte_plot = 60, 30, LEGENDA_HOOGTE + 8, 200
    hoogte = boven + hoogte_plot + 40
    hoogste = (
        max((float(w) for r in reeksen for w in r.waarden if w is not None), default=0.0) or 1.0
    )
    stap = (BREEDTE - links - rechts) / max(len(labels) - 1, 1)
    delen = [_legenda(id, reeksen, 4, lijn=True)]
    # Axes and the top value, so the scale can be read.
    onder = boven + hoogte_plot
    delen.append(
        f'<line x1="{links}" y1="{boven}" x2="{links}" y2="{onder}" class="oi-svg__as"/>'
        f'<line x1="{links}" y1="{onder}" x2="{BREEDTE - rechts}" y2="{onder}" class="oi-svg__as"/>'
        f'<text x="{links - 6}" y="{boven + 4}" class="oi-svg__tekst" text-anchor="end">'
        f"{_t(_getal(hoogste))}</text>"
        f'<text x="{links - 6}" y="{onder + 4}" class="oi-svg__tekst" text-anchor="end">0</text>'
    )
    elk = max(1, len(labels) // 12)
    for i, label in enumerate(labels):
        if i % elk == 0 or i == len(labels) - 1:
            delen.append(
                f'<text x="{links + i * stap:.1f}" y="{onder + 18}" class="oi-svg__klein" '
                f'text-anchor="middle">{_t(label)}</text>'
            )
    for r, reeks in enumerate(reeksen):
        punten: list[tuple[float, float, int]] = []
        stukken: list[list[tuple[float, float]]] = [[]]
        for i, waarde in enumerate(reeks.waarden):
            if waarde is None:
                stukken.append([])
                continue
            x = links + i * stap
            y = onder - float(waarde) / hoogste * hoogte_plot
            stukken[-1].append((x, y))
            punten.append((x, y, i))
        for stuk in stukken:
            if len(stuk) > 1:
                d = "M" + "L".join(f"{x:.1f} {y:.1f}" for x, y in stuk)
                delen.append(
                    f'<path d="{d}" class="oi-svg__lijn" fill="none" stroke-width="2" '
                    f'stroke-dasharray="{STREPEN[r % len(STREPEN)]}"/>'
                )
        for x, y, _i in punten:
            delen.append(_marker(r, x, y))
        if punten:
            x, y, i = punten[-1]
            delen.append(
                f'<text x="{x + 7:.1f}" y="{y - 6:.1f}" class="oi-svg__tekst">'
                f"{_t(_tekst(reeks, i))}</text>"
            )
    return _svg(id, titel, uitleg, hoogte, "".join(delen))


def _getal(waarde: float) -> str:
    return f"{waarde:.0f}" if waarde == int(waarde) else f"{waarde:.1f}".replace(".", ",")
