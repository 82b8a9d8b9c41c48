"""Maatschappelijke begeleiding (Wi2021 art. 13): a checklist per asielstatushouder.

The list of steps belongs to the gemeente (``Stap``): a functioneel beheerder adds, renames and
retires steps without a code change. A retired step keeps its history: it disappears from new
checklists but a dossier that already recorded it keeps showing it.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from openinburgering.gemeenten.models import Gemeente
from openinburgering.inburgeraars.models import Dossier


class Stap(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, related_name="begeleidingsstappen"
    )
    naam = models.CharField(_("Naam van de stap"), max_length=120)
    omschrijving = models.CharField(_("Uitleg voor de medewerker"), max_length=300, blank=True)
    streefdagen = models.PositiveSmallIntegerField(
        _("Af binnen … dagen na aanmelding"),
        help_text=_("Na dit aantal dagen telt een open stap als achterstallig."),
    )
    volgorde = models.PositiveSmallIntegerField(_("Volgorde"), default=100)
    actief = models.BooleanField(_("In gebruik"), default=True)
    versie = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("stap maatschappelijke begeleiding")
        verbose_name_plural = _("stappen maatschappelijke begeleiding")
        ordering = ["volgorde", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["gemeente", "naam"],
                condition=models.Q(actief=True),
                name="begeleiding_stapnaam_uniek_actief",
            ),
            models.CheckConstraint(
                condition=models.Q(streefdagen__lte=1095), name="begeleiding_streefdagen_redelijk"
            ),
        ]
        indexes = [models.Index(fields=["gemeente", "actief", "volgorde"])]

    def __str__(self):
        return self.naam

    @property
    def naam_weergave(self) -> str:
        """The standard steps' names in the reader's language; a gemeente's own name as is."""
        return gettext(self.naam)


class StapStatus(models.TextChoices):
    OPEN = "open", _("Nog te doen")
    AFGEROND = "afgerond", _("Geregeld")
    NVT = "nvt", _("Niet van toepassing")


class Voortgang(models.Model):
    """What happened with one step for one dossier: when, and who helped."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="begeleiding")
    stap = models.ForeignKey(Stap, on_delete=models.PROTECT, related_name="voortgang")
    status = models.CharField(
        _("Status"), max_length=10, choices=StapStatus, default=StapStatus.OPEN
    )
    datum = models.DateField(_("Datum"), null=True, blank=True)
    geholpen_door = models.CharField(_("Geholpen door"), max_length=150, blank=True)
    toelichting = models.CharField(_("Toelichting"), max_length=300, blank=True)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    gewijzigd_op = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("voortgang maatschappelijke begeleiding")
        verbose_name_plural = _("voortgang maatschappelijke begeleiding")
        constraints = [
            models.UniqueConstraint(fields=["dossier", "stap"], name="begeleiding_stap_eenmaal"),
            models.CheckConstraint(
                condition=models.Q(status="open", datum__isnull=True)
                | (models.Q(status="afgerond") & models.Q(datum__isnull=False))
                | models.Q(status="nvt"),
                name="begeleiding_afgerond_heeft_datum",
            ),
        ]

    def __str__(self):
        return f"{self.stap_id}: {self.status}"
