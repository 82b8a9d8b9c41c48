"""Kenmerken of letters: ``0363-2026-000123`` (gemeentecode, year, sequence), unique per gemeente.

The counter hands out numbers; the constraints on :class:`Briefkenmerk` are what guarantee that no
two letters of a gemeente ever share one, whatever happens to the counter.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from openinburgering.gemeenten.models import Gemeente
from openinburgering.inburgeraars.models import Dossier


class Kenmerkteller(models.Model):
    """The last sequence number handed out, per gemeente per year (one row each)."""

    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    jaar = models.PositiveSmallIntegerField()
    laatste = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("kenmerkteller")
        verbose_name_plural = _("kenmerktellers")
        constraints = [
            models.UniqueConstraint(fields=["gemeente", "jaar"], name="kenmerkteller_per_jaar")
        ]

    def __str__(self):
        return f"{self.gemeente_id}-{self.jaar}: {self.laatste}"


class Briefkenmerk(models.Model):
    """One letter's kenmerk. ``brief`` is the uuid of what the letter is about (a PIP version,
    an intake step, a handhaving step), so a letter keeps its kenmerk when it is made again."""

    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    jaar = models.PositiveSmallIntegerField()
    volgnummer = models.PositiveIntegerField()
    kenmerk = models.CharField(_("kenmerk"), max_length=20, unique=True)
    brief = models.UUIDField(unique=True)
    # So a caseworker finds the dossier when someone calls with the kenmerk; kept (as null)
    # when a dossier is removed, so the number is never handed out again.
    dossier = models.ForeignKey(
        Dossier, null=True, on_delete=models.SET_NULL, related_name="briefkenmerken"
    )
    soort = models.CharField(max_length=40)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("briefkenmerk")
        verbose_name_plural = _("briefkenmerken")
        constraints = [
            models.UniqueConstraint(
                fields=["gemeente", "jaar", "volgnummer"], name="briefkenmerk_uniek_per_gemeente"
            ),
            models.CheckConstraint(
                condition=models.Q(volgnummer__gte=1), name="volgnummer_vanaf_1"
            ),
        ]

    def __str__(self):
        return self.kenmerk
