"""The PIP as versions: a draft (concept), each vastgestelde version a beschikking with a letter."""

import uuid
from datetime import date

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from openinburgering.gemeenten.models import Gemeente
from openinburgering.inburgeraars.codes import keuzes
from openinburgering.inburgeraars.models import Dossier
from openinburgering.regels.codes import Alfabetisering, Leerroute, Niveau


class PipStatus(models.TextChoices):
    CONCEPT = "concept", _("Concept")
    VASTGESTELD = "vastgesteld", _("Vastgesteld (geldend)")
    VERVANGEN = "vervangen", _("Vervangen door een nieuwere versie")


class Wijzigingsreden(models.TextChoices):
    EERSTE = "eerste", _("Eerste PIP")
    SCHAKELEN = "schakelen", _("Schakelen naar een andere leerroute")
    AFSCHALEN = "afschalen", _("Afschalen van B1 naar A2")
    VERHUIZING = "verhuizing", _("Verhuizing naar deze gemeente")
    OVERIG = "overig", _("Andere aanpassing")


class Samenvattingstaal(models.TextChoices):
    """The summary a beschikking carried, set at vaststellen from the person's languages
    (``brieven.samenvattingen``); empty: a note in Dutch and English that there is none."""

    GEEN = "", _("Geen samenvatting in de taal van de persoon")
    NL = "nl", _("Nederlands (geen samenvatting nodig)")
    EN = "en", _("Engels (English)")
    AR = "ar", _("Arabisch (العربية)")
    FA = "fa", _("Perzisch (فارسی)")
    PRS = "prs", _("Dari (دری)")
    TR = "tr", _("Turks (Türkçe)")
    SO = "so", _("Somalisch (Soomaali)")
    UK = "uk", _("Oekraïens (Українська)")
    TI = "ti", _("Tigrinya (ትግርኛ)")


class PipVersie(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="pip_versies")
    volgnummer = models.PositiveIntegerField()
    status = models.CharField(max_length=20, choices=PipStatus, default=PipStatus.CONCEPT)
    reden = models.CharField(
        _("Soort PIP"), max_length=20, choices=Wijzigingsreden, default=Wijzigingsreden.EERSTE
    )
    reden_toelichting = models.TextField(_("Waarom deze wijziging?"), blank=True)
    dagtekening = models.DateField(_("Dagtekening (datum van het besluit)"), null=True, blank=True)
    leerroute = models.CharField(
        _("Leerroute"), max_length=1, choices=keuzes(Leerroute), blank=True
    )
    niveau = models.CharField(_("Taalniveau"), max_length=2, choices=keuzes(Niveau), blank=True)
    geschatte_intensiteit_b1_route = models.PositiveIntegerField(
        _("Geschatte intensiteit B1-route (uren)"), null=True, blank=True
    )
    mag_opleiding_afmaken = models.BooleanField(
        _("Mag de huidige opleiding afmaken"), default=False
    )
    alfabetisering = models.CharField(
        _("Alfabetisering"),
        max_length=3,
        choices=keuzes(Alfabetisering),
        default=Alfabetisering.NVT.value,
    )
    begeleiding = models.TextField(_("Begeleiding en ondersteuning door de gemeente"), blank=True)
    pvt_inhoud = models.TextField(_("Participatieverklaringstraject (PVT): inhoud"), blank=True)
    pvt_intensiteit = models.CharField(_("PVT: intensiteit"), max_length=200, blank=True)
    map_inhoud = models.TextField(
        _("Module Arbeidsmarkt en Participatie (MAP): inhoud"), blank=True
    )
    map_intensiteit = models.CharField(_("MAP: intensiteit"), max_length=200, blank=True)
    ontzorgen = models.TextField(_("Ontzorgen (alleen asielstatushouders)"), blank=True)
    randvoorwaarden = models.TextField(_("Kinderopvang en andere randvoorwaarden"), blank=True)
    voortgang = models.TextField(_("Hoe volgen we de voortgang?"), blank=True)
    gesprek_frequentie_weken = models.PositiveSmallIntegerField(
        _("Voortgangsgesprek elke … weken"), null=True, blank=True
    )
    afspraken = models.TextField(_("Afspraken en verplichtingen"), blank=True)
    motivering_leerroute = models.TextField(_("Motivering van de leerroute"), blank=True)
    # Facts for afschalen (R21), only used with reden = afschalen.
    lesuren = models.PositiveIntegerField(
        _("Lesuren bij een school met keurmerk"), null=True, blank=True
    )
    lesuren_fysiek = models.PositiveIntegerField(
        _("Waarvan fysieke lesuren"), null=True, blank=True
    )
    b1_onhaalbaar = models.BooleanField(_("B1 is binnen de termijn niet haalbaar"), default=False)
    voldoende_inspanning = models.BooleanField(
        _("De persoon heeft zich voldoende ingespannen"), default=False
    )
    samenvatting_taal = models.CharField(
        _("Samenvatting in de taal van de persoon"),
        max_length=3,
        choices=Samenvattingstaal,
        blank=True,
        default="",
    )
    versie = models.PositiveIntegerField(default=1)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    gewijzigd_op = models.DateTimeField(auto_now=True)
    vastgesteld_op = models.DateTimeField(null=True, blank=True)
    vastgesteld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The decision every vastgestelde version is: its bezwaar term, status and bezwaren.
    beschikking = models.OneToOneField(
        "besluiten.Beschikking",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.RESTRICT,
        related_name="pip_versie",
    )
    # Path relative to PRIVATE_MEDIA_ROOT; never under MEDIA_ROOT or STATIC_ROOT.
    beschikking_pad = models.CharField(max_length=300, blank=True, editable=False)
    beschikking_sha256 = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        verbose_name = _("PIP-versie")
        verbose_name_plural = _("PIP-versies")
        ordering = ["-volgnummer"]
        constraints = [
            models.UniqueConstraint(
                fields=["dossier", "volgnummer"], name="pip_volgnummer_uniek_per_dossier"
            ),
            models.UniqueConstraint(
                fields=["dossier"],
                condition=models.Q(status="concept"),
                name="pip_een_concept_per_dossier",
            ),
            models.UniqueConstraint(
                fields=["dossier"],
                condition=models.Q(status="vastgesteld"),
                name="pip_een_geldende_versie_per_dossier",
            ),
            models.CheckConstraint(
                condition=models.Q(status="concept")
                | (
                    models.Q(dagtekening__isnull=False, vastgesteld_op__isnull=False)
                    & ~models.Q(beschikking_pad="")
                ),
                name="pip_vastgesteld_heeft_beschikking",
            ),
        ]
        indexes = [models.Index(fields=["dossier", "status"])]

    def __str__(self):
        return f"PIP {self.volgnummer} ({self.get_status_display()})"

    @property
    def is_concept(self) -> bool:
        return self.status == PipStatus.CONCEPT

    @property
    def bezwaar_uiterlijk(self) -> date | None:
        """Until when bezwaar is possible (R23), as the beschikking holds it; none for a concept."""
        return self.beschikking.bezwaar_uiterlijk if self.beschikking is not None else None

    @property
    def vastgestelde_dagtekening(self) -> date:
        """The dagtekening of a decided PIP (every version past concept, or one being decided)."""
        # The check constraint pip_vastgesteld_heeft_beschikking: only a concept may lack it.
        assert self.dagtekening is not None, "a decided PIP always has a dagtekening"
        return self.dagtekening


