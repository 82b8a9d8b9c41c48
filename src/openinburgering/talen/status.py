"""Which portal translations are machine-made and not yet reviewed (ADR 0090).

Per entry, in the language's .po file: a translator comment ``# machinevertaling`` marks a
machine-made text, ``# nagekeken <wie>, <datum>`` one a reviewer checked. An entry without
``nagekeken`` counts as unreviewed, so a text someone adds later is never shown as checked.
A language with any unreviewed entry shows the notice "machinevertaling, nog niet nagekeken"
on every portal page (``talen/machinevertaling.html``). Dutch is the source; English is written
by the team with the staff UI's texts, so neither shows it.
"""

from __future__ import annotations

import functools
from pathlib import Path

from openinburgering.core.talen import VERTAALDE_CODES

from .po import Vermelding, lees

LOCALE = Path(__file__).resolve().parent.parent / "locale"


def catalogus(code: str) -> Path:
    return LOCALE / code / "LC_MESSAGES" / "django.po"


def vermeldingen(code: str) -> list[Vermelding]:
    """The entries of a portal catalogue, without its header."""
    return [v for v in lees(catalogus(code)) if v.msgid]


@functools.cache
def niet_nagekeken(code: str) -> int:
    """How many entries of the language are not reviewed (0 for Dutch and English)."""
    if code not in VERTAALDE_CODES:
        return 0
    try:
        return sum(1 for v in vermeldingen(code) if not v.nagekeken)
    except FileNotFoundError:
        return 0


def machinevertaling(code: str) -> bool:
    return niet_nagekeken(code) > 0
