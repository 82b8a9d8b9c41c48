"""Choices for the dossier, taken from the code lists in ``openinburgering.regels.codes``.

The law's code lists live in ``regels`` (DUO's own values); this module only turns them into
translatable Django choices, so that no code list is written twice.
"""

from django.utils.translation import gettext_lazy as _

from openinburgering.regels.codes import Doelgroep, GedetailleerdeDoelgroep, Regime, Verblijfsdoel

__all__ = ["Doelgroep", "GedetailleerdeDoelgroep", "Regime", "Verblijfsdoel", "keuzes"]


def keuzes(codelijst) -> list[tuple[str, str]]:
    # The labels are Dutch in regels; gettext_lazy lets the English catalogue translate them.
    return [(waarde, _(label)) for waarde, label in codelijst.choices()]
