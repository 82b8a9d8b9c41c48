"""The brede intake (Wi2021 art. 14), its meetings, the learnability test and non-cooperation."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from openinburgering.gemeenten.models import Gemeente
from openinburgering.inburgeraars.codes import keuzes
from openinburgering.inburgeraars.models import Dossier
from openinburgering.regels.codes import LeerbaarheidstoetsResultaat, Leerroute


class IntakeStatus(models.TextChoices):
    CONCEPT = "concept", _("Concept (nog open)")
    AFGESLOTEN = "afgesloten", _("Afgesloten")


class BredeIntake(models.Model):
    """One intake per dossier; several meetings can fill it in before it is closed."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    dossier = models.OneToOneField(Dossier, on_delete=models.CASCADE, related_name="brede_intake")
    status = models.CharField(max_length=20, choices=IntakeStatus, default=IntakeStatus.CONCEPT)
    # --- the sections (DOMAIN.md 2.5) ---
    taal_en_opleiding = models.TextField(
        _("Talen en opleiding"),
        blank=True,
        help_text=_("Welke talen spreekt en schrijft de persoon? Welke school of opleiding, waar?"),
    )
    werkervaring = models.TextField(
        _("Werkervaring"),
        blank=True,
        help_text=_("Werk in het land van herkomst en in Nederland."),
    )
    ambities = models.TextField(_("Ambities en motivatie"), blank=True)
    gezondheid = models.TextField(
        _("Gezondheid"),
        blank=True,
        help_text=_(
            "Lichamelijke en geestelijke gezondheid. Alleen zichtbaar voor wie dat nodig heeft."
        ),
    )
    gezin_en_kinderopvang = models.TextField(_("Gezin en kinderopvang"), blank=True)
    financien = models.TextField(_("Financiën en schulden"), blank=True)
    huisvesting = models.TextField(_("Huisvesting"), blank=True)
    sociaal_netwerk = models.TextField(_("Sociaal netwerk"), blank=True)
    ondersteuningsbehoefte = models.TextField(
        _("Ondersteuning nodig (maatschappelijke begeleiding)"), blank=True
    )
    # --- the learnability test (LBT) ---
    lbt_examennummer_aangevraagd_op = models.DateField(
        _("Examennummer LBT aangevraagd op"), null=True, blank=True
    )
    #: DUO's exam number for scheduling the LBT (Leerbaarheidstoets API, max. 12 characters).
    lbt_examennummer = models.CharField(
        _("Examennummer LBT (van DUO)"), max_length=12, blank=True, editable=False
    )
    #: When DUO was told the LBT is skipped for a visual/auditory impairment (R27).
    lbt_vrijstelling_gemeld_op = models.DateField(
        _("Vrijstelling LBT gemeld aan DUO op"), null=True, blank=True, editable=False
    )
    #: The outbox message that tells DUO (``keten.uitgaand.Ontvangst.bericht``); its status
    #: (queued / delivered / refused) is read from the outbox.
    lbt_vrijstelling_bericht = models.UUIDField(null=True, blank=True, editable=False)
    visuele_beperking = models.BooleanField(_("Visuele beperking"), default=False)
    auditieve_beperking = models.BooleanField(
        _("Auditieve beperking waardoor de toets niet kan"), default=False
    )
    lbt_afgenomen_op = models.DateField(_("LBT afgenomen op"), null=True, blank=True)
    lbt_behaalde_score = models.DecimalField(
        _("Behaalde score"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    lbt_benodigde_score = models.DecimalField(
        _("Benodigde score (van DUO)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    lbt_resultaat = models.CharField(
        _("Uitslag van DUO"),
        max_length=30,
        choices=keuzes(LeerbaarheidstoetsResultaat),
        blank=True,
    )
    #: When DUO's result (event SS131, Leerbaarheidstoets API) was stored on this intake.
    lbt_uitslag_van_duo_op = models.DateTimeField(
        _("Uitslag ontvangen van DUO op"), null=True, blank=True, editable=False
    )
    geadviseerde_leerroute = models.CharField(
        _("Advies leerroute"), max_length=1, choices=keuzes(Leerroute), blank=True
    )
    gestart_op = models.DateField(_("gestart op"))
    afgesloten_op = models.DateField(_("afgesloten op"), null=True, blank=True)
    versie = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("brede intake")
        verbose_name_plural = _("brede intakes")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status="afgesloten", afgesloten_op__isnull=False)
                | models.Q(status="concept", afgesloten_op__isnull=True),
                name="intake_afgesloten_heeft_datum",
            )
        ]

    def __str__(self):
        return f"Brede intake {self.uuid}"

    @property
    def lbt_vrijgesteld_gevraagd(self) -> bool:
        return self.visuele_beperking or self.auditieve_beperking


class Intakegesprek(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    intake = models.ForeignKey(BredeIntake, on_delete=models.CASCADE, related_name="gesprekken")
    datum = models.DateField(_("datum"))
    tolk_gebruikt = models.BooleanField(_("Tolk gebruikt"), default=False)
    tolk_taal = models.CharField(_("Taal van de tolk"), max_length=60, blank=True)
    verslag = models.TextField(_("Kort verslag"), blank=True)
    medewerker = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("intakegesprek")
        verbose_name_plural = _("intakegesprekken")
        ordering = ["datum", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(tolk_gebruikt=True) | models.Q(tolk_taal=""),
                name="tolk_taal_alleen_met_tolk",
            )
        ]

    def __str__(self):
        return f"Intakegesprek {self.datum:%d-%m-%Y}"


class StapSoort(models.TextChoices):
    """Steps on the intake itself. A fine is not a step here: it is a handhaving zaak (art. 22,
    ADR 0040)."""

    UITNODIGING = "uitnodiging", _("Uitnodiging")
    HERINNERING = "herinnering", _("Herinnering")
    WAARSCHUWING = "waarschuwing", _("Schriftelijke waarschuwing")


#: Steps that invite the person to a meeting: they carry the date, time and place.
MET_AFSPRAAK = (StapSoort.UITNODIGING, StapSoort.HERINNERING)


class Handhavingsstap(models.Model):
    """One dated step when the person does not cooperate with the intake (R31), with a letter."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    intake = models.ForeignKey(BredeIntake, on_delete=models.CASCADE, related_name="stappen")
    soort = models.CharField(_("soort"), max_length=20, choices=StapSoort)
    datum = models.DateField(_("datum"))
    #: The intake meeting the letter invites to (uitnodiging, herinnering).
    afspraak_op = models.DateTimeField(_("datum en tijd van het gesprek"), null=True, blank=True)
    afspraak_plaats = models.CharField(_("plaats van het gesprek"), max_length=200, blank=True)
    genegeerd = models.BooleanField(_("De persoon kwam niet en meldde zich niet af"), default=False)
    toelichting = models.TextField(_("toelichting"), blank=True)
    brief_pad = models.CharField(max_length=300, blank=True, editable=False)
    brief_sha256 = models.CharField(max_length=64, blank=True, editable=False)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("stap bij niet meewerken")
        verbose_name_plural = _("stappen bij niet meewerken")
        ordering = ["datum", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(soort__in=["uitnodiging", "herinnering", "waarschuwing"]),
                name="intake_stap_geen_boete",
            ),
        ]

    def __str__(self):
        return f"{self.get_soort_display()} {self.datum:%d-%m-%Y}"
