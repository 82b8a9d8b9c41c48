"""The DUO card on the dossier page (``inburgeraars.kaarten``, ADR 0051): open work items,
messages to DUO and what DUO last said, for one dossier.

The dossier view already wrote the processing-log record for viewing this person.
"""

from django.utils.translation import gettext_lazy as _

from openinburgering.accounts.rollen import Recht
from openinburgering.inburgeraars.kaarten import Dossierkaart, KaartVerzoek

from . import selectors
from .forms import KoppelenForm
from .models import DuoStand


def _context(verzoek: KaartVerzoek) -> dict:
    actor, dossier, inburgeraar = verzoek.actor, verzoek.dossier, verzoek.inburgeraar
    stand = DuoStand.objects.filter(inburgeraar=inburgeraar).first()
    gegevens = stand.gegevens if stand else {}
    return {
        "werkitems": list(selectors.werkitem_voor_dossier(actor=actor, dossier=dossier)),
        "uitgaand": list(selectors.uitgaand_voor_dossier(actor=actor, dossier=dossier)),
        "plicht": gegevens.get("plicht"),
        "termijn": gegevens.get("termijn"),
        "pip": gegevens.get("pip"),
        "opgehaald_op": stand.bijgewerkt_op if stand else None,
        "mag_afhandelen": actor.mag(Recht.INBURGERAAR_WIJZIGEN),
        "portal": actor.gemeente.koppeling == "portal",
        "contactpersoon": selectors.contactpersoon_van_inburgeraar(
            actor=actor, inburgeraar=inburgeraar
        ),
        "koppel_form": (
            KoppelenForm(keuzes=selectors.contactpersoon_keuzes(actor=actor))
            if actor.mag(Recht.CONTACTPERSOON_KOPPELEN)
            else None
        ),
    }


KAART = Dossierkaart(
    naam="duo",
    volgorde=40,
    titel=_("DUO"),
    sjabloon="duo/_dossier_paneel.html",
    context=_context,
)
