"""Checks for the contact details a gemeente prints on letters (plain Dutch messages)."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

TELEFOON_FOUT = _(
    "Vul een Nederlands telefoonnummer in, bijvoorbeeld 030 286 00 00, 14 030 of +31 30 286 00 00."
)
ADRES_FOUT = _(
    "Vul straat, huisnummer en plaats in, bijvoorbeeld Stadhuisplein 1, 9001 AA Demodam."
)
ADRES_EEN_REGEL = _("Het adres past op één regel van de brief: gebruik geen enter.")

_TOEGESTAAN = re.compile(r"^\+?[0-9 ()\-]+$")


def telefoonnummer_geldig(waarde: str) -> bool:
    """A Dutch number as printed on a letter: 0XX…(10 digits), 14 0XX(X), 0800/0900, or +31."""
    waarde = waarde.strip()
    if not _TOEGESTAAN.match(waarde) or "+" in waarde[1:]:
        return False
    cijfers = re.sub(r"\D", "", waarde)
    if waarde.startswith("+") or cijfers.startswith("00"):
        nationaal = cijfers[2:] if waarde.startswith("+") else cijfers[4:]
        landcode = cijfers[:2] if waarde.startswith("+") else cijfers[2:4]
        # +31 (0)30 …: the "(0)" is a common way of writing and is not dialled.
        if nationaal.startswith("0"):
            nationaal = nationaal[1:]
        return landcode == "31" and len(nationaal) == 9 and not nationaal.startswith("0")
    if cijfers.startswith("14"):
        # The gemeente number: 14 followed by the area code (14 020, 14 0299).
        return len(cijfers) in (5, 6)
    if cijfers.startswith(("0800", "0900", "0906", "0909")):
        return len(cijfers) in (8, 11)
    return cijfers.startswith("0") and len(cijfers) == 10


def valideer_telefoonnummer(waarde: str) -> None:
    if waarde and not telefoonnummer_geldig(waarde):
        raise ValidationError(TELEFOON_FOUT, code="telefoonnummer")


def valideer_adres(waarde: str) -> None:
    if not waarde:
        return
    if "\n" in waarde or "\r" in waarde:
        raise ValidationError(ADRES_EEN_REGEL, code="adres_regels")
    if not re.search(r"[^\W\d_]{2,}", waarde) or not re.search(r"\d", waarde):
        raise ValidationError(ADRES_FOUT, code="adres")
