"""The BRP card on the dossier page (``inburgeraars.kaarten``, ADR 0051, 0062): what the BRP
last said beside name, birth date and address, and the button to read it again.

Without ``BRP_API_ROOT`` the card says there is no link and reads nothing.
"""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from openinburgering.accounts.rollen import Recht
from openinburgering.inburgeraars.kaarten import Dossierkaart, KaartVerzoek

from .models import BrpStand


def _context(verzoek: KaartVerzoek) -> dict:
    aan = bool(settings.BRP_API_ROOT)
    # Without a link the card reads nothing (the dossier page's queries stay as they were).
    stand = BrpStand.objects.filter(inburgeraar=verzoek.inburgeraar).first() if aan else None
    return {
        "aan": aan,
        "stand": stand,
        "mag_ophalen": aan and verzoek.actor.mag(Recht.INBURGERAAR_WIJZIGEN),
    }


KAART = Dossierkaart(
    naam="brp",
    volgorde=5,
    titel=_("BRP"),
    sjabloon="brp/_dossierkaart.html",
    context=_context,
)
