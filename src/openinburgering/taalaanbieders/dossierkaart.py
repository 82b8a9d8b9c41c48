"""The referrals, self-chosen courses and open school reports on the dossier page
(``inburgeraars.kaarten``, ADR 0051).

The dossier view already logged the read of this person; this adds no other person.
"""

from django.utils.translation import gettext_lazy as _

from openinburgering.accounts.rollen import Recht
from openinburgering.inburgeraars.kaarten import Dossierkaart, KaartVerzoek

from . import bronnen, selectors


def _context(verzoek: KaartVerzoek) -> dict:
    actor, inburgeraar = verzoek.actor, verzoek.inburgeraar
    gegevens = selectors.dossier_taalaanbod(actor=actor, inburgeraar=inburgeraar)
    for v in gegevens.verwijzingen:
        v.uren_totaal = gegevens.uren.get(v.pk)
    return {
        "t": gegevens,
        "asiel": inburgeraar.doelgroep == "Asielstatushouder",
        "heeft_pip": bronnen.huidige_pip(verzoek.dossier) is not None,
        "mag_verwijzen": actor.mag(Recht.VERWIJZEN),
        "mag_wijzigen": actor.mag(Recht.INBURGERAAR_WIJZIGEN),
    }


KAART = Dossierkaart(
    naam="taalaanbod",
    volgorde=50,
    titel=_("Taalaanbieder"),
    sjabloon="taalaanbieders/_dossier.html",
    context=_context,
)
