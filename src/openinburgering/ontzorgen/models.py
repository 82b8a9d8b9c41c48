"""Bijstand periods from Werk & Inkomen, the ontzorgen decision with its fixed costs and
afbouw steps, and the payment runs (issue 19; ADR 0078–0081)."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from openinburgering.besluiten.models import Beschikking
from openinburgering.gemeenten.models import Gemeente
from openinburgering.inburgeraars.models import Dossier

from .workflow import NIET_BETAALD, BesluitStatus, BetalingStatus, RunStatus


class Beleid(models.Model):
    """The gemeente's own ontzorgen policy and the account payments are made from."""

    gemeente = models.OneToOneField(Gemeente, on_delete=models.CASCADE, related_name="+")
    toestemming_vereist = models.BooleanField(
        _("Toestemming (machtiging) van de nieuwkomer vereist"), default=True
    )
    rekeninghouder = models.CharField(_("Naam rekeninghouder"), max_length=70, blank=True)
    iban = models.CharField(_("IBAN van de gemeente"), max_length=34, blank=True)
    bic = models.CharField(_("BIC"), max_length=11, blank=True)

    class Meta:
        verbose_name = _("ontzorgbeleid")
        verbose_name_plural = _("ontzorgbeleid")

    def __str__(self):
        return f"Ontzorgbeleid {self.gemeente_id}"


class DatumBron(models.TextChoices):
    API = "api", _("Werk & Inkomen (API)")
    IMPORT = "import", _("Importbestand")
    HANDMATIG = "handmatig", _("Handmatig ingevoerd")


class Bijstandsperiode(models.Model):
    """A period with a right to bijstand, as Werk & Inkomen knows it. Each date keeps its source
    (the API, a file and row, a person), shown wherever the date is shown (ADR 0078)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="bijstand")
    #: The income system's own key of the period: a repeated delivery updates, never duplicates.
    extern_kenmerk = models.CharField(_("Kenmerk bij Werk & Inkomen"), max_length=80)
    start = models.DateField(_("Start bijstand"))
    start_bron = models.CharField(max_length=20, choices=DatumBron)
    start_bron_detail = models.CharField(max_length=200, blank=True)
    einde = models.DateField(_("Einde bijstand (laatste dag)"), null=True, blank=True)
    einde_bron = models.CharField(max_length=20, choices=DatumBron, blank=True)
    einde_bron_detail = models.CharField(max_length=200, blank=True)
    gewijzigd_op = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("bijstandsperiode")
        verbose_name_plural = _("bijstandsperiodes")
        ordering = ["start", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["gemeente", "extern_kenmerk"], name="ontzorgen_bijstand_kenmerk_uniek"
            ),
            models.CheckConstraint(
                condition=Q(einde__isnull=True) | Q(einde__gte=F("start")),
                name="ontzorgen_bijstand_einde_na_start",
            ),
        ]

    def __str__(self):
        return f"Bijstand {self.extern_kenmerk}"


class ImportStatus(models.TextChoices):
    VOORBEELD = "voorbeeld", _("Voorbeeld (nog niet verwerkt)")
    VERWERKT = "verwerkt", _("Verwerkt")


class Bijstandimport(models.Model):
    """An uploaded file of bijstand periods: checked and shown first, committed on request.
    The rows hold dossier ids, never a BSN."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    bestandsnaam = models.CharField(max_length=200)
    sha256 = models.CharField(max_length=64)
    status = models.CharField(max_length=20, choices=ImportStatus, default=ImportStatus.VOORBEELD)
    regels = models.JSONField(default=list)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-aangemaakt_op", "-id"]

    def __str__(self):
        return self.bestandsnaam


