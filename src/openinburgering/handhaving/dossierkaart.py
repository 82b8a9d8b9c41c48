"""Open enforcement cases on the dossier page (``inburgeraars.kaarten``), for those who
prepare enforcement."""

from django.utils.translation import gettext_lazy as _

from openinburgering.accounts.rollen import Recht
from openinburgering.inburgeraars.kaarten import Dossierkaart, KaartVerzoek

from .models import Handhavingszaak, ZaakStatus


def _context(verzoek: KaartVerzoek) -> dict:
    return {
        "open": Handhavingszaak.objects.filter(
            dossier=verzoek.dossier, status=ZaakStatus.OPEN
        ).count()
    }


KAART = Dossierkaart(
    naam="handhaving",
    volgorde=30,
    titel=_("Handhaving"),
    sjabloon="handhaving/_dossierkaart.html",
    context=_context,
    recht=Recht.HANDHAVING_VOORBEREIDEN,
)
