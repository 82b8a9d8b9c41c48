"""What the DUO exchange stores: incoming notifications, outgoing messages, work items, DUO data.

A BSN is never stored in plain text here: it is encrypted (``bsn_versleuteld``), found through a
keyed hash (``bsn_hash``) and written to the processing log as a pseudonym (``pseudoniem``), exactly
as on ``inburgeraars.Inburgeraar``.
"""

from uuid import uuid4

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from openinburgering.core import bsn as bsn_tools
from openinburgering.core.teksten import veld_weergeven
from openinburgering.gemeenten.models import Gemeente
from openinburgering.inburgeraars.models import Dossier, Inburgeraar
from openinburgering.signalen.models import Soort


class MetBsn(models.Model):
    """Fields and helpers for a row that refers to a person by BSN."""

    bsn_versleuteld = models.TextField(blank=True, editable=False)
    bsn_hash = models.CharField(max_length=64, blank=True, editable=False, db_index=True)
    pseudoniem = models.CharField(max_length=32, blank=True, editable=False)

    class Meta:
        abstract = True

    @property
    def bsn(self) -> str:
        return bsn_tools.ontsleutel(self.bsn_versleuteld) if self.bsn_versleuteld else ""

    def zet_bsn(self, waarde: str) -> None:
        self.bsn_versleuteld = bsn_tools.versleutel(waarde)
        self.bsn_hash = bsn_tools.zoekhash(waarde)
        self.pseudoniem = bsn_tools.pseudoniem(waarde)


# --- incoming: DUO's Notificatie API ------------------------------------------------------------


class NotificatieStatus(models.TextChoices):
    ONTVANGEN = "ontvangen", _("Ontvangen, wacht op verwerking")
    VERWERKT = "verwerkt", _("Verwerkt")
    OPNIEUW = "opnieuw", _("DUO niet bereikbaar, wordt opnieuw geprobeerd")
    MISLUKT = "mislukt", _("Verwerking mislukt")
    ONBEKEND = "onbekend", _("Onbekende gebeurtenis")


class Notificatie(MetBsn):
    """One notification DUO sent us, stored before we answer and processed afterwards."""

    uuid = models.UUIDField(default=uuid4, unique=True, editable=False)
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, related_name="duo_notificaties"
    )
    bron = models.CharField(_("bron (OIN)"), max_length=20)
    doel = models.CharField(_("doel (OIN)"), max_length=20)
    bericht_id = models.UUIDField(_("berichtId"))
    gebeurtenis_id = models.CharField(_("gebeurtenis"), max_length=6)
    registratie_datum_tijd = models.DateTimeField(_("registratiedatum bij DUO"))
    vnummer = models.CharField(_("V-nummer"), max_length=10, blank=True)
    #: DUO never sent this one: it was found in DUO's list of events for the person (Gebeurtenis
    #: API) and stored here by the catch-up, with a berichtId derived from DUO's event.
    ingehaald = models.BooleanField(_("ingehaald"), default=False)
    # A keyed fingerprint of the message (BSN only as keyed hash): the same berichtId with another
    # fingerprint is another message, and refused.
    vingerafdruk = models.CharField(max_length=64, editable=False)
    ontvangen_op = models.DateTimeField(_("ontvangen op"), default=timezone.now, db_index=True)
    status = models.CharField(
        _("status"), max_length=20, choices=NotificatieStatus, default=NotificatieStatus.ONTVANGEN
    )
    pogingen = models.PositiveIntegerField(_("pogingen"), default=0)
    volgende_poging_op = models.DateTimeField(null=True, blank=True)
    verwerkt_op = models.DateTimeField(_("verwerkt op"), null=True, blank=True)
    # Plain Dutch, never a BSN: what processing did or why it failed.
    resultaat = models.TextField(_("resultaat"), blank=True)
    inburgeraar = models.ForeignKey(
        Inburgeraar,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="duo_notificaties",
    )

    class Meta:
        verbose_name = _("notificatie van DUO")
        verbose_name_plural = _("notificaties van DUO")
        constraints = [
            models.UniqueConstraint(
                fields=["bron", "bericht_id"], name="duo_notificatie_bericht_eenmalig"
            ),
        ]
        indexes = [
            models.Index(fields=["gemeente", "status"]),
            models.Index(fields=["status", "volgende_poging_op"]),
            models.Index(fields=["gemeente", "bsn_hash", "gebeurtenis_id"]),
            # The inbox: what a worker claims next, oldest first; stays small however long
            # the history grows.
            models.Index(
                fields=["id"],
                condition=models.Q(status__in=["ontvangen", "opnieuw"]),
                name="duo_notificatie_inbox",
            ),
        ]

    def __str__(self):
        return f"{self.gebeurtenis_id} {self.bericht_id}"


