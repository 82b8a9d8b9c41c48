"""The route in progress: PVT groups, MAP activities, hours, exam results and what goes to DUO.

``Afronding`` holds, per dossier and component, exactly what DUO's MAP-PVT-Zroute API receives:
the date (signing, final interview, Z-route completion) and the culpability judgement. Everything
else here is the gemeente's own administration behind those facts.
"""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from openinburgering.gemeenten.models import Gemeente
from openinburgering.inburgeraars.codes import keuzes
from openinburgering.inburgeraars.models import Dossier
from openinburgering.regels.codes import (
    Examenniveau,
    Examenonderdeel,
    Examenresultaat,
    JaNee,
    RedenGeenResultaat,
)


class Onderdeel(models.TextChoices):
    PVT = "pvt", _("Participatieverklaringstraject (PVT)")
    MAP = "map", _("Module Arbeidsmarkt en Participatie (MAP)")
    ZROUTE = "zroute", _("Z-route")


class Afronding(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="afrondingen")
    onderdeel = models.CharField(_("Onderdeel"), max_length=10, choices=Onderdeel)
    datum = models.DateField(_("Datum"), null=True, blank=True)
    verwijtbaar = models.CharField(
        _("Verwijtbaar niet op tijd"), max_length=3, choices=keuzes(JaNee), blank=True
    )
    motivering = models.TextField(_("Motivering van het oordeel"), blank=True)
    # The last message content handed to the DUO outbox (exactly DUO's JSON).
    duo_inhoud = models.JSONField(null=True, blank=True, editable=False)
    duo_klaargezet_op = models.DateTimeField(null=True, blank=True, editable=False)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    gewijzigd_op = models.DateTimeField(auto_now=True)
    versie = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("afronding")
        verbose_name_plural = _("afrondingen")
        constraints = [
            models.UniqueConstraint(
                fields=["dossier", "onderdeel"], name="traject_afronding_per_onderdeel"
            )
        ]

    def __str__(self):
        return f"{self.onderdeel} {self.datum}"


# --- PVT ------------------------------------------------------------------------------------------


class PvtGroep(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="pvt_groepen")
    naam = models.CharField(_("Naam van de groep"), max_length=120)
    locatie = models.CharField(_("Locatie"), max_length=200)
    taal = models.CharField(
        _("Voertaal"), max_length=60, help_text=_("Bijvoorbeeld: Nederlands, Arabisch, Tigrinya.")
    )
    tolk = models.CharField(
        _("Tolk"),
        max_length=60,
        blank=True,
        help_text=_("Taal van de tolk, als er een tolk bij is."),
    )
    capaciteit = models.PositiveSmallIntegerField(
        _("Maximaal aantal deelnemers"), validators=[MinValueValidator(1), MaxValueValidator(200)]
    )
    begeleider = models.CharField(_("Begeleider (trainer)"), max_length=120)
    opmerkingen = models.TextField(_("Opmerkingen"), blank=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("PVT-groep")
        verbose_name_plural = _("PVT-groepen")
        ordering = ["-aangemaakt_op", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(capaciteit__gte=1, capaciteit__lte=200),
                name="traject_pvt_capaciteit",
            )
        ]

    def __str__(self):
        return self.naam


class PvtBijeenkomst(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    groep = models.ForeignKey(PvtGroep, on_delete=models.CASCADE, related_name="bijeenkomsten")
    datum = models.DateField(_("Datum"))
    begintijd = models.TimeField(_("Begintijd"))
    eindtijd = models.TimeField(_("Eindtijd"))
    onderwerp = models.CharField(_("Onderwerp"), max_length=200)

    class Meta:
        verbose_name = _("PVT-bijeenkomst")
        verbose_name_plural = _("PVT-bijeenkomsten")
        ordering = ["datum", "begintijd", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(eindtijd__gt=models.F("begintijd")),
                name="traject_bijeenkomst_eind_na_begin",
            )
        ]

    def __str__(self):
        return f"{self.onderwerp} {self.datum}"