class GesprekStatus(models.TextChoices):
    GEPLAND = "gepland", _("Gepland")
    GEVOERD = "gevoerd", _("Gevoerd")
    GEMIST = "gemist", _("Gemist")
    VERVALLEN = "vervallen", _("Vervallen (dossier overgedragen)")


class Beoordeling(models.TextChoices):
    NVT = "", _("Niet besproken")
    OP_SCHEMA = "op_schema", _("Op schema")
    AANDACHT = "aandacht", _("Aandacht nodig")
    ACHTER = "achter", _("Loopt achter")


class Voortgangsgesprek(models.Model):
    """A progress talk, planned from the PIP's monitoring agreement (R24, R66)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    dossier = models.ForeignKey(
        Dossier, on_delete=models.CASCADE, related_name="voortgangsgesprekken"
    )
    pip_versie = models.ForeignKey(
        PipVersie, on_delete=models.PROTECT, related_name="voortgangsgesprekken"
    )
    gepland_op = models.DateField(_("Gepland op"))
    medewerker = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(max_length=20, choices=GesprekStatus, default=GesprekStatus.GEPLAND)
    gevoerd_op = models.DateField(_("Gevoerd op"), null=True, blank=True)
    taal = models.CharField(_("Taal"), max_length=20, choices=Beoordeling, blank=True)
    knm = models.CharField(_("KNM"), max_length=20, choices=Beoordeling, blank=True)
    pvt = models.CharField(_("PVT"), max_length=20, choices=Beoordeling, blank=True)
    map = models.CharField(_("MAP"), max_length=20, choices=Beoordeling, blank=True)
    participatie = models.CharField(
        _("Participatie"), max_length=20, choices=Beoordeling, blank=True
    )
    notities = models.TextField(_("Verslag"), blank=True)
    versie = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("voortgangsgesprek")
        verbose_name_plural = _("voortgangsgesprekken")
        ordering = ["gepland_op", "id"]
        indexes = [models.Index(fields=["gemeente", "medewerker", "status", "gepland_op"])]

    def __str__(self):
        return f"Voortgangsgesprek {self.gepland_op:%d-%m-%Y}"
