"""A formal decision (beschikking) of any kind and the bezwaren against it (Awb ch. 6 and 7).

The decision itself (the PIP version, the fine) stays with the app that made it and points here;
this app holds what every decision shares: when it was taken and made known, until when
bezwaar is possible (R23), its status, and each bezwaar with its decision term (R67).
"""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from openinburgering.gemeenten.models import Gemeente
from openinburgering.inburgeraars.models import Dossier

from .workflow import BeschikkingStatus, BezwaarUitkomst


class Soort(models.TextChoices):
    PIP = "pip", _("PIP")
    BOETE = "boete", _("Boete")
    ONTZORGEN = "ontzorgen", _("Ontzorgen")


class Beschikking(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="beschikkingen")
    soort = models.CharField(_("Soort besluit"), max_length=20, choices=Soort)
    #: What the decision is about, as the caseworker knows it ("PIP 2", "Boete € 250").
    omschrijving = models.CharField(_("Omschrijving"), max_length=200)
    datum = models.DateField(_("Datum van het besluit (dagtekening)"))
    bekendgemaakt_op = models.DateField(_("Bekendgemaakt (verzonden) op"))
    bezwaar_uiterlijk = models.DateField(_("Bezwaar mogelijk tot en met"))
    status = models.CharField(
        _("Status"),
        max_length=20,
        choices=BeschikkingStatus,
        default=BeschikkingStatus.BEKENDGEMAAKT,
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("beschikking")
        verbose_name_plural = _("beschikkingen")
        ordering = ["-datum", "-id"]
        indexes = [models.Index(fields=["gemeente", "dossier"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(bekendgemaakt_op__gte=models.F("datum")),
                name="beschikking_bekend_na_besluit",
            ),
            models.CheckConstraint(
                condition=models.Q(bezwaar_uiterlijk__gt=models.F("bekendgemaakt_op")),
                name="beschikking_bezwaar_na_bekendmaking",
            ),
        ]

    def __str__(self):
        return f"{self.get_soort_display()}: {self.omschrijving}"


class Bezwaar(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    beschikking = models.ForeignKey(Beschikking, on_delete=models.CASCADE, related_name="bezwaren")
    ontvangen_op = models.DateField(_("Bezwaarschrift ontvangen op"))
    datum_ter_post = models.DateField(_("Op de post gedaan op"), null=True, blank=True)
    tijdig = models.BooleanField(default=True)
    tijdigheid_uitleg = models.TextField(blank=True)
    adviescommissie = models.BooleanField(_("Bezwaarcommissie geeft advies"), default=False)
    verdaagd = models.BooleanField(_("Beslissing verdaagd (max. 6 weken)"), default=False)
    beslissen_uiterlijk = models.DateField(_("beslissen uiterlijk"))
    uitkomst = models.CharField(
        _("Uitkomst"), max_length=20, choices=BezwaarUitkomst, default=BezwaarUitkomst.OPEN
    )
    beslist_op = models.DateField(_("Beslist op"), null=True, blank=True)
    toelichting = models.TextField(_("Toelichting"), blank=True)
    #: The letter that tells the objector of the postponement (Awb 7:10 lid 3 asks it in writing).
    verdaging_brief_pad = models.CharField(max_length=300, blank=True, editable=False)
    verdaging_brief_sha256 = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        verbose_name = _("bezwaar")
        verbose_name_plural = _("bezwaren")
        ordering = ["-ontvangen_op", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(uitkomst="open", beslist_op__isnull=True)
                | (~models.Q(uitkomst="open") & models.Q(beslist_op__isnull=False)),
                name="besluiten_bezwaar_beslist_heeft_datum",
            )
        ]

    def __str__(self):
        return f"Bezwaar {self.ontvangen_op:%d-%m-%Y}"
