"""Work items: one row per deadline the engine derived from a dossier's facts via ``regels``."""

import uuid
from datetime import date

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from openinburgering.gemeenten.models import Gemeente
from openinburgering.inburgeraars.models import Dossier

GEEN_DEADLINE = date(9999, 12, 31)


class Soort(models.TextChoices):
    PIP_TERMIJN = "pip_termijn", _("PIP vaststellen binnen 10 weken")
    INTAKE_STARTEN = "intake_starten", _("Brede intake starten")
    INTAKE_AFRONDEN = "intake_afronden", _("Brede intake afronden")
    PIP_CONCEPT = "pip_concept", _("Concept-PIP afmaken en vaststellen")
    BEZWAAR = "bezwaar", _("Beslissen op bezwaar")
    VOORTGANGSGESPREK = "voortgangsgesprek", _("Voortgangsgesprek voeren")
    GESPREK_GEMIST = "gesprek_gemist", _("Voortgangsgesprek gemist")
    SCHAKELTERMIJN = "schakeltermijn", _("Schakeltermijn loopt af")
    TERMIJN_EINDE = "termijn_einde", _("Inburgeringstermijn loopt af")
    AOW = "aow", _("AOW-leeftijd binnen 6 maanden")
    DUO = "duo", _("Melding van DUO")
    SCHOOL = "school", _("Melding van een taalaanbieder")
    BEGELEIDING = "begeleiding", _("Stap maatschappelijke begeleiding over tijd")
    PORTAAL = "portaal", _("Bericht van de inburgeraar (portaal)")


class SignaalStatus(models.TextChoices):
    OPEN = "open", _("Open")
    AFGEHANDELD = "afgehandeld", _("Afgehandeld")


class Signaal(models.Model):
    """One work item on the worklist.

    The engine owns the row: it opens it while the facts call for it and closes it when they no
    longer do. ``sleutel`` names the fact (dossier, kind and object) so a recomputation updates
    the same row instead of adding a new one; assignment survives recomputation.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # No single-column indexes on the foreign keys: the composite indexes below start with them,
    # and every extra index slows the engine's bulk inserts.
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, related_name="signalen", db_index=False
    )
    dossier = models.ForeignKey(
        Dossier, on_delete=models.CASCADE, related_name="signalen", db_index=False
    )
    soort = models.CharField(_("soort"), max_length=30, choices=Soort)
    sleutel = models.CharField(max_length=120)
    deadline = models.DateField(_("uiterlijk"), null=True, blank=True)
    #: The deadline, or the last possible date when there is none: the worklist's urgency order
    #: as one indexed column, so keyset pagination stays constant-cost.
    sorteerdatum = models.DateField(default=GEEN_DEADLINE, editable=False)
    regel = models.CharField(_("regel"), max_length=10, blank=True)
    uitleg = models.TextField(_("uitleg"), blank=True)
    #: The same explanation in English: ``regels`` explains itself in both languages, and the
    #: worklist shows the one the reader reads.
    uitleg_en = models.TextField(blank=True)
    #: For DUO items: DUO's own title (the integration's work item kind).
    titel = models.CharField(max_length=200, blank=True)
    #: The object where the item is resolved (PIP version, talk, objection, DUO work item).
    object_uuid = models.UUIDField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=SignaalStatus, default=SignaalStatus.OPEN)
    toegewezen_aan = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="signalen",
        db_index=False,
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    gewijzigd_op = models.DateTimeField(auto_now=True)
    afgehandeld_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("signaal")
        verbose_name_plural = _("signalen")
        constraints = [
            models.UniqueConstraint(
                fields=["sleutel"],
                condition=models.Q(status="open"),
                name="signaal_open_sleutel_uniek",
            )
        ]
        indexes = [
            models.Index(fields=["gemeente", "status", "sorteerdatum", "id"]),
            models.Index(fields=["toegewezen_aan", "status", "sorteerdatum", "id"]),
            models.Index(fields=["dossier", "status"]),
        ]

    def __str__(self):
        return f"{self.get_soort_display()} ({self.deadline})"
