"""Statuses of an ontzorgen decision, a payment run and a payment, each as a transition table."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class BesluitStatus(models.TextChoices):
    CONCEPT = "concept", _("Concept")
    VASTGESTELD = "vastgesteld", _("Vastgesteld")
    GESTOPT = "gestopt", _("Eerder gestopt")


class RunStatus(models.TextChoices):
    CONCEPT = "concept", _("Concept (nog niet goedgekeurd)")
    GOEDGEKEURD = "goedgekeurd", _("Goedgekeurd")
    VERVALLEN = "vervallen", _("Vervallen (opnieuw gemaakt)")


class BetalingStatus(models.TextChoices):
    IN_RUN = "in_run", _("In de betaalrun")
    AANGEBODEN = "aangeboden", _("Aangeboden aan de bank")
    GEWEIGERD = "geweigerd", _("Geweigerd door de bank")
    TERUGGEBOEKT = "teruggeboekt", _("Teruggeboekt")


OVERGANGEN_BESLUIT = {
    BesluitStatus.CONCEPT: frozenset({BesluitStatus.VASTGESTELD}),
    BesluitStatus.VASTGESTELD: frozenset({BesluitStatus.GESTOPT}),
    BesluitStatus.GESTOPT: frozenset(),
}
OVERGANGEN_RUN = {
    RunStatus.CONCEPT: frozenset({RunStatus.GOEDGEKEURD, RunStatus.VERVALLEN}),
    RunStatus.GOEDGEKEURD: frozenset(),
    RunStatus.VERVALLEN: frozenset(),
}
OVERGANGEN_BETALING = {
    BetalingStatus.IN_RUN: frozenset({BetalingStatus.AANGEBODEN}),
    BetalingStatus.AANGEBODEN: frozenset({BetalingStatus.GEWEIGERD, BetalingStatus.TERUGGEBOEKT}),
    BetalingStatus.GEWEIGERD: frozenset(),
    BetalingStatus.TERUGGEBOEKT: frozenset(),
}
#: A payment in these statuses did not reach the payee: the period may be paid again.
NIET_BETAALD = (BetalingStatus.GEWEIGERD, BetalingStatus.TERUGGEBOEKT)


def mag_naar(tabel: dict, van: str, naar: str) -> bool:
    return naar in tabel[van]
