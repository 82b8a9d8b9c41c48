"""The check report before delivery: missing or doubtful values per person (R82).

Each finding names the dossier (its uuid and a short number), the category, what is wrong and
which page of the dossier fixes it; never a BSN or a name (the report is stored with the
delivery and shown to policy staff). Texts are stored as a code and shown in the reader's
language (:func:`tekst`).
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from openinburgering.inburgeraars.models import Dossier
from openinburgering.inburgeraars.workflow import Status
from openinburgering.regels.statistiek import kenmerk_verplicht

from .formaat import Persoonsgegevens

#: code -> (category, page that fixes it, rule, text). Pages: see ``views.PAGINAS``.
BEVINDINGEN: dict[str, tuple[str, str, str, Any]] = {
    "pip_zonder_leerroute": (
        "pip",
        "pip",
        "R82",
        _("Het vastgestelde PIP heeft geen leerroute."),
    ),
    "b1_zonder_niveau": (
        "pip",
        "pip",
        "R82",
        _("Het PIP heeft de B1-route maar geen taalniveau (A2 of B1)."),
    ),
    "pip_voor_intake": (
        "pip",
        "pip",
        "",
        _("De dagtekening van het eerste PIP ligt vóór het begin van de brede intake."),
    ),
    "pip_zonder_intake": (
        "brede_intake",
        "intake",
        "R82",
        _("Er is een vastgesteld PIP maar geen brede intake."),
    ),
    "intake_voor_aanmelding": (
        "brede_intake",
        "intake",
        "",
        _("De brede intake begon vóór de aanmelding van de persoon bij de gemeente."),
    ),
    "intake_zonder_advies": (
        "brede_intake",
        "intake",
        "R82",
        _("De brede intake is afgesloten zonder advies over de leerroute."),
    ),
    "einde_zonder_datum": (
        "einde",
        "dossier",
        "R82",
        _("Het dossier is afgerond maar de datum van afronding ontbreekt."),
    ),
    "einde_zonder_reden": (
        "einde",
        "dossier",
        "R82",
        _("Het dossier is afgerond maar de reden van het einde ontbreekt."),
    ),
}

CATEGORIE_LABELS = {
    "brede_intake": _("Brede intake"),
    "pip": _("PIP en leerroute"),
    "map": _("MAP"),
    "pvt": _("PVT"),
    "ontzorgen": _("Ontzorgen"),
    "begeleiding": _("Begeleiding"),
    "voortgang": _("Voortgang"),
    "einde": _("Einde van de plicht"),
}


def tekst(code: str) -> str:
    return str(BEVINDINGEN[code][3])


def _ontbreekt(van_toepassing: bool, gevuld: bool) -> bool:
    return kenmerk_verplicht(van_toepassing=van_toepassing, gevuld=gevuld).waarde


def controleren(dossier: Dossier, persoon: Persoonsgegevens) -> list[str]:
    """The codes of every finding for one person (empty = nothing to fix)."""
    codes = []
    pip = persoon.categorieen.get("pip")
    intake = getattr(dossier, "brede_intake", None)
    if pip is not None:
        if _ontbreekt(True, bool(pip.get("leerroute"))):
            codes.append("pip_zonder_leerroute")
        if _ontbreekt(pip.get("leerroute") == "B", bool(pip.get("niveau"))):
            codes.append("b1_zonder_niveau")
        if intake is None:
            codes.append("pip_zonder_intake")
        elif pip["eerste_dagtekening"] < intake.gestart_op:
            codes.append("pip_voor_intake")
    if intake is not None:
        if intake.gestart_op < dossier.aangemeld_op:
            codes.append("intake_voor_aanmelding")
        if _ontbreekt(intake.afgesloten_op is not None, bool(intake.geadviseerde_leerroute)):
            codes.append("intake_zonder_advies")
    if dossier.status == Status.AFGEROND:
        if _ontbreekt(True, dossier.afgerond_op is not None):
            codes.append("einde_zonder_datum")
        if _ontbreekt(True, bool(dossier.eindreden)):
            codes.append("einde_zonder_reden")
    return codes


def rij(dossier: Dossier, codes: list[str]) -> dict[str, Any]:
    """One row of the stored report: the dossier by uuid and number, and its findings."""
    return {
        "inburgeraar": str(dossier.inburgeraar.uuid),
        "nummer": dossier.uuid.hex[:8].upper(),
        "gemeente": dossier.gemeente.code,
        "bevindingen": [
            {
                "code": c,
                "categorie": BEVINDINGEN[c][0],
                "pagina": BEVINDINGEN[c][1],
                "regel": BEVINDINGEN[c][2],
            }
            for c in codes
        ],
    }
