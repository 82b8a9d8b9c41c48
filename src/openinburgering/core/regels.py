"""Show the outcome of a legal rule (``openinburgering.regels``) to people and systems."""

from collections import defaultdict
from collections.abc import Mapping

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import get_language


def schending_tekst(schending) -> str:
    """The plain explanation with the rule id and article, in the user's language."""
    melding = schending.melding_en if get_language() == "en" else schending.melding
    return f"{melding} ({schending.regel.id}, {schending.regel.bron})"


def als_validationerror(
    uitkomst, veldnamen: Mapping[str, str | None] | None = None
) -> ValidationError:
    """All violations as one ValidationError per field; each error's code is the rule id."""
    fouten: dict[str, list[ValidationError]] = defaultdict(list)
    for schending in uitkomst.schendingen:
        veld = (veldnamen or {}).get(schending.veld, schending.veld) or NON_FIELD_ERRORS
        fouten[veld].append(ValidationError(schending_tekst(schending), code=schending.regel.id))
    return ValidationError(dict(fouten))
