"""PVT, MAP, Z-route and exams in brief on the dossier page (``inburgeraars.kaarten``)."""

from django.utils.translation import gettext_lazy as _

from openinburgering.inburgeraars.kaarten import Dossierkaart, KaartVerzoek
from openinburgering.inburgeraars.workflow import Eindreden, Status
from openinburgering.regels.codes import Examenresultaat

from .models import Afronding, ExamenUitslag


def _context(verzoek: KaartVerzoek) -> dict:
    dossier = verzoek.dossier
    afrondingen = {a.onderdeel: a for a in Afronding.objects.filter(dossier=dossier)}
    behaald = (
        ExamenUitslag.objects.filter(dossier=dossier, resultaat=Examenresultaat.GESLAAGD)
        .values("onderdeel")
        .distinct()
        .count()
    )
    return {
        "pvt": afrondingen.get("pvt"),
        "map": afrondingen.get("map"),
        "zroute": afrondingen.get("zroute"),
        "behaald": behaald,
        "totaal": 5,
        "plicht_voldaan": dossier.status == Status.AFGEROND
        and dossier.eindreden == Eindreden.VOLDAAN,
    }


KAART = Dossierkaart(
    naam="traject",
    volgorde=20,
    titel=_("Traject"),
    sjabloon="traject/_dossierkaart.html",
    context=_context,
)
