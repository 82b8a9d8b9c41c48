"""``{% traject_kaart inburgeraar %}``: PVT, MAP, Z-route and exams in brief on the dossier page."""

from django import template

from openinburgering.inburgeraars.workflow import Eindreden, Status
from openinburgering.regels.codes import Examenresultaat
from openinburgering.traject.models import Afronding, ExamenUitslag

register = template.Library()


@register.inclusion_tag("traject/_dossierkaart.html")
def traject_kaart(inburgeraar):
    dossier = inburgeraar.dossier
    afrondingen = {a.onderdeel: a for a in Afronding.objects.filter(dossier=dossier)}
    behaald = (
        ExamenUitslag.objects.filter(dossier=dossier, resultaat=Examenresultaat.GESLAAGD)
        .values("onderdeel")
        .distinct()
        .count()
    )
    return {
        "inburgeraar": inburgeraar,
        "pvt": afrondingen.get("pvt"),
        "map": afrondingen.get("map"),
        "zroute": afrondingen.get("zroute"),
        "behaald": behaald,
        "totaal": 5,
        "plicht_voldaan": dossier.status == Status.AFGEROND
        and dossier.eindreden == Eindreden.VOLDAAN,
    }
