"""Show the outcome of a legal rule (``openinburgering.regels``) to people and systems.

A service that is refused by a rule raises ``core.exceptions.RegelsGeschonden``; these helpers
render its violations (and a check's outcome shown before anything is tried).
"""

from django.utils.translation import get_language

from openinburgering.regels.base import Schending, Uitkomst


def schending_tekst(schending: Schending) -> str:
    """The plain explanation with the rule id and article, in the user's language."""
    melding = schending.melding_en if get_language() == "en" else schending.melding
    return f"{melding} ({schending.regel.id}, {schending.regel.bron})"


def schendingen_weergave(uitkomst: Uitkomst) -> list[dict]:
    """For templates: id, article, title, the case-specific message and the rule's plain text."""
    engels = get_language() == "en"
    gezien: set[str] = set()
    uit = []
    for s in uitkomst.schendingen:
        # The rule's plain explanation once per rule; each violation keeps its own message.
        uitleg = "" if s.regel.id in gezien else (s.regel.tekst_en if engels else s.regel.tekst)
        gezien.add(s.regel.id)
        uit.append(
            {
                "id": s.regel.id,
                "bron": s.regel.bron,
                "titel": s.regel.titel_en if engels else s.regel.titel,
                "melding": s.melding_en if engels else s.melding,
                "uitleg": uitleg,
                "veld": s.veld,
            }
        )
    return uit
