"""The kennisbank: curated entries a beheerder maintains, each with its source and date (ADR 0071).

Entries are national knowledge (law, money, tools, practice), not a gemeente's data: they have
no tenant. ``plaatsen`` says on which pages a short box shows them (``plaatsen.Plaats``);
``regels`` links them to rules of the catalogue.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Artikel(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    #: A stable key for the start content (the data migration matches on it); URLs use the uuid.
    slug = models.SlugField(_("sleutel"), max_length=80, unique=True, editable=False)
    titel = models.CharField(_("titel"), max_length=200)
    samenvatting = models.CharField(
        _("samenvatting"), max_length=300, help_text=_("Eén of twee zinnen; ook in het kader.")
    )
    #: Plain text; paragraphs are separated by an empty line. Shown escaped, never as HTML.
    tekst = models.TextField(_("tekst"))
    bron_titel = models.CharField(_("bron"), max_length=200)
    bron_url = models.URLField(_("link naar de bron"), max_length=500, blank=True)
    bron_datum = models.DateField(_("datum van de bron"))
    tags = models.CharField(
        _("trefwoorden"), max_length=300, blank=True, help_text=_("Gescheiden door komma's.")
    )
    #: Pages that show this entry in the box "Uit de kennisbank" (values of ``plaatsen.Plaats``).
    plaatsen = models.JSONField(_("tonen bij"), default=list, blank=True)
    #: Rule ids of the catalogue this entry explains, e.g. ["R34", "R35"].
    regels = models.JSONField(_("regels"), default=list, blank=True)
    gepubliceerd = models.BooleanField(_("gepubliceerd"), default=True)
    bijgewerkt_op = models.DateTimeField(auto_now=True)
    bijgewerkt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    versie = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("kennisbankartikel")
        verbose_name_plural = _("kennisbankartikelen")
        ordering = ["titel", "id"]

    def __str__(self):
        return self.titel

    @property
    def taglijst(self) -> list[str]:
        return [t.strip() for t in self.tags.split(",") if t.strip()]

    @property
    def alineas(self) -> list[str]:
        return [a.strip() for a in self.tekst.replace("\r\n", "\n").split("\n\n") if a.strip()]
