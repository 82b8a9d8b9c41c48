"""``{% begeleiding_kaart inburgeraar %}``: the begeleiding card on the dossier page.

The dossier view already logged the read of this person; the card reads nothing else personal.
"""

from django import template
from django.utils import timezone

from openinburgering.accounts.context import actor_uit_request
from openinburgering.begeleiding import selectors

register = template.Library()


@register.inclusion_tag("begeleiding/_dossierkaart.html", takes_context=True)
def begeleiding_kaart(context, inburgeraar):
    actor = actor_uit_request(context["request"])
    dossier = inburgeraar.dossier
    return {
        "inburgeraar": inburgeraar,
        "van_toepassing": selectors.heeft_begeleiding(dossier),
        "checklist": selectors.checklist(
            actor=actor, dossier=dossier, peildatum=timezone.localdate()
        ),
    }
