import re
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from django_countries.fields import CountryField

from openinburgering.core import bsn as bsn_tools
from openinburgering.core.teksten import weergeven
from openinburgering.gemeenten.models import Gemeente

from .codes import Doelgroep, GedetailleerdeDoelgroep, Regime, Verblijfsdoel, keuzes
from .workflow import Eindreden, Status

#: Shown wherever a name is displayed while it is not yet known (a person DUO announced).
NAAM_ONBEKEND = _("Naam nog onbekend")


POSTCODE_FOUT = _("Een postcode is 4 cijfers en 2 letters, bijvoorbeeld 1234 AB.")


def postcode_normaliseren(waarde: str) -> str:
    """``1234ab`` → ``1234 AB``, as a letter prints it; ValueError when it is no Dutch postcode."""
    kaal = re.sub(r"\s+", "", waarde).upper()
    if not kaal:
        return ""
    if not re.fullmatch(r"[1-9][0-9]{3}[A-Z]{2}", kaal):
        raise ValueError(kaal)
    return f"{kaal[:4]} {kaal[4:]}"


def volledige_naam(voornamen: str, voorvoegsel: str, achternaam: str) -> str:
    """A person's name as a sentence shows it, or "Naam nog onbekend"."""
    if not (voornamen or achternaam):
        return str(NAAM_ONBEKEND)
    return " ".join(p for p in (voornamen, voorvoegsel, achternaam) if p)


def lijstnaam(voornamen: str, voorvoegsel: str, achternaam: str) -> str:
    """A person's name for sorted lists, or "Naam nog onbekend"."""
    if not (voornamen or achternaam):
        return str(NAAM_ONBEKEND)
    naam = ", ".join(p for p in (achternaam, voornamen) if p)
    return f"{naam} {voorvoegsel}" if voorvoegsel else naam