class IntegriteitsIncident(models.Model):
    """DUO reused a berichtId for a different message: refused, and shown to a beheerder."""

    uuid = models.UUIDField(default=uuid4, unique=True, editable=False)
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, related_name="duo_integriteitsincidenten"
    )
    notificatie = models.ForeignKey(
        Notificatie, on_delete=models.CASCADE, related_name="integriteitsincidenten"
    )
    doel = models.CharField(max_length=20)
    gebeurtenis_id = models.CharField(max_length=6, blank=True)
    vingerafdruk = models.CharField(max_length=64)
    eerste_keer_op = models.DateTimeField(default=timezone.now)
    laatste_keer_op = models.DateTimeField(default=timezone.now)
    aantal = models.PositiveIntegerField(default=1)
    afgehandeld_op = models.DateTimeField(null=True, blank=True)
    afgehandeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("integriteitsincident")
        verbose_name_plural = _("integriteitsincidenten")
        constraints = [
            models.UniqueConstraint(
                fields=["notificatie", "vingerafdruk"], name="duo_incident_per_afwijking"
            ),
        ]

    def __str__(self):
        return f"incident {self.uuid}"


# --- what DUO knows about a person (last answers of DUO's APIs) ---------------------------------


class DuoStand(models.Model):
    """The last answers DUO gave about one inburgeraar, as plain JSON (dates as ISO strings)."""

    inburgeraar = models.OneToOneField(
        Inburgeraar, on_delete=models.CASCADE, related_name="duo_stand"
    )
    gegevens = models.JSONField(default=dict, blank=True)
    bijgewerkt_op = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("gegevens bij DUO")
        verbose_name_plural = _("gegevens bij DUO")

    def __str__(self):
        return f"DUO-stand {self.inburgeraar_id}"


# --- work items (moves to signalen/ when the deadline engine exists) ----------------------------


class WerkitemSoort(models.TextChoices):
    PERSOONSGEGEVENS_AANVULLEN = "persoonsgegevens_aanvullen", _("Persoonsgegevens aanvullen")
    BREDE_INTAKE = "brede_intake", _("Brede intake plannen")
    # The deadline engine owns this item (its Soort declares the label); the value stays for
    # items made before the engine derived it.
    PIP_TERMIJN = "pip_termijn", Soort.PIP_TERMIJN.label
    PIP_NIEUWE_GEMEENTE = "pip_nieuwe_gemeente", _("Nieuw PIP na verhuizing")
    LEERROUTE_HERVATTEN = "leerroute_hervatten", _("Leerroute hervatten")
    PIP_ONTBREEKT = "pip_ontbreekt", _("PIP ontbreekt")
    DOELGROEP_GEWIJZIGD = "doelgroep_gewijzigd", _("Doelgroep gewijzigd")
    AOW_LEEFTIJD = "aow_leeftijd", _("AOW-leeftijd nadert")
    LBT_UITSLAG = "lbt_uitslag", _("Uitslag leerbaarheidstoets")
    TERMIJN_VERLENGD = "termijn_verlengd", _("Inburgeringstermijn verlengd")
    BESLUIT_DUO = "besluit_duo", _("Besluit van DUO")
    PLICHT_GEPAUZEERD = "plicht_gepauzeerd", _("Plicht gepauzeerd")
    # DUO's attentiesignalen (R71).
    VERTROKKEN = "vertrokken", _("Vertrokken: gegevens aanvullen en overdragen")
    LEERROUTE_TE_LAAT = "leerroute_te_laat", _("Termijn voor de leerroute verstreken")
    AANBOD_ONTBREEKT = "aanbod_ontbreekt", _("Inburgeringsaanbod ontbreekt")
    OPLEIDINGSCONTRACT = "opleidingscontract", _("Opleidingscontract nakijken")
    ADVIES_ONTHEFFING = "advies_ontheffing", _("Advies over ontheffing (BIO)")
    CERTIFICAAT_ZROUTE = "certificaat_zroute", _("Certificaat Z-route uitreiken")
    OPLEIDING_BEEINDIGD = "opleiding_beeindigd", _("Niet-vrijstellende opleiding beëindigd")
    DUO_AFWIJZING = "duo_afwijzing", _("Melding afgewezen door DUO")
    DUO_NIET_BEZORGD = "duo_niet_bezorgd", _("Melding niet bezorgd bij DUO")
    DUO_VERSCHIL = "duo_verschil", _("Verschil met DUO")
    PERSOON_ONBEKEND = "persoon_onbekend", _("Persoon bekend bij DUO, niet bij ons")
    VERWERKING_MISLUKT = "verwerking_mislukt", _("Notificatie van DUO niet verwerkt")
    # From the BRP link (ADR 0062): on the same worklist as the person's other items.
    BRP_OVERLEDEN = "brp_overleden", _("Overleden volgens de BRP")


