"""``{% handhaving_kaart inburgeraar %}``: open enforcement cases on the dossier page."""

from django import template

from openinburgering.accounts.rollen import Recht, heeft_recht
from openinburgering.handhaving.models import Handhavingszaak, ZaakStatus

register = template.Library()


@register.inclusion_tag("handhaving/_dossierkaart.html", takes_context=True)
def handhaving_kaart(context, inburgeraar):
    request = context["request"]
    if not heeft_recht(getattr(request, "rol", None), Recht.HANDHAVING_VOORBEREIDEN):
        return {"verborgen": True}
    open_ = Handhavingszaak.objects.filter(
        dossier=inburgeraar.dossier, status=ZaakStatus.OPEN
    ).count()
    return {"inburgeraar": inburgeraar, "open": open_}