class Inburgeraar(models.Model):
    """A person with the duty to integrate, as known to one gemeente."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="inburgeraars")
    bsn_versleuteld = models.TextField(editable=False)
    bsn_hash = models.CharField(max_length=64, editable=False, db_index=True)
    # The keyed hash that identifies this person in the processing log.
    pseudoniem = models.CharField(max_length=32, editable=False)
    vnummer = models.CharField(_("V-nummer"), max_length=10, blank=True)
    # Name and date of birth are empty for a person DUO announced: DUO does not send them, and
    # a legal record holds no invented values (ADR 0041). Forms still require them.
    voornamen = models.CharField(_("voornamen"), max_length=200, blank=True)
    voorvoegsel = models.CharField(_("voorvoegsel"), max_length=20, blank=True)
    achternaam = models.CharField(_("achternaam"), max_length=200, blank=True)
    geboortedatum = models.DateField(_("geboortedatum"), null=True, blank=True)
    nationaliteit = CountryField(_("nationaliteit"), blank=True)
    verblijfsdoel = models.CharField(
        _("verblijfsdoel"), max_length=30, choices=keuzes(Verblijfsdoel), blank=True
    )
    datum_bekendmaking_ind = models.DateField(
        _("datum bekendmaking verblijfsrecht (IND)"), null=True, blank=True
    )
    talen = models.CharField(_("gesproken talen"), max_length=200, blank=True)
    # The address letters go to, as the dossier holds it (from the BRP once that link exists).
    # Empty until known: a letter is refused rather than sent without one (brieven.ontvanger).
    straat_huisnummer = models.CharField(_("straat en huisnummer"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=7, blank=True)
    woonplaats = models.CharField(_("woonplaats"), max_length=100, blank=True)
    telefoon = models.CharField(_("telefoonnummer"), max_length=20, blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    doelgroep = models.CharField(_("doelgroep"), max_length=40, choices=keuzes(Doelgroep))
    gedetailleerde_doelgroep = models.CharField(
        _("gedetailleerde doelgroep"),
        max_length=50,
        choices=keuzes(GedetailleerdeDoelgroep),
        blank=True,
    )
    regime = models.CharField(
        _("regime"), max_length=10, choices=keuzes(Regime), default=Regime.WI2021.value
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    gewijzigd_op = models.DateTimeField(auto_now=True)
    versie = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("inburgeraar")
        verbose_name_plural = _("inburgeraars")
        constraints = [
            models.UniqueConstraint(fields=["gemeente", "bsn_hash"], name="bsn_uniek_per_gemeente"),
        ]
        indexes = [
            models.Index(fields=["gemeente", "achternaam"]),
            models.Index(fields=["gemeente", "vnummer"]),
            # The caseload, newest first: the tenant and the sort key as one index range, so a
            # page reads 25 index entries whatever ids the tenant's rows have (ADR 0057).
            models.Index(fields=["gemeente", "id"]),
            models.Index(fields=["gemeente", "doelgroep", "id"]),
        ]

    def __str__(self):
        # Never used in logs: log lines refer to the uuid.
        return self.volledige_naam

    @property
    def naam_bekend(self) -> bool:
        return bool(self.voornamen or self.achternaam)

    @property
    def persoonsgegevens_compleet(self) -> bool:
        """Are name and date of birth known (needed before a letter or beschikking)?"""
        return self.naam_bekend and self.geboortedatum is not None

    @property
    def adres_bekend(self) -> bool:
        return bool(self.straat_huisnummer and self.postcode and self.woonplaats)

    @property
    def adresregels(self) -> list[str]:
        """The address as a letter prints it: street line, then postcode and place."""
        return [self.straat_huisnummer, f"{self.postcode}  {self.woonplaats.upper()}"]

    @property
    def volledige_naam(self) -> str:
        return volledige_naam(self.voornamen, self.voorvoegsel, self.achternaam)

    @property
    def lijstnaam(self) -> str:
        """The name as sorted lists show it: achternaam, voornamen voorvoegsel."""
        return lijstnaam(self.voornamen, self.voorvoegsel, self.achternaam)

    @property
    def bsn(self) -> str:
        return bsn_tools.ontsleutel(self.bsn_versleuteld)

    @property
    def bsn_gemaskeerd(self) -> str:
        return bsn_tools.gemaskeerd(self.bsn)

    def zet_bsn(self, waarde: str) -> None:
        self.bsn_versleuteld = bsn_tools.versleutel(waarde)
        self.bsn_hash = bsn_tools.zoekhash(waarde)
        self.pseudoniem = bsn_tools.pseudoniem(waarde)


class Dossier(models.Model):
    """The gemeente's case for one inburgeraar: status, caseworker and timeline."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="dossiers")
    inburgeraar = models.OneToOneField(
        Inburgeraar, on_delete=models.CASCADE, related_name="dossier"
    )
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.AANGEMELD)
    eindreden = models.CharField(_("reden einde"), max_length=20, choices=Eindreden, blank=True)
    klantregisseur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="dossiers",
    )
    aangemeld_op = models.DateField(_("aangemeld op"))
    afgerond_op = models.DateField(_("afgerond op"), null=True, blank=True)
    versie = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("dossier")
        verbose_name_plural = _("dossiers")
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(status=Status.AFGEROND) & ~models.Q(eindreden=""))
                | (~models.Q(status=Status.AFGEROND) & models.Q(eindreden="")),
                name="eindreden_alleen_bij_afgerond",
            ),
        ]
        # The caseload filtered on status walks this range in the list's order (newest person
        # first) and looks each person up by primary key (ADR 0057); it also serves every count
        # per status, as the former (gemeente, status) index did.
        indexes = [
            models.Index(fields=["gemeente", "status", "inburgeraar"]),
            # Lists of dossiers in their own order (statistiek/feiten, ADR 0091), with and
            # without a status: one index range for any tenant. Without them PostgreSQL walked
            # the primary key from the top and skipped every other tenant's dossier (940,000
            # rows, 0.2 to 6 s a page, for a gemeente whose dossiers are the oldest).
            models.Index(fields=["gemeente", "id"], name="dossier_gemeente_id_idx"),
            models.Index(fields=["gemeente", "status", "id"], name="dossier_gemeente_status_idx"),
        ]

    def __str__(self):
        return f"Dossier {self.uuid}"


