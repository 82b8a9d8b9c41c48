"""Language schools (cursusinstellingen), contracts, referrals and what schools report.

The register of institutions is national (DUO's list of recognised institutions); contracts,
referrals and everything attached to them belong to one gemeente. A school's staff see a referral
only through ``selectors.deelnemer_*``, which returns the referred fields and nothing else.
"""

import secrets
import uuid
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from openinburgering.core.teksten import veld_weergeven
from openinburgering.gemeenten.models import Gemeente
from openinburgering.inburgeraars.models import Dossier, Inburgeraar

from .codes import (
    ACTIEF,
    ALFABETISERING,
    ERK_NIVEAUS,
    EXAMENNIVEAUS,
    LEERROUTES,
    NIVEAUS,
    ONDERDELEN,
    AandachtspuntSoort,
    AandachtspuntStatus,
    Afrekenbasis,
    Beoordeling,
    Bron,
    DuoMelding,
    Prijsmodel,
    UploadStatus,
    VerwijzingStatus,
    Verzuimreden,
)

instellingsnummer_validator = RegexValidator(
    r"^[0-9A-Za-z]{10}$", _("Een instellingsnummer van DUO bestaat uit 10 tekens.")
)
UREN = [MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("999.9"))]


class Instelling(models.Model):
    """A course provider as DUO knows it (``GET /instellingen``), plus our own contact details."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    instellingsnummer = models.CharField(
        _("instellingsnummer"), max_length=10, unique=True, validators=[instellingsnummer_validator]
    )
    naam = models.CharField(_("naam"), max_length=128)
    postcode = models.CharField(_("postcode"), max_length=6)
    huisnummer = models.PositiveIntegerField(_("huisnummer"))
    huisnummertoevoeging = models.CharField(_("toevoeging"), max_length=4, blank=True)
    plaatsnaam = models.CharField(_("plaats"), max_length=40)
    bow_nummer = models.CharField(_("registratienummer Blik op Werk"), max_length=10, blank=True)
    brin = models.CharField(_("BRIN"), max_length=4, blank=True)
    keurmerk_bow = models.BooleanField(_("keurmerk Blik op Werk"), default=False)
    keurmerk_tst = models.BooleanField(_("erkend voor het taalschakeltraject (TST)"), default=False)
    erkend_bij_duo = models.BooleanField(
        _("in de lijst van DUO"),
        default=True,
        help_text=_(
            "Uit als de instelling niet meer in DUO's lijst van erkende instellingen staat."
        ),
    )
    bijgewerkt_uit_duo_op = models.DateTimeField(_("laatst bijgewerkt uit DUO"), null=True)

    class Meta:
        verbose_name = _("cursusinstelling")
        verbose_name_plural = _("cursusinstellingen")
        ordering = ["naam"]

    def __str__(self):
        return self.naam

    @property
    def adres(self) -> str:
        nummer = f"{self.huisnummer}{self.huisnummertoevoeging and ' ' + self.huisnummertoevoeging}"
        return f"{self.postcode} {nummer}, {self.plaatsnaam}"


class InstellingContact(models.Model):
    """One gemeente's contact person at a school. The register is national and a school serves
    several gemeenten; each keeps its own contact there, and only writes its own (issue 15)."""

    gemeente = models.ForeignKey(Gemeente, on_delete=models.CASCADE, related_name="+")
    instelling = models.ForeignKey(Instelling, on_delete=models.CASCADE, related_name="contacten")
    contactpersoon = models.CharField(_("contactpersoon"), max_length=100, blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    telefoon = models.CharField(_("telefoonnummer"), max_length=20, blank=True)

    class Meta:
        verbose_name = _("contact bij een cursusinstelling")
        verbose_name_plural = _("contacten bij cursusinstellingen")
        constraints = [
            models.UniqueConstraint(
                fields=["gemeente", "instelling"], name="instellingcontact_een_per_gemeente"
            )
        ]

    def __str__(self):
        return f"{self.instelling} ({self.gemeente})"


class InstellingMedewerker(models.Model):
    """A user who works for a school. School staff are not members of a gemeente."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="taalaanbieder"
    )
    instelling = models.ForeignKey(Instelling, on_delete=models.CASCADE, related_name="medewerkers")

    class Meta:
        verbose_name = _("medewerker van een taalaanbieder")
        verbose_name_plural = _("medewerkers van taalaanbieders")

    def __str__(self):
        return f"{self.user} ({self.instelling})"


