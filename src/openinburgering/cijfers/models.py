"""Precomputed figures: one row per (gemeente, month, doelgroep, leerroute, figure, part).

The worker fills the table per gemeente (``services.kengetallen_bijwerken``, daily and on demand);
the dashboards and the council page only add rows up with one grouped query (ADR 0068). No row
names a person: the finest grain is a count per month and group.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from openinburgering.gemeenten.models import Gemeente


class Kengetal(models.Model):
    gemeente = models.ForeignKey(Gemeente, on_delete=models.CASCADE, related_name="+")
    #: The first day of the month the event happened in; empty: a stock on the day of the
    #: computation (open work, caseload, the state of PVT and MAP).
    maand = models.DateField(null=True, blank=True)
    doelgroep = models.CharField(max_length=40, blank=True)
    #: The leerroute of the person's current PIP; empty: no PIP (yet).
    leerroute = models.CharField(max_length=1, blank=True)
    sleutel = models.CharField(max_length=40)
    onderdeel = models.CharField(max_length=60, blank=True)
    aantal = models.PositiveIntegerField(default=0)
    #: A sum beside the count, for averages and totals: days, hours or euros.
    som = models.DecimalField(max_digits=16, decimal_places=2, default=0)

    class Meta:
        verbose_name = _("kengetal")
        verbose_name_plural = _("kengetallen")
        # No unique constraint: the service replaces a gemeente's rows as a whole, from a
        # dict keyed on exactly these columns.
        indexes = [models.Index(fields=["gemeente", "maand"], name="kengetal_gemeente_maand")]

    def __str__(self):
        return f"{self.sleutel} {self.onderdeel} {self.maand}: {self.aantal}"


class Bijwerking(models.Model):
    """When a gemeente's figures were last computed, and for which day."""

    gemeente = models.OneToOneField(Gemeente, on_delete=models.CASCADE, related_name="+")
    peildatum = models.DateField()
    bijgewerkt_op = models.DateTimeField()
    dossiers = models.PositiveIntegerField(default=0)
    rijen = models.PositiveIntegerField(default=0)
    seconden = models.FloatField(default=0)

    class Meta:
        verbose_name = _("bijwerking van de cijfers")
        verbose_name_plural = _("bijwerkingen van de cijfers")

    def __str__(self):
        return f"{self.gemeente_id} {self.bijgewerkt_op:%Y-%m-%d %H:%M}"