class Bron(models.TextChoices):
    DUO = "duo", _("DUO")
    MEDEWERKER = "medewerker", _("Medewerker")
    SYSTEEM = "systeem", _("Systeem")
    API = "api", _("Koppeling")


class Gebeurtenis(models.Model):
    """One entry on a dossier's timeline: who, when, what (in the reader's language), no BSN."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="gebeurtenissen")
    tijdstip = models.DateTimeField(db_index=True)
    bron = models.CharField(max_length=20, choices=Bron)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    actor_naam = models.CharField(max_length=200, blank=True)
    soort = models.CharField(max_length=50)
    #: In Dutch, as it was at the time (search, API, and the fallback for an unknown ``tekst``).
    omschrijving = models.TextField()
    #: What happened as a msgid with parameters (``core.teksten``), shown in the reader's
    #: language; empty for entries written before texts were stored this way.
    tekst = models.JSONField(null=True, blank=True)
    gegevens = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("gebeurtenis")
        verbose_name_plural = _("gebeurtenissen")
        ordering = ["-tijdstip", "-id"]

    def __str__(self):
        return f"{self.soort} {self.tijdstip:%Y-%m-%d}"

    @property
    def weergave(self) -> str:
        """What happened, in the reader's language where it was stored as a text."""
        if self.tekst is None:
            return self.omschrijving
        return weergeven(self.tekst) or self.omschrijving

    @property
    def door(self) -> str:
        """Who did it, in words: a person's name, DUO, a linked system or the system."""
        if self.actor_id is not None and self.actor is not None:
            naam = self.actor.get_full_name().strip()
            return naam or str(_("een medewerker"))
        if self.bron == Bron.DUO:
            return str(_("DUO"))
        if self.bron == Bron.API:
            koppeling = self.actor_naam.removeprefix("api:")
            if koppeling:
                return str(_("koppeling ‘%(naam)s’") % {"naam": koppeling})
            return str(_("een koppeling"))
        if self.bron == Bron.MEDEWERKER:
            return str(_("een medewerker"))
        return str(_("het systeem"))


class VernietigingSoort(models.TextChoices):
    DOSSIER = "dossier", _("Dossier na de bewaartermijn (R69)")
    LOGBOEK = "logboek", _("Regels van het verwerkingenlogboek (R70)")


class Vernietiging(models.Model):
    """A verklaring van vernietiging: what was destroyed under which rule, as counts per table.

    It names the dossier by its uuid, when and why it was closed, never the person: after the
    destruction nothing in the database leads from this row to a name or a BSN (ADR 0060).
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    tijdstip = models.DateTimeField(_("vernietigd op"), default=timezone.now, db_index=True)
    soort = models.CharField(_("soort"), max_length=20, choices=VernietigingSoort)
    regel = models.CharField(_("regel"), max_length=10)
    dossier_uuid = models.UUIDField(_("dossier"), null=True, blank=True)
    afgerond_op = models.DateField(_("afgerond op"), null=True, blank=True)
    eindreden = models.CharField(_("reden einde"), max_length=20, choices=Eindreden, blank=True)
    #: {"vernietigd": {"app.Model": n}, "geanonimiseerd": {...}, "bestanden": n}
    aantallen = models.JSONField(default=dict)
    uitgevoerd_door = models.CharField(max_length=150)

    class Meta:
        verbose_name = _("verklaring van vernietiging")
        verbose_name_plural = _("verklaringen van vernietiging")
        ordering = ["-tijdstip", "-id"]
        indexes = [models.Index(fields=["gemeente", "-tijdstip"])]

    def __str__(self):
        return f"{self.soort} {self.tijdstip:%Y-%m-%d}"
