"""Choices for schools, contracts and referrals. The law's code lists come from ``regels.codes``."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from openinburgering.regels.codes import Alfabetisering, Examenonderdeel, Leerroute, Niveau

LEERROUTES = [
    (Leerroute.B1_ROUTE.value, _("B1-route")),
    (Leerroute.ONDERWIJSROUTE.value, _("Onderwijsroute")),
    (Leerroute.Z_ROUTE.value, _("Zelfredzaamheidsroute (Z-route)")),
]
NIVEAUS = [(Niveau.A2.value, "A2"), (Niveau.B1.value, "B1")]
ALFABETISERING = [
    (Alfabetisering.NVT.value, _("Niet van toepassing")),
    (Alfabetisering.A.value, _("Analfabeet")),
    (Alfabetisering.AA.value, _("Anders gealfabetiseerd")),
]
ONDERDELEN = [
    (Examenonderdeel.LE.value, _("Lezen")),
    (Examenonderdeel.LU.value, _("Luisteren")),
    (Examenonderdeel.SC.value, _("Schrijven")),
    (Examenonderdeel.SP.value, _("Spreken")),
    (Examenonderdeel.KNM.value, _("Kennis van de Nederlandse Maatschappij (KNM)")),
]
ERK_NIVEAUS = [(n, n) for n in ("A0", "A1", "A2", "B1", "B2")]
EXAMENNIVEAUS = [(n, n) for n in ("A2", "B1", "B2")]


class Prijsmodel(models.TextChoices):
    PER_TRAJECT = "per_traject", _("Vaste prijs per traject")
    PER_UUR = "per_uur", _("Prijs per lesuur")


class Afrekenbasis(models.TextChoices):
    AANGEBODEN = "aangeboden", _("Aangeboden uren")
    GEVOLGD = "gevolgd", _("Gevolgde uren")


class VerwijzingStatus(models.TextChoices):
    VERWEZEN = "verwezen", _("Verwezen, intake bij de school nog niet bevestigd")
    GESTART = "gestart", _("Intake bij de school bevestigd")
    BEEINDIGD = "beeindigd", _("Beëindigd")
    VERVANGEN = "vervangen", _("Vervangen door een nieuwe verwijzing")


ACTIEF = (VerwijzingStatus.VERWEZEN, VerwijzingStatus.GESTART)


class DuoMelding(models.TextChoices):
    IN_OUTBOX = "in_outbox", _("Klaargezet voor DUO")
    WACHT = "wacht", _("Nog te melden bij DUO (koppeling niet beschikbaar)")


class Verzuimreden(models.TextChoices):
    ZIEK = "ziek", _("Ziek gemeld")
    AFSPRAAK = "afspraak", _("Afspraak bij arts of instantie")
    WERK = "werk", _("Werk of stage")
    ZORG = "zorg", _("Zorg voor kind of familie")
    VERLOF = "verlof", _("Verlof met toestemming")
    ONBEKEND = "onbekend", _("Zonder bericht afwezig")
    ANDERS = "anders", _("Andere reden")


class Beoordeling(models.TextChoices):
    OP_SCHEMA = "op_schema", _("Op schema")
    AANDACHT = "aandacht", _("Aandacht nodig")
    ACHTER = "achter", _("Loopt achter")


class Bron(models.TextChoices):
    PORTAAL = "portaal", _("Ingevoerd in het portaal")
    UPLOAD = "upload", _("Geüpload bestand")


class AandachtspuntSoort(models.TextChoices):
    VERZUIM = "verzuim", _("Verzuim boven de grens van het contract")
    AFSCHAALADVIES = "afschaaladvies", _("Advies van de school om af te schalen")
    VOORTGANG = "voortgang", _("Voortgang loopt achter")


class AandachtspuntStatus(models.TextChoices):
    OPEN = "open", _("Open")
    AFGEHANDELD = "afgehandeld", _("Afgehandeld")


class UploadStatus(models.TextChoices):
    WACHT = "wacht", _("In de wachtrij")
    BEZIG = "bezig", _("Wordt gelezen en gecontroleerd")
    GECONTROLEERD = "gecontroleerd", _("Gecontroleerd, met fouten")
    GEIMPORTEERD = "geimporteerd", _("Geïmporteerd")
    GEWEIGERD = "geweigerd", _("Niet gelezen")


UPLOAD_BEZIG = (UploadStatus.WACHT, UploadStatus.BEZIG)