class Contract(models.Model):
    """A gemeente's contract with one school: routes, price, hours, capacity, period and terms."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="contracten")
    instelling = models.ForeignKey(Instelling, on_delete=models.PROTECT, related_name="contracten")
    kenmerk = models.CharField(_("contractkenmerk"), max_length=50)
    leerroutes = models.JSONField(_("leerroutes"), default=list)
    niveaus = models.JSONField(_("niveaus"), default=list, blank=True)
    prijsmodel = models.CharField(_("prijsmodel"), max_length=20, choices=Prijsmodel)
    tarief = models.DecimalField(
        _("tarief (euro)"),
        max_digits=10,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0"))],
        help_text=_("De reële prijs: per traject of per lesuur, volgens het prijsmodel."),
    )
    afrekenbasis = models.CharField(
        _("afrekenen over"),
        max_length=20,
        choices=Afrekenbasis,
        default=Afrekenbasis.AANGEBODEN,
        help_text=_(
            "Alleen bij een prijs per lesuur: betaalt de gemeente aangeboden of gevolgde uren?"
        ),
    )
    uren_per_week = models.PositiveSmallIntegerField(
        _("lesuren per week"), validators=[MinValueValidator(1), MaxValueValidator(40)]
    )
    capaciteit = models.PositiveIntegerField(
        _("aantal plaatsen"), validators=[MinValueValidator(1)]
    )
    startdatum = models.DateField(_("ingangsdatum"))
    einddatum = models.DateField(_("einddatum (laatste dag)"))
    contractwaarde = models.DecimalField(
        _("contractwaarde (euro)"),
        max_digits=12,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0"))],
    )
    verzuim_drempel_procent = models.PositiveSmallIntegerField(
        _("verzuimgrens (procent)"),
        default=20,
        validators=[MaxValueValidator(100)],
        help_text=_(
            "Meldt de school in een periode meer verzuim dan dit deel van de aangeboden uren, "
            "dan krijgt de klantregisseur een aandachtspunt."
        ),
    )
    verzuimafspraken = models.TextField(_("afspraken over verzuim"), blank=True)
    resultaatafspraken = models.TextField(_("afspraken over resultaat"), blank=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("contract")
        verbose_name_plural = _("contracten")
        ordering = ["-startdatum", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(einddatum__gte=models.F("startdatum")),
                name="contract_einde_na_start",
            ),
            models.CheckConstraint(
                condition=models.Q(verzuim_drempel_procent__lte=100),
                name="contract_verzuimgrens_procent",
            ),
            models.UniqueConstraint(
                fields=["gemeente", "kenmerk"], name="contract_kenmerk_uniek_per_gemeente"
            ),
        ]

    def __str__(self):
        return f"{self.kenmerk} – {self.instelling}"

    @property
    def leerroute_labels(self) -> str:
        routes = dict(LEERROUTES)
        return ", ".join(str(routes.get(r, r)) for r in self.leerroutes)


def nieuw_kenmerk() -> str:
    """A short code schools use in their own administration and upload files (never a BSN)."""
    alfabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "VW-" + "".join(secrets.choice(alfabet) for _ in range(6))


class Verwijzing(models.Model):
    """The inburgeringsaanbod: a referral of an asielstatushouder to a school under contract."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kenmerk = models.CharField(_("kenmerk"), max_length=12, unique=True, default=nieuw_kenmerk)
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="verwijzingen")
    inburgeraar = models.ForeignKey(
        Inburgeraar, on_delete=models.CASCADE, related_name="verwijzingen"
    )
    contract = models.ForeignKey(Contract, on_delete=models.PROTECT, related_name="verwijzingen")
    instelling = models.ForeignKey(
        Instelling, on_delete=models.PROTECT, related_name="verwijzingen"
    )
    leerroute = models.CharField(_("leerroute"), max_length=1, choices=LEERROUTES)
    niveau = models.CharField(_("niveau"), max_length=2, choices=NIVEAUS, blank=True)
    uren_per_week = models.PositiveSmallIntegerField(
        _("intensiteit (lesuren per week)"),
        validators=[MinValueValidator(1), MaxValueValidator(40)],
    )
    datum_inburgeringsaanbod = models.DateField(_("inschrijfdatum (datum inburgeringsaanbod)"))
    verwachte_startdatum = models.DateField(_("verwachte startdatum"))
    verwachte_einddatum = models.DateField(_("verwachte einddatum"), null=True, blank=True)
    alfabetisering = models.CharField(
        _("alfabetisering"), max_length=3, choices=ALFABETISERING, default="NVT"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=VerwijzingStatus, default=VerwijzingStatus.VERWEZEN
    )
    verwezen_op = models.DateTimeField(_("verwezen op"), auto_now_add=True)
    verwezen_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    intake_bevestigd_op = models.DateField(_("intake bij de school op"), null=True, blank=True)
    beeindigd_op = models.DateField(_("beëindigd op"), null=True, blank=True)
    duo_melding = models.CharField(
        _("melding bij DUO"), max_length=20, choices=DuoMelding, blank=True
    )

    class Meta:
        verbose_name = _("verwijzing")
        verbose_name_plural = _("verwijzingen")
        ordering = ["-id"]
        constraints = [
            # R38: one current aanbod per person per institution; a new one replaces it.
            models.UniqueConstraint(
                fields=["inburgeraar", "instelling"],
                condition=models.Q(status__in=[s.value for s in ACTIEF]),
                name="verwijzing_een_actief_per_instelling",
            ),
        ]
        indexes = [
            models.Index(fields=["instelling", "status"]),
            models.Index(fields=["contract", "status"]),
            # The gemeente's referrals in the API's order, with and without a status: one index
            # range for any tenant, not a walk down the primary key past other gemeenten's.
            models.Index(fields=["gemeente", "id"], name="verwijzing_gemeente_id_idx"),
            models.Index(fields=["gemeente", "status", "id"], name="verwijzing_gem_status_idx"),
        ]

    def __str__(self):
        return f"Verwijzing {self.kenmerk}"

    @property
    def actief(self) -> bool:
        return self.status in ACTIEF


