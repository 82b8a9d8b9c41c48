from django.db import models
from django.utils.translation import gettext_lazy as _

from openinburgering.core.talen import PORTAALTALEN
from openinburgering.gemeenten.models import Gemeente
from openinburgering.inburgeraars.models import Inburgeraar


class Taalvoorkeur(models.Model):
    """The language a newcomer chose in the portal, so it follows them to another device.

    The gemeente is on the row for the database's tenant check (ADR 0056); the row goes with
    the person when the dossier is destroyed (``on_delete=CASCADE``).
    """

    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    inburgeraar = models.OneToOneField(
        Inburgeraar, on_delete=models.CASCADE, related_name="taalvoorkeur"
    )
    taal = models.CharField(
        _("taal van het portaal"),
        max_length=8,
        choices=[(t.code, t.naam_nl) for t in PORTAALTALEN],
    )
    gewijzigd_op = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("taalvoorkeur")
        verbose_name_plural = _("taalvoorkeuren")

    def __str__(self) -> str:
        return self.taal
