"""On the dossier page: what the newcomer saw in the portal (from the processing log) and what
they sent (``inburgeraars.kaarten``, ADR 0051)."""

from django.utils.translation import gettext_lazy as _

from openinburgering.accounts.rollen import Recht
from openinburgering.inburgeraars.kaarten import Dossierkaart, KaartVerzoek
from openinburgering.logboek.models import Verwerking

from .models import Bericht

#: The parts of the portal, as the processing log names them (``inburgeraar:portaal/<part>``).
ONDERDELEN = {
    "pip": _("Mijn plan"),
    "afspraken": _("Afspraken"),
    "agenda": _("Afspraak in agenda gezet (.ics)"),
    "termijnen": _("Termijnen"),
    "contact": _("Contact"),
    "brieven": _("Brieven"),
    "brief": _("Brief gedownload"),
    "bericht": _("Bericht sturen"),
}
GETOOND = 10


def _context(verzoek: KaartVerzoek) -> dict:
    gezien = list(
        Verwerking.objects.filter(
            gemeente=verzoek.dossier.gemeente_id,
            betrokkene=verzoek.inburgeraar.pseudoniem,
            actor_soort="inburgeraar",
        )
        .order_by("-tijdstip", "-id")
        .values("tijdstip", "actor")[:GETOOND]
    )
    for regel in gezien:
        regel["onderdeel"] = ONDERDELEN.get(
            regel["actor"].removeprefix("inburgeraar:portaal/"), regel["actor"]
        )
    return {
        "gezien": gezien,
        "berichten": list(Bericht.objects.filter(dossier=verzoek.dossier)[:GETOOND]),
        "mag_afhandelen": verzoek.actor.mag(Recht.INBURGERAAR_WIJZIGEN),
    }


KAART = Dossierkaart(
    naam="portaal",
    volgorde=65,
    titel=_("Portaal: wat de inburgeraar zag en stuurde"),
    sjabloon="portaal/_dossierkaart.html",
    context=_context,
    recht=Recht.PERSOONSGEGEVENS_LEZEN,
)
