"""A person's costs in brief on the dossier page (``inburgeraars.kaarten``, ADR 0051).

Only for those who book costs: reading them is in the processing log (``selectors``).
"""

from django.utils.translation import gettext_lazy as _

from openinburgering.accounts.rollen import Recht
from openinburgering.inburgeraars.kaarten import Dossierkaart, KaartVerzoek

from . import selectors
from .prognose import euro

#: The latest bookings the card shows; the person's money page shows them all.
OP_DE_KAART = 5


def _context(verzoek: KaartVerzoek) -> dict:
    boekingen = selectors.boekingen_van(
        actor=verzoek.actor, inburgeraar=verzoek.inburgeraar, hoeveel=OP_DE_KAART
    )
    return {
        "boekingen": [{"boeking": b, "bedrag": euro(b.bedrag_cent)} for b in boekingen.regels],
        "aantal": boekingen.aantal,
        "totaal": euro(boekingen.totaal_cent),
    }


KAART = Dossierkaart(
    naam="financien",
    volgorde=90,
    titel=_("Kosten"),
    sjabloon="financien/_dossierkaart.html",
    context=_context,
    recht=Recht.KOSTEN_BOEKEN,
)