class EigenCursus(models.Model):
    """Gezinsmigranten and overige migranten choose and pay their own course: where, if known."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    inburgeraar = models.ForeignKey(
        Inburgeraar, on_delete=models.CASCADE, related_name="eigen_cursussen"
    )
    instelling = models.ForeignKey(
        Instelling, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    naam_instelling = models.CharField(
        _("naam van de school (als die niet in de lijst staat)"), max_length=128, blank=True
    )
    sinds = models.DateField(_("volgt de cursus sinds"), null=True, blank=True)
    vastgelegd_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("eigen cursus")
        verbose_name_plural = _("eigen cursussen")
        ordering = ["-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(instelling__isnull=False) | ~models.Q(naam_instelling=""),
                name="eigen_cursus_heeft_school",
            )
        ]

    def __str__(self):
        return self.naam_instelling or str(self.instelling)

    @property
    def school(self) -> str:
        return str(self.instelling) if self.instelling_id else self.naam_instelling


class Gemeld(models.Model):
    """What every school report has: which referral, who reported it, when and how."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    verwijzing = models.ForeignKey(Verwijzing, on_delete=models.CASCADE, related_name="+")
    gemeld_op = models.DateTimeField(auto_now_add=True)
    gemeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        abstract = True


class Urenregel(Gemeld):
    """Attendance for one week or month: hours offered, attended (of which in class), absence."""

    verwijzing = models.ForeignKey(Verwijzing, on_delete=models.CASCADE, related_name="urenregels")
    periode_start = models.DateField(_("eerste dag van de periode"))
    periode_einde = models.DateField(_("laatste dag van de periode"))
    uren_aangeboden = models.DecimalField(
        _("aangeboden uren"), max_digits=5, decimal_places=1, validators=UREN
    )
    uren_aanwezig = models.DecimalField(
        _("aanwezig (uren)"), max_digits=5, decimal_places=1, validators=UREN
    )
    uren_fysiek = models.DecimalField(
        _("waarvan in de klas (uren)"), max_digits=5, decimal_places=1, validators=UREN
    )
    verzuimreden = models.CharField(
        _("reden van verzuim"), max_length=20, choices=Verzuimreden, blank=True
    )
    toelichting = models.CharField(_("toelichting"), max_length=200, blank=True)
    bron = models.CharField(max_length=20, choices=Bron, default=Bron.PORTAAL)

    class Meta:
        verbose_name = _("urenregel")
        verbose_name_plural = _("urenregels")
        ordering = ["-periode_start", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["verwijzing", "periode_start", "periode_einde"],
                name="urenregel_een_per_periode",
            ),
            models.CheckConstraint(
                condition=models.Q(periode_einde__gte=models.F("periode_start")),
                name="urenregel_einde_na_start",
            ),
            models.CheckConstraint(
                condition=models.Q(uren_aanwezig__lte=models.F("uren_aangeboden"))
                & models.Q(uren_fysiek__lte=models.F("uren_aanwezig")),
                name="urenregel_aanwezig_binnen_aangeboden",
            ),
        ]

    def __str__(self):
        return f"{self.periode_start} – {self.periode_einde}"

    @property
    def uren_verzuim(self) -> Decimal:
        return self.uren_aangeboden - self.uren_aanwezig


