"""The quarterly SWI delivery to CBS: each build with its file, its check report and its record.

A delivery (``Levering``) is built by a task, kept with its file (the exact bytes), and then
recorded as delivered by the person who uploaded it to CBS's portal. Late data go in a
correction (``vervangt`` points at the delivery it corrects); the old file stays as it was.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from openinburgering.gemeenten.models import Gemeente


class LeveringStatus(models.TextChoices):
    WACHT = "wacht", _("Wacht op verwerking")
    BEZIG = "bezig", _("Wordt samengesteld")
    KLAAR = "klaar", _("Klaar om te leveren")
    MISLUKT = "mislukt", _("Mislukt")
    AANGELEVERD = "aangeleverd", _("Aangeleverd aan het CBS")


class Levering(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    #: The berichtgever: the gemeente whose staff builds and delivers (the tenant of this row).
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    #: The gemeenten in the file: the berichtgever's own, or several it delivers for (R81).
    gemeenten = models.ManyToManyField(Gemeente, related_name="+")
    jaar = models.PositiveSmallIntegerField(_("jaar"))
    kwartaal = models.PositiveSmallIntegerField(_("kwartaal"))
    #: The delivery this one corrects (late data, R80): a re-delivery of the same quarter.
    vervangt = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="correcties",
        verbose_name=_("corrigeert"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=LeveringStatus, default=LeveringStatus.WACHT
    )
    totaal = models.PositiveIntegerField(default=0)
    verwerkt = models.PositiveIntegerField(default=0)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    gestart_op = models.DateTimeField(null=True, blank=True)
    klaar_op = models.DateTimeField(null=True, blank=True)
    #: The file exactly as built and validated; kept after delivery (what CBS received).
    bestand = models.BinaryField(default=b"", editable=False)
    bestand_sha256 = models.CharField(max_length=64, blank=True, editable=False)
    formaatversie = models.CharField(max_length=40, blank=True, editable=False)
    aantal_personen = models.PositiveIntegerField(default=0)
    #: The check report: per dossier (uuid, number, gemeente) its findings, never a BSN or name.
    controle = models.JSONField(default=list, blank=True)
    melding = models.TextField(blank=True)
    aangeleverd_op = models.DateTimeField(_("aangeleverd op"), null=True, blank=True)
    aangeleverd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("aangeleverd door"),
    )
    kenmerk_cbs = models.CharField(
        _("kenmerk of bevestiging van het CBS"), max_length=100, blank=True
    )

    class Meta:
        verbose_name = _("CBS-levering")
        verbose_name_plural = _("CBS-leveringen")
        ordering = ["-aangemaakt_op", "-id"]
        indexes = [models.Index(fields=["gemeente", "-aangemaakt_op"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kwartaal__gte=1, kwartaal__lte=4), name="cbs_kwartaal_1_tot_4"
            ),
            models.CheckConstraint(
                condition=~models.Q(status="aangeleverd") | models.Q(aangeleverd_op__isnull=False),
                name="cbs_aangeleverd_heeft_datum",
            ),
        ]

    def __str__(self):
        return f"SWI {self.jaar}-K{self.kwartaal}"

    @property
    def correctie(self) -> bool:
        return self.vervangt_id is not None

    @property
    def procent(self) -> int:
        return round(100 * self.verwerkt / self.totaal) if self.totaal else 0

    @property
    def bestandsnaam(self) -> str:
        soort = "-correctie" if self.correctie else ""
        kort = self.uuid.hex[:8]
        return f"swi-{self.gemeente.code}-{self.jaar}-k{self.kwartaal}{soort}-{kort}.xml"

    @property
    def aantal_bevindingen(self) -> int:
        return sum(len(rij["bevindingen"]) for rij in self.controle)
