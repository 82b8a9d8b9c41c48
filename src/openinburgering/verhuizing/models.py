"""A move between gemeenten: what was reported, the handover the old gemeente made and what the
new gemeente took over (R75–R77, ADR 0066, 0067)."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from openinburgering.gemeenten.models import Gemeente
from openinburgering.inburgeraars.models import Dossier


class Richting(models.TextChoices):
    VERTREK = "vertrek", _("Vertrokken naar een andere gemeente")
    VESTIGING = "vestiging", _("Gevestigd vanuit een andere gemeente")


class Meldingbron(models.TextChoices):
    BRP = "brp", _("BRP")
    DUO = "duo", _("DUO")


class Verhuismelding(models.Model):
    """A move as the BRP or DUO reported it (SS120, SS121, SS122 or another gemeente of
    registration); the dossier card shows the latest."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="verhuismeldingen")
    richting = models.CharField(_("richting"), max_length=20, choices=Richting)
    bron = models.CharField(_("bron"), max_length=10, choices=Meldingbron)
    #: DUO's event id (SS120, SS121, SS122); empty for the BRP.
    gebeurtenis = models.CharField(max_length=10, blank=True)
    #: The other gemeente, when the source names it (the BRP does, DUO's events do not).
    andere_gemeentecode = models.CharField(_("andere gemeente (code)"), max_length=4, blank=True)
    andere_gemeentenaam = models.CharField(_("andere gemeente"), max_length=100, blank=True)
    datum = models.DateField(_("datum"))
    gemeld_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("verhuismelding")
        verbose_name_plural = _("verhuismeldingen")
        ordering = ["-gemeld_op", "-id"]
        indexes = [models.Index(fields=["dossier", "-gemeld_op"])]

    def __str__(self):
        return f"{self.richting} {self.datum:%Y-%m-%d}"


class Overdracht(models.Model):
    """The handover package the old gemeente made when it closed the dossier (R76): a PDF for
    people and a JSON file (``schema/overdracht-v1.schema.json``) for the new gemeente's system.
    Both under PRIVATE_MEDIA_ROOT, handed out only by views that check role and gemeente."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    dossier = models.OneToOneField(Dossier, on_delete=models.CASCADE, related_name="overdracht")
    naar_gemeentecode = models.CharField(_("nieuwe gemeente (code)"), max_length=4)
    naar_gemeentenaam = models.CharField(_("nieuwe gemeente"), max_length=100)
    schemaversie = models.PositiveSmallIntegerField()
    pdf_pad = models.CharField(max_length=300, editable=False)
    pdf_sha256 = models.CharField(max_length=64, editable=False)
    json_pad = models.CharField(max_length=300, editable=False)
    json_sha256 = models.CharField(max_length=64, editable=False)
    kenmerk = models.CharField(max_length=40, editable=False)
    gemaakt_op = models.DateTimeField(auto_now_add=True)
    gemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("overdracht")
        verbose_name_plural = _("overdrachten")

    def __str__(self):
        return f"Overdracht {self.uuid}"


class Overname(models.Model):
    """A handover file the new gemeente read in (R77): the file as received, kept as the
    dossier's history from the previous gemeente (shown as such, never mixed with its own)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    dossier = models.OneToOneField(Dossier, on_delete=models.CASCADE, related_name="overname")
    #: The ``overdracht.uuid`` in the file: the old gemeente's handover this came from.
    overdracht_uuid = models.UUIDField()
    van_gemeentecode = models.CharField(_("vorige gemeente (code)"), max_length=4)
    van_gemeentenaam = models.CharField(_("vorige gemeente"), max_length=100)
    schemaversie = models.PositiveSmallIntegerField()
    inhoud = models.JSONField()
    sha256 = models.CharField(max_length=64)
    ingelezen_op = models.DateTimeField(auto_now_add=True)
    ingelezen_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("overname")
        verbose_name_plural = _("overnames")

    def __str__(self):
        return f"Overname {self.uuid}"
