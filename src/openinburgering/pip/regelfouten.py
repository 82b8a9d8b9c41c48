"""Showing a rule violation from ``regels``: always the rule id, the article and the explanation."""

from django.utils.translation import get_language


class RegelsGeschonden(Exception):
    """A service refuses because rules in ``regels`` are violated; carries every violation."""

    def __init__(self, uitkomst):
        super().__init__("; ".join(str(s) for s in uitkomst.schendingen))
        self.uitkomst = uitkomst

    @property
    def schendingen(self):
        return self.uitkomst.schendingen


def schending_tekst(schending) -> str:
    melding = schending.melding_en if get_language() == "en" else schending.melding
    return f"{melding} ({schending.regel.id}, {schending.regel.bron})"


def schendingen_weergave(uitkomst) -> list[dict]:
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


def naar_form(form, uitkomst, veldnamen: dict | None = None) -> None:
    """Put each violation on its form field (or on the form), with rule id and article."""
    for s in uitkomst.schendingen:
        veld = (veldnamen or {}).get(s.veld, s.veld)
        form.add_error(veld if veld in form.fields else None, schending_tekst(s))