class Voortgangsverslag(Gemeld):
    verwijzing = models.ForeignKey(
        Verwijzing, on_delete=models.CASCADE, related_name="voortgangsverslagen"
    )
    datum = models.DateField(_("datum"))
    onderdeel = models.CharField(_("onderdeel"), max_length=3, choices=ONDERDELEN)
    niveau = models.CharField(_("huidig niveau"), max_length=2, choices=ERK_NIVEAUS, blank=True)
    beoordeling = models.CharField(_("beoordeling"), max_length=20, choices=Beoordeling)
    toelichting = models.TextField(_("toelichting"), max_length=1000, blank=True)

    class Meta:
        verbose_name = _("voortgangsverslag")
        verbose_name_plural = _("voortgangsverslagen")
        ordering = ["-datum", "-id"]

    def __str__(self):
        return f"{self.onderdeel} {self.datum}"


class Examendatum(Gemeld):
    verwijzing = models.ForeignKey(Verwijzing, on_delete=models.CASCADE, related_name="examens")
    onderdeel = models.CharField(_("onderdeel"), max_length=3, choices=ONDERDELEN)
    niveau = models.CharField(_("examenniveau"), max_length=2, choices=EXAMENNIVEAUS)
    datum = models.DateField(_("examendatum"))

    class Meta:
        verbose_name = _("examendatum")
        verbose_name_plural = _("examendatums")
        ordering = ["datum", "id"]

    def __str__(self):
        return f"{self.onderdeel} {self.datum}"


