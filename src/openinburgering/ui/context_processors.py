from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from openinburgering.accounts.rollen import Recht, Rol, heeft_recht

NAVIGATIE = [
    ("signalen:werklijst", _("Werklijst"), Recht.PERSOONSGEGEVENS_LEZEN),
    ("pip:agenda", _("Agenda"), Recht.INTAKE_VOEREN),
    ("inburgeraars:lijst", _("Caseload"), Recht.PERSOONSGEGEVENS_LEZEN),
    ("inburgeraars:aanmaken", _("Nieuwe inburgeraar"), Recht.INBURGERAAR_WIJZIGEN),
    ("taalaanbieders:overzicht", _("Taalaanbieders"), Recht.CONTRACTEN_LEZEN),
    ("logboek:lijst", _("Verwerkingenlogboek"), Recht.LOGBOEK_LEZEN),
    ("duo:werkitems", _("DUO-werkitems"), Recht.PERSOONSGEGEVENS_LEZEN),
    ("duo:beheer", _("Koppeling DUO"), Recht.KOPPELING_BEHEREN),
    ("traject:pvt_groepen", _("PVT-groepen"), Recht.TRAJECT_VASTLEGGEN),
    ("begeleiding:beheer", _("Checklist begeleiding"), Recht.BEGELEIDING_BEHEREN),
    ("ui:rollen", _("Rollen en rechten"), Recht.REGELS_LEZEN),
    ("ui:regels", _("Regelcatalogus"), Recht.REGELS_LEZEN),
]


def ui(request):
    rol = getattr(request, "rol", None)
    navigatie = []
    if rol:
        for naam, label, recht in NAVIGATIE:
            if heeft_recht(rol, recht):
                url = reverse(naam)
                navigatie.append(
                    {"url": url, "label": label, "actief": request.path.startswith(url)}
                )
    return {
        "demo_mode": settings.DEMO_MODE,
        "navigatie": navigatie,
        "rol_label": Rol(rol).label if rol else "",
    }
