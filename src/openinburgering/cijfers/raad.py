"""The council page (raadsinformatie): per year and quarter, public, no figure under 5 (R78/R79).

:func:`raadstabel` builds, for one gemeente and one year, the published table: the figures as
rows, the four quarters and the year as columns. Every cell goes through
``regels.openbaarheid.onderdrukken`` with every sum the table shows (a year is its quarters; the
first PIPs are their routes and also on time + late + without notice; the ended duties are
"met" + "other reason"), so neither a small count nor a difference of two published counts
reveals fewer than 5 people. Only the texts leave this module, never the raw counts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils import timezone
from django.utils.translation import gettext as _

from openinburgering.gemeenten.models import Gemeente
from openinburgering.handhaving.models import StapSoort
from openinburgering.inburgeraars.workflow import Eindreden
from openinburgering.regels.openbaarheid import (
    ONDERDRUKT_TEKST,
    Onderdrukking,
    Relatie,
    onderdrukken,
    weergave,
)

from .grafiek import Reeks, staven
from .selectors import Cijfers, raad_kengetallen

KOLOMMEN = ("K1", "K2", "K3", "K4", "jaar")
#: How many years the page shows, this one included.
JAREN = 3

Cel = tuple[str, str]


@dataclass(frozen=True)
class Rij:
    code: str
    label: str
    niveau: int
    cellen: tuple[str, ...]
    #: The rule that hid each cell (R78, R79) or "".
    regels: tuple[str, ...]


@dataclass(frozen=True)
class Raadstabel:
    jaar: int
    kolommen: tuple[str, ...]
    rijen: tuple[Rij, ...]


def _rijen() -> list[tuple[str, str, int]]:
    """(code, label, level): level 1 is a part of the row above it at level 0."""
    return [
        ("aangemeld", _("Nieuwe inburgeraars gemeld door DUO"), 0),
        ("intake_gestart", _("Brede intakes gestart"), 0),
        ("eerste_pip", _("Eerste PIP's vastgesteld"), 0),
        ("route_B", _("waarvan B1-route"), 1),
        ("route_O", _("waarvan onderwijsroute"), 1),
        ("route_Z", _("waarvan Z-route"), 1),
        ("route_", _("waarvan leerroute onbekend"), 1),
        ("r51_op_tijd", _("waarvan binnen 10 weken na de melding"), 1),
        ("r51_te_laat", _("waarvan later dan 10 weken"), 1),
        ("r51_zonder_ss139", _("waarvan zonder melding van DUO ervoor"), 1),
        ("afgerond", _("Dossiers beëindigd"), 0),
        ("afgerond_voldaan", _("waarvan inburgeringsplicht voldaan"), 1),
        ("afgerond_anders", _("waarvan om een andere reden"), 1),
        ("boetes", _("Boetes opgelegd"), 0),
    ]


def _ruwe_waarde(c: Cijfers, code: str, kwartaal: int | None, jaar: int) -> int:
    def in_kolom(r) -> bool:
        m = r["maand"]
        return m.year == jaar and (kwartaal is None or (m.month - 1) // 3 + 1 == kwartaal)

    def tel(sleutel: str, **waar) -> int:
        return sum(r["aantal"] for r in c.rijen_van(sleutel, False, waar) if in_kolom(r))

    if code.startswith("route_"):
        return tel("eerste_pip", leerroute=code.removeprefix("route_"))
    if code.startswith("r51_"):
        return tel("pip_r51", onderdeel=code.removeprefix("r51_"))
    if code == "afgerond_voldaan":
        return tel("afgerond", onderdeel=Eindreden.VOLDAAN.value)
    if code == "afgerond_anders":
        return tel("afgerond") - tel("afgerond", onderdeel=Eindreden.VOLDAAN.value)
    if code == "boetes":
        return tel("handhaving", onderdeel=StapSoort.BESLUIT.value)
    return tel(code)


def _zichtbaar(jaar: int, kwartaal: int | None, vandaag: date) -> bool:
    """A quarter that has not begun yet is not published ("–"), not as a zero."""
    if kwartaal is None:
        return jaar <= vandaag.year
    return date(jaar, (kwartaal - 1) * 3 + 1, 1) <= vandaag


def relaties(codes: list[str], kolommen: tuple[str, ...]) -> list[Relatie[Cel]]:
    """Every sum the table shows: the year of each row, and the parts of each total."""
    uit = [Relatie((code, "jaar"), tuple((code, k) for k in kolommen[:-1])) for code in codes]
    routes = tuple(f"route_{r}" for r in ("B", "O", "Z", ""))
    r51 = ("r51_op_tijd", "r51_te_laat", "r51_zonder_ss139")
    for k in kolommen:
        uit.append(Relatie(("eerste_pip", k), tuple((code, k) for code in routes)))
        uit.append(Relatie(("eerste_pip", k), tuple((code, k) for code in r51)))
        uit.append(Relatie(("afgerond", k), (("afgerond_voldaan", k), ("afgerond_anders", k))))
    return uit


def raadstabel(c: Cijfers, jaar: int, vandaag: date | None = None) -> Raadstabel:
    vandaag = vandaag or timezone.localdate()
    definities = _rijen()
    waarden: dict[Cel, int] = {}
    for code, _label, _niveau in definities:
        for k in KOLOMMEN:
            kwartaal = None if k == "jaar" else int(k[1])
            if _zichtbaar(jaar, kwartaal, vandaag):
                waarden[(code, k)] = _ruwe_waarde(c, code, kwartaal, jaar)
    verborgen: dict[Cel, Onderdrukking] = onderdrukken(
        waarden, relaties([d[0] for d in definities], KOLOMMEN)
    )
    rijen = []
    for code, label, niveau in definities:
        cellen, regels = [], []
        for k in KOLOMMEN:
            cel = (code, k)
            if cel not in waarden:
                cellen.append("–")
                regels.append("")
            else:
                cellen.append(weergave(waarden[cel], cel in verborgen))
                regels.append(verborgen[cel].regel if cel in verborgen else "")
        rijen.append(Rij(code, label, niveau, tuple(cellen), tuple(regels)))
    return Raadstabel(jaar, KOLOMMEN, tuple(rijen))


def raadscijfers(gemeente: Gemeente, vandaag: date | None = None) -> list[Raadstabel]:
    """The published tables of the last :data:`JAREN` years, newest first (one query)."""
    vandaag = vandaag or timezone.localdate()
    eerste = vandaag.year - JAREN + 1
    c = raad_kengetallen(gemeente, date(eerste, 1, 1), date(vandaag.year, 12, 1))
    return [raadstabel(c, jaar, vandaag) for jaar in range(vandaag.year, eerste - 1, -1)]


def trendgrafiek(tabellen: list[Raadstabel], id: str = "g-raad-trend"):
    """Bars per quarter (oldest first) of new inburgeraars and first PIPs: the published
    texts, a suppressed value as an empty outline with "<5"."""
    labels, reeksen = [], {"aangemeld": [], "eerste_pip": []}
    teksten: dict[str, list[str]] = {"aangemeld": [], "eerste_pip": []}
    for tabel in sorted(tabellen, key=lambda t: t.jaar):
        rij = {r.code: r for r in tabel.rijen}
        for i, k in enumerate(tabel.kolommen[:-1]):
            if rij["aangemeld"].cellen[i] == "–":
                continue
            labels.append(f"{tabel.jaar} {k}")
            for code in reeksen:
                tekst = rij[code].cellen[i]
                teksten[code].append(tekst)
                reeksen[code].append(None if tekst == ONDERDRUKT_TEKST else int(tekst))
    titel = _("Nieuwe inburgeraars en eerste PIP's per kwartaal")
    return staven(
        id=id,
        titel=titel,
        uitleg=_(
            "Staafdiagram: per kwartaal het aantal nieuwe inburgeraars en eerste PIP's. Een "
            "aantal onder 5 staat er als <5, zonder lengte."
        ),
        categorieen=labels,
        reeksen=[
            Reeks(_("Nieuwe inburgeraars"), reeksen["aangemeld"], teksten["aangemeld"]),
            Reeks(_("Eerste PIP's"), reeksen["eerste_pip"], teksten["eerste_pip"]),
        ],
    )