class WerkitemStatus(models.TextChoices):
    OPEN = "open", _("Open")
    AFGEHANDELD = "afgehandeld", _("Afgehandeld")


class Werkitem(MetBsn):
    """A task for the caseworker that the DUO exchange raised (minimal; see ADR 0006)."""

    uuid = models.UUIDField(default=uuid4, unique=True, editable=False)
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="duo_werkitems")
    # Empty only for a person DUO knows and we do not (the BSN is then stored encrypted).
    dossier = models.ForeignKey(
        Dossier, null=True, blank=True, on_delete=models.CASCADE, related_name="duo_werkitems"
    )
    soort = models.CharField(_("soort"), max_length=40, choices=WerkitemSoort)
    titel = models.CharField(_("titel"), max_length=200)
    toelichting = models.TextField(_("toelichting"), blank=True)
    #: ``titel``/``toelichting`` as msgids with parameters (``core.teksten``), for the reader's
    #: language; the fields themselves hold the Dutch text. DUO's own words stay literal.
    teksten = models.JSONField(default=dict, blank=True)
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    regel = models.CharField(_("regel"), max_length=10, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=WerkitemStatus, default=WerkitemStatus.OPEN
    )
    # Makes creating the same work item twice a no-op while it is open.
    sleutel = models.CharField(max_length=200, blank=True)
    notificatie = models.ForeignKey(
        Notificatie, null=True, blank=True, on_delete=models.SET_NULL, related_name="werkitems"
    )
    uitgaand_bericht = models.ForeignKey(
        "UitgaandBericht",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="werkitems",
    )
    aangemaakt_op = models.DateTimeField(default=timezone.now)
    afgehandeld_op = models.DateTimeField(null=True, blank=True)
    afgehandeld_door = models.CharField(max_length=150, blank=True)
    afhandeling = models.TextField(_("afhandeling"), blank=True)

    class Meta:
        verbose_name = _("werkitem")
        verbose_name_plural = _("werkitems")
        ordering = ["deadline", "aangemaakt_op", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["gemeente", "sleutel"],
                condition=models.Q(status="open") & ~models.Q(sleutel=""),
                name="duo_werkitem_open_sleutel_uniek",
            ),
        ]
        indexes = [
            models.Index(fields=["gemeente", "status", "deadline"]),
            models.Index(fields=["dossier", "status"]),
        ]

    def __str__(self):
        return self.titel

    @property
    def titel_weergave(self) -> str:
        return veld_weergeven(self, "titel")

    @property
    def toelichting_weergave(self) -> str:
        return veld_weergeven(self, "toelichting")


# --- outgoing: the outbox -----------------------------------------------------------------------


