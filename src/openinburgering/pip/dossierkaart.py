"""The brede intake and the PIP decisions with their letters on the dossier page
(``inburgeraars.kaarten``, ADR 0051)."""

from django.utils.translation import gettext_lazy as _

from openinburgering.inburgeraars.kaarten import Dossierkaart, KaartVerzoek
from openinburgering.intake.models import BredeIntake

from .models import PipVersie


def _context(verzoek: KaartVerzoek) -> dict:
    dossier = verzoek.dossier
    return {
        "intake": BredeIntake.objects.filter(dossier=dossier).first(),
        "versies": list(PipVersie.objects.filter(dossier=dossier).order_by("-volgnummer")),
    }


KAART = Dossierkaart(
    naam="pip",
    volgorde=70,
    titel=_("Intake en PIP"),
    sjabloon="pip/_dossier.html",
    context=_context,
)
