"""The dossier's open work items on the dossier page (``inburgeraars.kaarten``, ADR 0051): the
same items, titles, links and traffic lights as the worklist."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from openinburgering.inburgeraars.kaarten import Dossierkaart, KaartVerzoek

from .models import Signaal, SignaalStatus
from .selectors import titelteksten
from .weergave import link, titel, verkeerslicht


def _context(verzoek: KaartVerzoek) -> dict:
    vandaag = timezone.localdate()
    signalen = list(
        Signaal.objects.filter(dossier=verzoek.dossier, status=SignaalStatus.OPEN)
        .select_related("dossier__inburgeraar")
        .order_by("sorteerdatum", "id")
    )
    teksten = titelteksten(signalen)
    return {
        "signalen": [
            {
                "s": s,
                "titel": titel(s, teksten),
                "link": link(s),
                "licht": verkeerslicht(s.deadline, vandaag),
            }
            for s in signalen
        ],
    }


KAART = Dossierkaart(
    naam="werk",
    volgorde=60,
    titel=_("Open werk"),
    sjabloon="signalen/_dossierkaart.html",
    context=_context,
)
