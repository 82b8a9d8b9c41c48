"""Errors services raise for callers to show: a Dutch message in the UI, problem+json in the API.

A refusal by a legal rule from ``openinburgering.regels`` is always :class:`RegelsGeschonden`: it
carries every violation with its rule id, article and message, so whoever is blocked sees which
rule blocked them and why (ARCHITECTURE.md, "The law as code"). Forms show it through
``core.forms.fouten_naar_form``, the API through ``api.problems``.
"""

from collections.abc import Mapping

from django.utils.translation import gettext_lazy as _

from openinburgering.core.regels import schending_tekst
from openinburgering.regels.base import Regel, Schending, Uitkomst


class Conflict(Exception):
    """Someone else changed the object since it was read (optimistic locking)."""

    def __init__(self, message=None):
        super().__init__(
            message
            or _(
                "Iemand anders heeft deze gegevens intussen gewijzigd. Laad de pagina opnieuw, "
                "bekijk de nieuwe gegevens en voer uw wijziging daarna opnieuw in."
            )
        )
        self.message = str(self.args[0])


class Geweigerd(Exception):
    """The product refuses the change for a reason of its own (a state, an agreement, a duplicate).

    A refusal by a legal rule is :class:`RegelsGeschonden`, never a bare ``Geweigerd``.
    """

    def __init__(self, message, *, veld: str | None = None):
        super().__init__(message)
        self._message = message
        self.veld = veld

    @property
    def message(self) -> str:
        """The reason in the reader's language (a lazy text is translated when read)."""
        return str(self._message)

    def __str__(self) -> str:
        return self.message

    @property
    def regels(self) -> tuple[str, ...]:
        """The ids of the rules that refuse; none for a refusal of the product's own."""
        return ()

    @property
    def regel(self) -> str:
        """The first rule id, or "" (kept for callers that show one)."""
        return self.regels[0] if self.regels else ""


class RegelsGeschonden(Geweigerd):
    """The one refusal for legal rules: every violation of an ``Uitkomst`` from ``regels``.

    ``veldnamen`` maps the rules' field names to the caller's (a form's or model's fields); a rule
    field mapped to ``None`` is shown on the form as a whole.
    """

    def __init__(self, uitkomst: Uitkomst, *, veldnamen: Mapping[str, str | None] | None = None):
        if uitkomst.toegestaan:
            raise ValueError("RegelsGeschonden needs at least one violation.")
        self.uitkomst = uitkomst
        self.veldnamen = dict(veldnamen or {})
        eerste = self.fouten()[0][0]
        super().__init__("; ".join(str(s) for s in uitkomst.schendingen), veld=eerste)

    @classmethod
    def door(cls, regel: Regel, melding, *, veld: str | None = None) -> "RegelsGeschonden":
        """One rule refuses with a message of the service's own (already translatable)."""
        return cls(Uitkomst.fout(regel, melding, melding, veld=veld))

    @property
    def schendingen(self) -> tuple[Schending, ...]:
        return self.uitkomst.schendingen

    @property
    def regels(self) -> tuple[str, ...]:
        return self.uitkomst.regel_ids

    @property
    def message(self) -> str:
        """Every violation with rule id and article, in the reader's language."""
        return " ".join(schending_tekst(s) for s in self.schendingen)

    def veld_van(self, schending: Schending) -> str | None:
        if schending.veld is None:
            return None
        return self.veldnamen.get(schending.veld, schending.veld)

    def fouten(self) -> list[tuple[str | None, str, Schending]]:
        """(field or None, text with rule id and article, violation) for each violation."""
        return [(self.veld_van(s), schending_tekst(s), s) for s in self.schendingen]