class Afschaaladvies(Gemeld):
    """The school's advice to lower the level from B1 to A2; stored only when R21 allows it."""

    verwijzing = models.ForeignKey(
        Verwijzing, on_delete=models.CASCADE, related_name="afschaaladviezen"
    )
    lesuren = models.PositiveIntegerField(_("lesuren bij scholen met keurmerk"))
    lesuren_fysiek = models.PositiveIntegerField(_("waarvan in de klas"))
    b1_onhaalbaar = models.BooleanField(_("B1 is binnen de termijn niet haalbaar"))
    voldoende_inspanning = models.BooleanField(_("de deelnemer heeft zich voldoende ingespannen"))
    motivering = models.TextField(_("motivering"), max_length=2000)

    class Meta:
        verbose_name = _("afschaaladvies")
        verbose_name_plural = _("afschaaladviezen")
        ordering = ["-id"]

    def __str__(self):
        return f"Afschaaladvies {self.gemeld_op:%Y-%m-%d}"


class Aandachtspunt(models.Model):
    """A school report that needs the caseworker: a work item on the dossier and the worklist.

    Shaped like the DUO integration's work items (uuid, dossier, titel, deadline, regel, status);
    ``werklijst`` registers the open ones as a source of the worklist (ADR 0051).
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    dossier = models.ForeignKey(
        Dossier, on_delete=models.CASCADE, related_name="taalaanbieder_aandachtspunten"
    )
    verwijzing = models.ForeignKey(
        Verwijzing, on_delete=models.CASCADE, related_name="aandachtspunten"
    )
    soort = models.CharField(_("soort"), max_length=20, choices=AandachtspuntSoort)
    titel = models.CharField(_("titel"), max_length=200)
    toelichting = models.TextField(_("toelichting"), blank=True)
    #: ``titel``/``toelichting`` as msgids with parameters (``core.teksten``), for the reader's
    #: language; the fields themselves hold the Dutch text.
    teksten = models.JSONField(default=dict, blank=True)
    regel = models.CharField(_("regel"), max_length=10, blank=True)
    deadline = models.DateField(_("uiterlijk"), null=True, blank=True)
    status = models.CharField(
        max_length=20, choices=AandachtspuntStatus, default=AandachtspuntStatus.OPEN
    )
    sleutel = models.CharField(max_length=120)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    afgehandeld_op = models.DateTimeField(null=True, blank=True)
    afgehandeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("aandachtspunt van een taalaanbieder")
        verbose_name_plural = _("aandachtspunten van taalaanbieders")
        ordering = ["aangemaakt_op", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["sleutel"],
                condition=models.Q(status="open"),
                name="aandachtspunt_open_sleutel_uniek",
            )
        ]
        indexes = [models.Index(fields=["gemeente", "status", "id"])]

    def __str__(self):
        return self.titel

    @property
    def titel_weergave(self) -> str:
        return veld_weergeven(self, "titel")

    @property
    def toelichting_weergave(self) -> str:
        return veld_weergeven(self, "toelichting")


class Urenupload(models.Model):
    """A file of hours a school uploaded: read and checked by a task, never in the web request.

    The file's bytes are kept only until the task has read them (ADR 0055); what remains is the
    outcome: the checked good rows (to import on request) and the report per bad row.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    instelling = models.ForeignKey(Instelling, on_delete=models.CASCADE, related_name="uploads")
    geupload_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    bestandsnaam = models.CharField(_("bestandsnaam"), max_length=255)
    inhoud = models.BinaryField(editable=False, default=bytes)
    status = models.CharField(
        _("status"), max_length=20, choices=UploadStatus, default=UploadStatus.WACHT
    )
    melding = models.TextField(_("melding"), blank=True)
    aantal_regels = models.PositiveIntegerField(default=0)
    aantal_geimporteerd = models.PositiveIntegerField(default=0)
    goed = models.JSONField(default=list, blank=True)
    fout = models.JSONField(default=list, blank=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    #: When a worker began reading it: a read that began long ago and never ended was cut off.
    gestart_op = models.DateTimeField(null=True, blank=True)
    afgerond_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("upload met uren")
        verbose_name_plural = _("uploads met uren")
        ordering = ["-aangemaakt_op", "-id"]

    def __str__(self):
        return self.bestandsnaam
