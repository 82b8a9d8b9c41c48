"""The begeleiding card on the dossier page (``inburgeraars.kaarten``, ADR 0051).

The dossier view already logged the read of this person; the card reads nothing else personal.
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from openinburgering.inburgeraars.kaarten import Dossierkaart, KaartVerzoek

from . import selectors


def _context(verzoek: KaartVerzoek) -> dict:
    return {
        "van_toepassing": selectors.heeft_begeleiding(verzoek.dossier),
        "checklist": selectors.checklist(
            actor=verzoek.actor, dossier=verzoek.dossier, peildatum=timezone.localdate()
        ),
    }


KAART = Dossierkaart(
    naam="begeleiding",
    volgorde=10,
    titel=_("Maatschappelijke begeleiding"),
    sjabloon="begeleiding/_dossierkaart.html",
    context=_context,
)