class PvtMateriaal(models.Model):
    """A title with a link, or an uploaded file kept under PRIVATE_MEDIA_ROOT."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    bijeenkomst = models.ForeignKey(
        PvtBijeenkomst, on_delete=models.CASCADE, related_name="materialen"
    )
    titel = models.CharField(_("Titel"), max_length=200)
    link = models.URLField(_("Link"), blank=True)
    bestand_pad = models.CharField(max_length=300, blank=True, editable=False)
    bestandsnaam = models.CharField(max_length=200, blank=True, editable=False)
    sha256 = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        verbose_name = _("lesmateriaal")
        verbose_name_plural = _("lesmateriaal")
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=(~models.Q(link="") & models.Q(bestand_pad=""))
                | (models.Q(link="") & ~models.Q(bestand_pad="")),
                name="traject_materiaal_link_of_bestand",
            )
        ]

    def __str__(self):
        return self.titel


class DeelnameStatus(models.TextChoices):
    UITGENODIGD = "uitgenodigd", _("Uitgenodigd")
    AFGEMELD = "afgemeld", _("Afgemeld")


class PvtDeelname(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    groep = models.ForeignKey(PvtGroep, on_delete=models.CASCADE, related_name="deelnames")
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="pvt_deelnames")
    status = models.CharField(
        max_length=15, choices=DeelnameStatus, default=DeelnameStatus.UITGENODIGD
    )
    uitgenodigd_op = models.DateField(_("Uitgenodigd op"))

    class Meta:
        verbose_name = _("deelname PVT")
        verbose_name_plural = _("deelnames PVT")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["groep", "dossier"], name="traject_pvt_deelname_uniek")
        ]

    def __str__(self):
        return f"{self.groep_id}/{self.dossier_id}"


class Aanwezigheid(models.TextChoices):
    AANWEZIG = "aanwezig", _("Aanwezig")
    AFGEMELD = "afgemeld", _("Afwezig, afgemeld")
    AFWEZIG = "afwezig", _("Afwezig zonder bericht")


class PvtAanwezigheid(models.Model):
    deelname = models.ForeignKey(PvtDeelname, on_delete=models.CASCADE, related_name="aanwezigheid")
    bijeenkomst = models.ForeignKey(
        PvtBijeenkomst, on_delete=models.CASCADE, related_name="aanwezigheid"
    )
    status = models.CharField(max_length=10, choices=Aanwezigheid)

    class Meta:
        verbose_name = _("aanwezigheid")
        verbose_name_plural = _("aanwezigheid")
        constraints = [
            models.UniqueConstraint(
                fields=["deelname", "bijeenkomst"], name="traject_aanwezigheid_uniek"
            )
        ]

    def __str__(self):
        return self.status


# --- MAP and hours --------------------------------------------------------------------------------


class MapSoort(models.TextChoices):
    WORKSHOP = "workshop", _("Workshop of themabijeenkomst")
    WERKERVARING = "werkervaring", _("Werkervaringsplek of stage")
    VRIJWILLIGERSWERK = "vrijwilligerswerk", _("Vrijwilligerswerk")
    GESPREK = "gesprek", _("Loopbaangesprek of coaching")
    OVERIG = "overig", _("Overig")


class MapActiviteit(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="map_activiteiten")
    soort = models.CharField(_("Soort activiteit"), max_length=20, choices=MapSoort)
    omschrijving = models.CharField(_("Omschrijving"), max_length=200)
    datum = models.DateField(_("Datum (of laatste dag)"))
    uren = models.DecimalField(_("Uren"), max_digits=5, decimal_places=1)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("MAP-activiteit")
        verbose_name_plural = _("MAP-activiteiten")
        ordering = ["-datum", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(uren__gt=0, uren__lte=400), name="traject_map_uren_redelijk"
            )
        ]

    def __str__(self):
        return self.omschrijving


class UrenSoort(models.TextChoices):
    """What the hours are; each kind maps onto one of DUO's GevolgdeUren totals."""

    TAAL = "taal", _("Taalles en KNM in de leerroute (bij de taalaanbieder)")
    PARTICIPATIE = "participatie", _("Participatie (Z-route, begeleiding, Participatiewet)")
    TAAL_BREDE_INTAKE = "taal_brede_intake", _("Taalles en KNM tijdens de brede intake")
    PARTICIPATIE_BREDE_INTAKE = (
        "participatie_brede_intake",
        _("Participatie tijdens de brede intake"),
    )


class Urenregistratie(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="urenregistraties")
    soort = models.CharField(_("Soort uren"), max_length=30, choices=UrenSoort)
    periode_start = models.DateField(_("Periode van"))
    periode_einde = models.DateField(_("Periode tot en met"))
    uren = models.PositiveIntegerField(_("Uren"))
    omschrijving = models.CharField(_("Omschrijving"), max_length=200, blank=True)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("urenregistratie")
        verbose_name_plural = _("urenregistraties")
        ordering = ["-periode_einde", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(periode_einde__gte=models.F("periode_start")),
                name="traject_uren_periode_oplopend",
            )
        ]

    def __str__(self):
        return f"{self.soort} {self.uren}"


# --- exams (from DUO) -----------------------------------------------------------------------------


class ExamenUitslag(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="examenuitslagen")
    onderdeel = models.CharField(max_length=3, choices=keuzes(Examenonderdeel))
    niveau = models.CharField(max_length=2, choices=keuzes(Examenniveau), blank=True)
    examendatum = models.DateField()
    resultaat = models.CharField(max_length=10, choices=keuzes(Examenresultaat))
    reden_geen_resultaat = models.CharField(
        max_length=20, choices=keuzes(RedenGeenResultaat), blank=True
    )
    ontvangen_op = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("examenuitslag")
        verbose_name_plural = _("examenuitslagen")
        ordering = ["onderdeel", "-examendatum"]
        constraints = [
            models.UniqueConstraint(
                fields=["dossier", "onderdeel", "niveau", "examendatum"],
                name="traject_examenuitslag_uniek",
            )
        ]

    def __str__(self):
        return f"{self.onderdeel} {self.examendatum} {self.resultaat}"


class GratisPogingen(models.Model):
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="gratis_pogingen")
    onderdeel = models.CharField(max_length=3, choices=keuzes(Examenonderdeel))
    tegoed = models.PositiveSmallIntegerField()
    bijgewerkt_op = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("gratis examenpogingen")
        verbose_name_plural = _("gratis examenpogingen")
        constraints = [
            models.UniqueConstraint(
                fields=["dossier", "onderdeel"], name="traject_gratis_pogingen_uniek"
            )
        ]

    def __str__(self):
        return f"{self.onderdeel}: {self.tegoed}"
