"""The forecast of a year's spend from the current caseload (ADR 0083). Pure Python.

Not a legal rule, so not in ``regels``: a method the gemeente may tune. Every choice is a
named constant here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

#: The recent months whose spend gives the pace: the full calendar months before the reference
#: date's month (a quarter smooths one expensive month without going stale).
VENSTER_MAANDEN = 3
#: The reference date's own month counts as still to come in full: its costs are seldom all
#: booked yet, and a forecast that is slightly high is safer for a budget than one that is low.
LOPENDE_MAAND_TELT_MEE = True


@dataclass(frozen=True)
class Prognose:
    #: Forecast spend over the whole year, in cents.
    bedrag_cent: int
    #: Already booked in the year up to the reference date, in cents.
    geboekt_cent: int
    #: The pace: cost per active person per month over the window, in cents (0 without caseload).
    per_persoon_per_maand_cent: int
    caseload: int
    resterende_maanden: int


def _afgerond(teller: int, noemer: int) -> int:
    """teller / noemer rounded half away from zero, in integers (money never uses floats)."""
    if noemer <= 0:
        raise ValueError("noemer moet positief zijn")
    teken = -1 if teller < 0 else 1
    return teken * ((2 * abs(teller) + noemer) // (2 * noemer))


def resterende_maanden(jaar: int, peildatum: date) -> int:
    """How many months of ``jaar`` are still to come on ``peildatum``."""
    if jaar < peildatum.year:
        return 0
    if jaar > peildatum.year:
        return 12
    return 12 - peildatum.month + (1 if LOPENDE_MAAND_TELT_MEE else 0)


def venster(peildatum: date) -> tuple[date, date]:
    """The window (first day, first day after) of :data:`VENSTER_MAANDEN` full months."""
    eind = peildatum.replace(day=1)
    jaar, maand = eind.year, eind.month - VENSTER_MAANDEN
    while maand < 1:
        jaar, maand = jaar - 1, maand + 12
    return date(jaar, maand, 1), eind


def prognose(
    *,
    jaar: int,
    peildatum: date,
    geboekt_cent: int,
    venster_cent: int,
    caseload_venster: int,
    caseload: int,
) -> Prognose:
    """Booked so far, plus the window's pace per active person × today's caseload × the months
    still to come.

    ``venster_cent``: what was booked in :func:`venster` (``peildatum``); ``caseload_venster``:
    the open dossiers in the middle of that window; ``caseload``: the open dossiers on
    ``peildatum``. A caseload that grows makes the rest of the year dearer, one that shrinks
    cheaper.
    """
    maanden = resterende_maanden(jaar, peildatum)
    if caseload_venster <= 0:
        # No one was in the window: no pace to go by, so nothing is forecast beyond the books.
        return Prognose(geboekt_cent, geboekt_cent, 0, caseload, maanden)
    per_persoon = _afgerond(venster_cent, VENSTER_MAANDEN * caseload_venster)
    # Multiply before dividing: the total does not carry the per-person rounding.
    nog = _afgerond(venster_cent * caseload * maanden, VENSTER_MAANDEN * caseload_venster)
    return Prognose(
        bedrag_cent=geboekt_cent + nog,
        geboekt_cent=geboekt_cent,
        per_persoon_per_maand_cent=per_persoon,
        caseload=caseload,
        resterende_maanden=maanden,
    )


def euro(cent: int) -> str:
    """€ 1.234,56 (Dutch notation), with a minus sign before the euro sign for a negative."""
    teken = "-" if cent < 0 else ""
    euros, centen = divmod(abs(cent), 100)
    return f"{teken}€ {euros:,}".replace(",", ".") + f",{centen:02d}"