class Ontzorgbesluit(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    dossier = models.ForeignKey(
        Dossier, on_delete=models.CASCADE, related_name="ontzorgen_besluiten"
    )
    bijstandsperiode = models.ForeignKey(
        Bijstandsperiode, on_delete=models.RESTRICT, related_name="besluiten"
    )
    status = models.CharField(max_length=20, choices=BesluitStatus, default=BesluitStatus.CONCEPT)
    afbouwplan = models.TextField(_("Afbouwplan naar financiële zelfredzaamheid"), blank=True)
    toestemming_op = models.DateField(
        _("Toestemming (machtiging) gegeven op"), null=True, blank=True
    )
    dagtekening = models.DateField(null=True, blank=True)
    start = models.DateField(null=True, blank=True)
    einde = models.DateField(_("Laatste dag ontzorgen"), null=True, blank=True)
    verlengd_tot = models.DateField(null=True, blank=True)
    gestopt_op = models.DateField(null=True, blank=True)
    wijziging_reden = models.TextField(blank=True)
    beschikking = models.OneToOneField(
        Beschikking, null=True, blank=True, on_delete=models.RESTRICT, related_name="ontzorgbesluit"
    )
    brief_pad = models.CharField(max_length=300, blank=True, editable=False)
    brief_sha256 = models.CharField(max_length=64, blank=True, editable=False)
    versie = models.PositiveIntegerField(default=1)
    vastgesteld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("ontzorgbesluit")
        verbose_name_plural = _("ontzorgbesluiten")
        ordering = ["-id"]

    def __str__(self):
        return f"Ontzorgbesluit {self.uuid}"


class Post(models.TextChoices):
    HUUR = "huur", _("Huur")
    ENERGIE = "energie", _("Energie")
    WATER = "water", _("Water")
    ZORGVERZEKERING = "zorgverzekering", _("Zorgverzekering")
    OVERIG = "overig", _("Overige vaste last")


class Frequentie(models.TextChoices):
    MAANDELIJKS = "maandelijks", _("Per maand")
    PER_KWARTAAL = "per_kwartaal", _("Per kwartaal")
    PER_JAAR = "per_jaar", _("Per jaar")


class VasteLast(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    besluit = models.ForeignKey(Ontzorgbesluit, on_delete=models.CASCADE, related_name="lasten")
    post = models.CharField(_("Soort vaste last"), max_length=20, choices=Post)
    begunstigde = models.CharField(_("Begunstigde"), max_length=70)
    iban = models.CharField(_("IBAN"), max_length=34)
    bedrag_centen = models.PositiveIntegerField(_("Bedrag in centen"))
    frequentie = models.CharField(_("Frequentie"), max_length=20, choices=Frequentie)
    contractreferentie = models.CharField(_("Contract- of klantnummer"), max_length=35)

    class Meta:
        ordering = ["post", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(bedrag_centen__gt=0), name="ontzorgen_vaste_last_bedrag_positief"
            )
        ]

    def __str__(self):
        return f"{self.get_post_display()} {self.contractreferentie}"


class Afbouwstap(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    besluit = models.ForeignKey(Ontzorgbesluit, on_delete=models.CASCADE, related_name="stappen")
    omschrijving = models.CharField(_("Afgesproken stap"), max_length=300)
    datum = models.DateField(_("Uiterlijk"))
    afgerond = models.BooleanField(default=False)

    class Meta:
        ordering = ["datum", "id"]

    def __str__(self):
        return self.omschrijving


class Betaalrun(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    maand = models.DateField(_("Maand"))
    uitvoerdatum = models.DateField(_("Uitvoerdatum"))
    status = models.CharField(max_length=20, choices=RunStatus, default=RunStatus.CONCEPT)
    gemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    goedgekeurd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    goedgekeurd_op = models.DateTimeField(null=True, blank=True)
    bericht_id = models.CharField(max_length=35, blank=True)
    bestand = models.TextField(blank=True, editable=False)
    sha256 = models.CharField(max_length=64, blank=True, editable=False)
    totaal_centen = models.PositiveBigIntegerField(default=0)
    aantal = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-maand", "-id"]
        indexes = [models.Index(fields=["gemeente", "maand"])]

    def __str__(self):
        return f"Betaalrun {self.maand:%m-%Y}"


class Betaling(models.Model):
    """One payment: a fixed cost for one period. Paid at most once (the constraint): a period
    comes back in a later run only when its payment was refused or returned (ADR 0080)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    run = models.ForeignKey(Betaalrun, on_delete=models.CASCADE, related_name="betalingen")
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="+")
    vaste_last = models.ForeignKey(VasteLast, on_delete=models.RESTRICT, related_name="betalingen")
    periode = models.DateField(_("Periode (maand)"))
    bedrag_centen = models.PositiveIntegerField()
    end_to_end_id = models.CharField(max_length=35, unique=True)
    status = models.CharField(max_length=20, choices=BetalingStatus, default=BetalingStatus.IN_RUN)
    reden = models.CharField(_("Reden van de bank"), max_length=200, blank=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["vaste_last", "periode"],
                condition=~Q(status__in=NIET_BETAALD),
                name="ontzorgen_betaling_eenmaal_per_periode",
            ),
            models.CheckConstraint(
                condition=Q(bedrag_centen__gt=0), name="ontzorgen_betaling_bedrag_positief"
            ),
        ]

    def __str__(self):
        return self.end_to_end_id