class MeldingSoort(models.TextChoices):
    PIP_REGISTREREN = "pip_registreren", _("PIP registreren")
    PIP_VERWIJDEREN = "pip_verwijderen", _("PIP verwijderen")
    AANBOD_REGISTREREN = "aanbod_registreren", _("Inburgeringsaanbod registreren")
    AANBOD_VERWIJDEREN = "aanbod_verwijderen", _("Inburgeringsaanbod verwijderen")
    UREN_TAALLES_KNM_BREDE_INTAKE = (
        "uren_taalles_knm_brede_intake",
        _("Uren taalles en KNM tijdens de brede intake"),
    )
    UREN_PARTICIPATIEACTIVITEITEN = (
        "uren_participatieactiviteiten",
        _("Uren participatieactiviteiten (brede intake)"),
    )
    UREN_PARTICIPATIE_TAALLES = "uren_participatie_taalles", _("Uren participatie als taalles")
    MAP = "map", _("MAP: datum eindgesprek")
    PVT = "pvt", _("PVT: datum ondertekening")
    ZROUTE = "zroute", _("Z-route afgerond")
    CONTACTPERSOON_AANMAKEN = "contactpersoon_aanmaken", _("Contactpersoon aanmaken")
    CONTACTPERSOON_WIJZIGEN = "contactpersoon_wijzigen", _("Contactpersoon wijzigen")
    CONTACTPERSOON_VERWIJDEREN = "contactpersoon_verwijderen", _("Contactpersoon verwijderen")
    CONTACTPERSOON_KOPPELEN = "contactpersoon_koppelen", _("Contactpersoon koppelen")
    CONTACTPERSOON_ONTKOPPELEN = "contactpersoon_ontkoppelen", _("Contactpersoon ontkoppelen")
    LBT_OVERGESLAGEN = (
        "lbt_overgeslagen",
        _("Leerbaarheidstoets overgeslagen (examennummer intrekken)"),
    )


class UitgaandStatus(models.TextChoices):
    WACHTEND = "wachtend", _("Wacht op verzending")
    BEZORGD = "bezorgd", _("Bezorgd bij DUO")
    AFGEWEZEN = "afgewezen", _("Afgewezen door DUO")
    DOOD = "dood", _("Niet bezorgd (opgegeven)")
    PORTAL_TE_DOEN = "portal_te_doen", _("In te voeren in het Portal Inburgering")
    PORTAL_INGEVOERD = "portal_ingevoerd", _("Ingevoerd in het Portal Inburgering")


OPEN_UITGAAND = (UitgaandStatus.WACHTEND, UitgaandStatus.PORTAL_TE_DOEN)


class Contactpersoon(models.Model):
    """The gemeente's contact person that DUO shows to an inburgeraar (Contactpersoon API)."""

    uuid = models.UUIDField(default=uuid4, unique=True, editable=False)
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, related_name="duo_contactpersonen"
    )
    naam = models.CharField(_("naam"), max_length=100)
    email = models.CharField(_("e-mailadres"), max_length=241)
    telefoonnummer = models.CharField(_("telefoonnummer"), max_length=22)
    # DUO's id, known once DUO answered the POST /contactpersonen.
    duo_id = models.PositiveIntegerField(_("id bij DUO"), null=True, blank=True)
    verwijderd = models.BooleanField(default=False)
    #: Optimistic locking: the version the user saw must still be the stored one.
    versie = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("contactpersoon bij DUO")
        verbose_name_plural = _("contactpersonen bij DUO")
        indexes = [models.Index(fields=["gemeente", "verwijderd", "-id"])]

    def __str__(self):
        return self.naam


class ContactpersoonKoppeling(models.Model):
    """One contact person per inburgeraar (R48: a new link replaces the old one)."""

    inburgeraar = models.OneToOneField(
        Inburgeraar, on_delete=models.CASCADE, related_name="duo_contactpersoon_koppeling"
    )
    contactpersoon = models.ForeignKey(
        Contactpersoon, on_delete=models.CASCADE, related_name="koppelingen"
    )

    class Meta:
        verbose_name = _("koppeling met contactpersoon")
        verbose_name_plural = _("koppelingen met contactpersoon")

    def __str__(self):
        return f"{self.contactpersoon_id} → {self.inburgeraar_id}"


