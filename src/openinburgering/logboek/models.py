import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from openinburgering.gemeenten.models import Gemeente


class Activiteit(models.TextChoices):
    """The processing activities (verwerkingsactiviteiten) of the register."""

    INZIEN = "inzien", _("Dossier inzien")
    LIJST = "lijst", _("Tonen in een lijst")
    ZOEKEN = "zoeken", _("Zoeken")
    AANMAKEN = "aanmaken", _("Inburgeraar aanmaken")
    WIJZIGEN = "wijzigen", _("Gegevens wijzigen")
    STATUS_WIJZIGEN = "status_wijzigen", _("Dossierstatus wijzigen")
    EXPORTEREN = "exporteren", _("Exporteren")
    # The exchange with DUO (DOMAIN.md §9), each its own activity in the register.
    DUO_ONTVANGEN = "duo_ontvangen", _("Gegevens ontvangen van DUO")
    DUO_OPGEVRAAGD = "duo_opgevraagd", _("Gegevens opgevraagd bij DUO")
    DUO_GEMELD = "duo_gemeld", _("Gegevens gemeld aan DUO")
    DUO_AFGESTEMD = "duo_afgestemd", _("Gegevens afgestemd met DUO")
    # Reading the basisregistratie personen (ADR 0062); the purpose is in ``doel``.
    BRP_OPGEVRAAGD = "brp_opgevraagd", _("Gegevens opgevraagd bij de BRP")
    # The quarterly file for the Statistiek Wet Inburgering (ADR 0070): built, then downloaded.
    CBS_SAMENGESTELD = "cbs_samengesteld", _("Opgenomen in het kwartaalbestand voor het CBS")
    CBS_GEDOWNLOAD = "cbs_gedownload", _("Kwartaalbestand voor het CBS gedownload")


class Doel(models.TextChoices):
    """Why personal data were processed, where an activity serves more than one purpose (the
    BRP's terms ask every read to name its purpose)."""

    AANMELDING_DUO = "aanmelding_duo", _("Wet inburgering 2021: persoon aangemeld door DUO")
    AANMAKEN = "aanmaken", _("Wet inburgering 2021: persoon aangemaakt door de gemeente")
    ACTUALISEREN = "actualiseren", _("Wet inburgering 2021: gegevens van het dossier bijwerken")


class Resultaat(models.TextChoices):
    OK = "ok", _("Gelukt")
    GEWEIGERD = "geweigerd", _("Geweigerd")


class Verwerking(models.Model):
    """One processing of one person's data (Logboek dataverwerkingen), never with a BSN."""

    # Every read of a person adds a row, so each index and constraint here is paid on every
    # page (ADR 0061): the indexes are the ones the log's readers use, (gemeente, tijdstip) and
    # betrokkene; the foreign keys are checked by Django (PROTECT, SET_NULL), not by a row lock
    # on the gemeente and the user per inserted row. The uuid is the record's identity outside
    # this system; nothing looks a record up by it, and an index on a random key costs a random
    # index page per inserted row on the largest table.
    uuid = models.UUIDField(default=uuid.uuid4, editable=False)
    tijdstip = models.DateTimeField()
    gemeente = models.ForeignKey(
        Gemeente,
        on_delete=models.PROTECT,
        related_name="verwerkingen",
        db_index=False,
        db_constraint=False,
    )
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        db_constraint=False,
    )
    actor = models.CharField(_("actor"), max_length=150)
    actor_soort = models.CharField(max_length=20)
    betrokkene = models.CharField(_("betrokkene (pseudoniem)"), max_length=32)
    activiteit = models.CharField(_("activiteit"), max_length=30, choices=Activiteit)
    resultaat = models.CharField(
        _("resultaat"), max_length=20, choices=Resultaat, default=Resultaat.OK
    )
    doel = models.CharField(_("doel"), max_length=30, choices=Doel, blank=True, default="")

    class Meta:
        verbose_name = _("verwerking")
        verbose_name_plural = _("verwerkingen")
        indexes = [
            models.Index(fields=["gemeente", "-tijdstip"]),
            # A person's records, newest first; a plain index: the log is searched on a whole
            # pseudonym, never on its start.
            models.Index(fields=["betrokkene", "-tijdstip"], name="logboek_betrokkene_idx"),
            # What the newcomer looked at in the portal (the dossier's portal card): without it
            # that card walks every record of a person who is on many caseload pages.
            models.Index(
                fields=["betrokkene", "-tijdstip"],
                condition=models.Q(actor_soort="inburgeraar"),
                name="logboek_portaal_idx",
            ),
        ]

    def __str__(self):
        return f"{self.activiteit} {self.tijdstip:%Y-%m-%d %H:%M}"
