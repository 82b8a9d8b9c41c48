"""Enforcement by the college: a case per violation, each Awb step a dated entry with a letter.

Art. 22 Wi2021 (brede intake, € 250 fixed, R30/R31) and art. 23 (PIP obligations, at most € 800,
R32); obligations from the Participatiewet are routed to a Pw measure, not fined (R33); the power
to fine lapses after 3 or 5 years (R53). The amounts and the article come from ``regels``.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from openinburgering.gemeenten.models import Gemeente
from openinburgering.inburgeraars.codes import keuzes
from openinburgering.inburgeraars.models import Dossier
from openinburgering.regels.codes import Verplichting


class ZaakStatus(models.TextChoices):
    OPEN = "open", _("Loopt")
    PARTICIPATIEWET = "participatiewet", _("Doorgezet naar de Participatiewet")
    BESLOTEN = "besloten", _("Boete opgelegd")
    GESTOPT = "gestopt", _("Gestopt zonder boete")


class Handhavingszaak(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="handhavingszaken")
    verplichting = models.CharField(
        _("Welke verplichting is niet nagekomen?"), max_length=30, choices=keuzes(Verplichting)
    )
    #: "Wi2021 art. 22", "Wi2021 art. 23" or "Pw art. 18", from regels.handhaving.sanctiegrondslag.
    artikel = models.CharField(max_length=20, editable=False)
    overtredingsdatum = models.DateField(_("Datum van de overtreding"))
    omschrijving = models.TextField(_("Wat is er gebeurd?"))
    genegeerde_oproepen = models.PositiveSmallIntegerField(
        _("Aantal genegeerde oproepen voor de brede intake"), default=0
    )
    status = models.CharField(max_length=20, choices=ZaakStatus, default=ZaakStatus.OPEN)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("handhavingszaak")
        verbose_name_plural = _("handhavingszaken")
        ordering = ["-aangemaakt_op", "-id"]
        # The API's list in its own order (newest id first), with and without a status: one
        # index range for any tenant.
        indexes = [
            models.Index(fields=["gemeente", "status", "id"], name="zaak_gemeente_status_idx"),
            models.Index(fields=["gemeente", "id"], name="zaak_gemeente_id_idx"),
        ]

    def __str__(self):
        return f"{self.artikel} {self.overtredingsdatum}"


class StapSoort(models.TextChoices):
    WAARSCHUWING = "waarschuwing", _("Schriftelijke waarschuwing")
    VOORNEMEN = "voornemen", _("Voornemen tot boete (zienswijze)")
    ZIENSWIJZE = "zienswijze", _("Zienswijze ontvangen")
    BESLUIT = "besluit", _("Besluit: boete opgelegd")
    PARTICIPATIEWET = "participatiewet", _("Doorgezet naar de Participatiewet")
    STOP = "stop", _("Gestopt zonder boete")


class Handhavingsstap(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    zaak = models.ForeignKey(Handhavingszaak, on_delete=models.CASCADE, related_name="stappen")
    soort = models.CharField(max_length=20, choices=StapSoort)
    datum = models.DateField(_("Datum (dagtekening)"))
    bedrag = models.DecimalField(_("Bedrag"), max_digits=7, decimal_places=2, null=True, blank=True)
    matigingsreden = models.TextField(_("Reden voor een lager bedrag"), blank=True)
    toelichting = models.TextField(_("Toelichting / rapport"), blank=True)
    zienswijze_uiterlijk = models.DateField(null=True, blank=True)
    # Only the besluit step is a beschikking (with its bezwaar term and bezwaren).
    beschikking = models.OneToOneField(
        "besluiten.Beschikking",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.RESTRICT,
        related_name="handhavingsstap",
    )
    regel = models.CharField(max_length=10, blank=True)
    uitleg = models.TextField(blank=True)
    brief_pad = models.CharField(max_length=300, blank=True, editable=False)
    brief_sha256 = models.CharField(max_length=64, blank=True, editable=False)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("handhavingsstap")
        verbose_name_plural = _("handhavingsstappen")
        ordering = ["datum", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(bedrag__isnull=True) | models.Q(bedrag__gt=0),
                name="handhaving_bedrag_positief",
            )
        ]

    def __str__(self):
        return f"{self.soort} {self.datum}"

    @property
    def bezwaar_uiterlijk(self):
        """Until when bezwaar is possible (R23), as the beschikking holds it (besluit only)."""
        return self.beschikking.bezwaar_uiterlijk if self.beschikking is not None else None
