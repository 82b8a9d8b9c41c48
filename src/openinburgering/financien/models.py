"""Money: the grants of the Rijk per year and the costs booked per person (ADR 0082).

Amounts are whole cents (``bedrag_cent``). A booking is never changed or deleted: a mistake is
put right with a reversing booking (``corrigeert``), so the books always show what happened.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from openinburgering.gemeenten.models import Gemeente
from openinburgering.inburgeraars.models import Inburgeraar
from openinburgering.regels.financiering import Bekostigingsbron, Kostensoort


class Bijdragesoort(models.TextChoices):
    SPUK_ASIEL = "spuk_asiel", _("Specifieke uitkering Wi2021: asielstatushouders")
    SPUK_GEZIN = "spuk_gezin", _("Specifieke uitkering Wi2021: gezins- en overige migranten")
    SPUK_ONDERWIJSROUTE = "spuk_onderwijsroute", _("Specifieke uitkering onderwijsroute")
    WI2013 = "wi2013", _("Wi2013-middelen: begeleiding en PVT (€ 2.370 per statushouder)")
    STRUCTUREEL = (
        "structureel",
        _("Structurele middelen Wi2021 in de algemene uitkering (landelijk € 35,2 miljoen)"),
    )


#: Which money (R92) each kind of grant is.
BRON_VAN_BIJDRAGE = {
    Bijdragesoort.SPUK_ASIEL: Bekostigingsbron.SPUK,
    Bijdragesoort.SPUK_GEZIN: Bekostigingsbron.SPUK,
    Bijdragesoort.SPUK_ONDERWIJSROUTE: Bekostigingsbron.SPUK,
    Bijdragesoort.WI2013: Bekostigingsbron.WI2013,
    Bijdragesoort.STRUCTUREEL: Bekostigingsbron.ALGEMENE_UITKERING,
}

KOSTENSOORTEN = [
    (Kostensoort.CURSUS.value, _("Cursus (leerroute)")),
    (Kostensoort.MAP.value, _("MAP (module arbeidsmarkt en participatie)")),
    (Kostensoort.PVT.value, _("PVT (participatieverklaringstraject)")),
    (Kostensoort.TOLK.value, _("Tolk")),
    (Kostensoort.BEGELEIDING.value, _("Maatschappelijke begeleiding")),
    (Kostensoort.ONTZORGEN_ADMINISTRATIE.value, _("Administratie ontzorgen")),
]
BRONNEN = [
    (Bekostigingsbron.SPUK.value, _("Specifieke uitkering Wi2021")),
    (Bekostigingsbron.WI2013.value, _("Wi2013-middelen")),
    (Bekostigingsbron.ALGEMENE_UITKERING.value, _("Algemene uitkering")),
]


class Herkomst(models.TextChoices):
    HANDMATIG = "handmatig", _("Handmatig geboekt")
    VERWIJZING = "verwijzing", _("Afgeleid uit een verwijzing (vaste prijs per traject)")
    UREN = "uren", _("Afgeleid uit gemelde uren (prijs per lesuur)")


class Rijksbijdrage(models.Model):
    """One grant of the Rijk to one gemeente for one year, with its legal basis."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    jaar = models.PositiveSmallIntegerField(_("jaar"))
    soort = models.CharField(_("soort bijdrage"), max_length=30, choices=Bijdragesoort)
    bedrag_cent = models.BigIntegerField(_("bedrag (cent)"))
    aantal_personen = models.PositiveIntegerField(
        _("aantal personen waarop het bedrag is gebaseerd"), null=True, blank=True
    )
    grondslag = models.TextField(_("grondslag"))
    regeling = models.CharField(_("regeling en artikel"), max_length=200)
    vastgelegd_op = models.DateTimeField(auto_now_add=True)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("rijksbijdrage")
        verbose_name_plural = _("rijksbijdragen")
        ordering = ["-jaar", "soort"]
        constraints = [
            models.UniqueConstraint(
                fields=["gemeente", "jaar", "soort"], name="financien_bijdrage_een_per_jaar_soort"
            ),
            models.CheckConstraint(
                condition=models.Q(bedrag_cent__gte=0), name="financien_bijdrage_niet_negatief"
            ),
        ]

    def __str__(self):
        return f"{self.get_soort_display()} {self.jaar}"


class BoekingQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise TypeError("Boekingen worden nooit gewijzigd; boek een correctie (ADR 0082).")

    def delete(self):
        raise TypeError("Boekingen worden nooit verwijderd; boek een correctie (ADR 0082).")


class Kostenboeking(models.Model):
    """One cost for one person, or the reversal of one (append-only)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    # SET_NULL: when a dossier is destroyed after its retention term (ADR 0060) the money stays
    # in the books, without the person; cohort, regime and target group are kept for the sums.
    inburgeraar = models.ForeignKey(
        Inburgeraar, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    cohort = models.PositiveSmallIntegerField(_("cohort"), null=True)
    regime = models.CharField(_("regime"), max_length=10)
    doelgroep = models.CharField(_("doelgroep"), max_length=40)
    soort = models.CharField(_("kostensoort"), max_length=30, choices=KOSTENSOORTEN)
    bron = models.CharField(_("bekostigd uit"), max_length=30, choices=BRONNEN)
    bedrag_cent = models.BigIntegerField(_("bedrag (cent)"))
    datum = models.DateField(_("datum van de kosten"))
    leerroute = models.CharField(_("leerroute"), max_length=1, blank=True)
    contract = models.ForeignKey(
        "taalaanbieders.Contract", null=True, on_delete=models.PROTECT, related_name="+"
    )
    herkomst = models.CharField(_("herkomst"), max_length=20, choices=Herkomst)
    #: Where a derived booking came from, in words ("Verwijzing VW-… onder contract …").
    herkomst_omschrijving = models.CharField(_("afgeleid uit"), max_length=300, blank=True)
    #: What a derived booking was derived from, so deriving again books nothing twice.
    bronsleutel = models.CharField(max_length=80, null=True, unique=True)
    reden = models.TextField(_("reden"), blank=True)
    corrigeert = models.OneToOneField(
        "self", null=True, on_delete=models.PROTECT, related_name="correctie"
    )
    geboekt_op = models.DateTimeField(auto_now_add=True)
    geboekt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    geboekt_door_naam = models.CharField(max_length=200, blank=True)

    objects = BoekingQuerySet.as_manager()

    class Meta:
        verbose_name = _("kostenboeking")
        verbose_name_plural = _("kostenboekingen")
        ordering = ["-datum", "-id"]
        constraints = [
            # A cost is positive; only a reversal is negative, and it names what it reverses.
            models.CheckConstraint(
                condition=models.Q(corrigeert__isnull=True, bedrag_cent__gt=0)
                | models.Q(corrigeert__isnull=False, bedrag_cent__lt=0),
                name="financien_boeking_teken",
            ),
        ]
        indexes = [
            models.Index(fields=["gemeente", "datum"]),
            models.Index(fields=["gemeente", "cohort"]),
            models.Index(fields=["inburgeraar", "datum"]),
        ]

    def __str__(self):
        return f"{self.get_soort_display()} {self.datum}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise TypeError("Boekingen worden nooit gewijzigd; boek een correctie (ADR 0082).")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError("Boekingen worden nooit verwijderd; boek een correctie (ADR 0082).")

    @property
    def is_correctie(self) -> bool:
        return self.corrigeert_id is not None
