"""Bijstand and ontzorgen on the dossier page (``inburgeraars.kaarten``, ADR 0051)."""

from django.utils.translation import gettext_lazy as _

from openinburgering.accounts.rollen import Recht
from openinburgering.inburgeraars.kaarten import Dossierkaart, KaartVerzoek

from .models import Bijstandsperiode, Ontzorgbesluit


def _context(verzoek: KaartVerzoek) -> dict:
    dossier = verzoek.dossier
    return {
        "periodes": list(Bijstandsperiode.objects.filter(dossier=dossier)),
        "besluiten": list(Ontzorgbesluit.objects.filter(dossier=dossier)),
    }


KAART = Dossierkaart(
    naam="ontzorgen",
    volgorde=75,
    titel=_("Bijstand en ontzorgen"),
    sjabloon="ontzorgen/_dossier.html",
    context=_context,
    recht=Recht.ONTZORGEN_VASTLEGGEN,
)
