"""DUO's code lists used on the dossier (Inburgeringsplicht API, DOMAIN.md 9.4)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Doelgroep(models.TextChoices):
    # DUO's Doelgroepindeling: the two legal target groups.
    ASIELSTATUSHOUDER = "Asielstatushouder", _("Asielstatushouder")
    GEZINSMIGRANT_OVERIG = "Gezinsmigrant en overige migrant", _("Gezinsmigrant en overige migrant")


class GedetailleerdeDoelgroep(models.TextChoices):
    ASIELSTATUSHOUDER = "Asielstatushouder", _("Asielstatushouder")
    GEESTELIJK_BEDIENAAR = "Geestelijk bedienaar", _("Geestelijk bedienaar")
    GEZINSHERENIGER = "Gezinshereniger", _("Gezinshereniger")
    GEZINSHERENIGER_ASIEL = (
        "Gezinshereniger met Asielstatushouder",
        _("Gezinshereniger met asielstatushouder"),
    )
    GEZINSVORMER = "Gezinsvormer", _("Gezinsvormer")
    GEZINSVORMER_ASIEL = (
        "Gezinsvormer met Asielstatushouder",
        _("Gezinsvormer met asielstatushouder"),
    )
    OVERIG = "Overig", _("Overig")


class Regime(models.TextChoices):
    WI2021 = "Wi2021", _("Wet inburgering 2021")
    WI2013 = "Wi2013", _("Wet inburgering (2013, overgangsrecht)")