class UitgaandBericht(MetBsn):
    """One message to DUO, written in the same transaction as the change it reports.

    ``bericht_id`` and ``inhoud`` are fixed at creation: every retry sends exactly the same
    message. The path is stored as a template (``/personen/{bsn}/PIP``); the BSN is filled in from
    ``bsn_versleuteld`` only at the moment of sending.
    """

    uuid = models.UUIDField(default=uuid4, unique=True, editable=False)
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="duo_uitgaand")
    inburgeraar = models.ForeignKey(
        Inburgeraar, null=True, blank=True, on_delete=models.SET_NULL, related_name="duo_uitgaand"
    )
    contactpersoon = models.ForeignKey(
        Contactpersoon,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="uitgaande_berichten",
    )
    soort = models.CharField(_("soort"), max_length=40, choices=MeldingSoort)
    methode = models.CharField(max_length=10)
    pad = models.CharField(max_length=200)
    pad_parameters = models.JSONField(default=dict, blank=True)
    inhoud = models.JSONField(null=True, blank=True)
    # Messages with the same key are delivered in order of creation (per person, or per contact).
    volgorde_sleutel = models.CharField(max_length=80)
    bericht_id = models.UUIDField(_("berichtId"), default=uuid4, unique=True, editable=False)
    status = models.CharField(
        _("status"), max_length=20, choices=UitgaandStatus, default=UitgaandStatus.WACHTEND
    )
    pogingen = models.PositiveIntegerField(_("pogingen"), default=0)
    volgende_poging_op = models.DateTimeField(default=timezone.now)
    laatste_poging_op = models.DateTimeField(null=True, blank=True)
    laatste_statuscode = models.PositiveIntegerField(null=True, blank=True)
    laatste_fout = models.TextField(_("laatste fout"), blank=True)
    # DUO's fouttekst list of a refusal (plain text, BSNs masked).
    fouten = models.JSONField(default=list, blank=True)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), default=timezone.now)
    opnieuw_aangeboden_op = models.DateTimeField(null=True, blank=True)
    afgerond_op = models.DateTimeField(null=True, blank=True)
    afgehandeld_door = models.CharField(max_length=150, blank=True)

    class Meta:
        verbose_name = _("uitgaand bericht")
        verbose_name_plural = _("uitgaande berichten")
        indexes = [
            models.Index(fields=["status", "volgende_poging_op"]),
            models.Index(fields=["volgorde_sleutel", "status"]),
            models.Index(fields=["bsn_hash", "status"]),
            models.Index(fields=["gemeente", "status"]),
        ]

    def __str__(self):
        return f"{self.soort} {self.bericht_id}"


# --- reconciliation -----------------------------------------------------------------------------


class AfstemmingStatus(models.TextChoices):
    BEZIG = "bezig", _("Bezig")
    KLAAR = "klaar", _("Klaar")
    MISLUKT = "mislukt", _("Mislukt")


class Afstemming(models.Model):
    """One run comparing our dossiers with DUO's data."""

    uuid = models.UUIDField(default=uuid4, unique=True, editable=False)
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, related_name="duo_afstemmingen"
    )
    gestart_op = models.DateTimeField(default=timezone.now)
    klaar_op = models.DateTimeField(null=True, blank=True)
    status = models.CharField(
        max_length=20, choices=AfstemmingStatus, default=AfstemmingStatus.BEZIG
    )
    gestart_door = models.CharField(max_length=150, blank=True)
    aantal_dossiers = models.PositiveIntegerField(default=0)
    aantal_verschillen = models.PositiveIntegerField(default=0)
    aantal_opgelost = models.PositiveIntegerField(default=0)
    aantal_onbekende_personen = models.PositiveIntegerField(default=0)
    aantal_fouten = models.PositiveIntegerField(default=0)
    toelichting = models.TextField(blank=True)

    class Meta:
        verbose_name = _("afstemming met DUO")
        verbose_name_plural = _("afstemmingen met DUO")
        ordering = ["-gestart_op", "-id"]

    def __str__(self):
        return f"afstemming {self.gestart_op:%Y-%m-%d %H:%M}"
