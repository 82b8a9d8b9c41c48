"""What the newcomer sends to their klantregisseur through the portal."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from openinburgering.gemeenten.models import Gemeente
from openinburgering.inburgeraars.models import Dossier


class BerichtStatus(models.TextChoices):
    NIEUW = "nieuw", _("Nieuw")
    AFGEHANDELD = "afgehandeld", _("Afgehandeld")


class Bericht(models.Model):
    """A message, with at most one document, from the newcomer. Stored as plain text: it is
    never rendered as markup (templates escape it)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="portaalberichten")
    onderwerp = models.CharField(_("onderwerp"), max_length=100)
    tekst = models.TextField(_("bericht"), max_length=2000)
    # Path relative to PRIVATE_MEDIA_ROOT; never under MEDIA_ROOT or STATIC_ROOT.
    bijlage_pad = models.CharField(max_length=300, blank=True, editable=False)
    bijlage_naam = models.CharField(max_length=150, blank=True, editable=False)
    bijlage_soort = models.CharField(max_length=50, blank=True, editable=False)
    bijlage_sha256 = models.CharField(max_length=64, blank=True, editable=False)
    verstuurd_op = models.DateTimeField(auto_now_add=True)
    status = models.CharField(max_length=20, choices=BerichtStatus, default=BerichtStatus.NIEUW)
    afgehandeld_op = models.DateTimeField(null=True, blank=True)
    afgehandeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("bericht van de inburgeraar")
        verbose_name_plural = _("berichten van de inburgeraar")
        ordering = ["-verstuurd_op", "-id"]
        indexes = [models.Index(fields=["dossier", "status"])]

    def __str__(self):
        return f"Bericht {self.uuid}"
