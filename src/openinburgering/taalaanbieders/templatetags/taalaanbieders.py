from django import template

from openinburgering.accounts.context import actor_uit_request
from openinburgering.accounts.rollen import Recht
from openinburgering.taalaanbieders import bronnen, selectors

register = template.Library()


@register.inclusion_tag("taalaanbieders/_dossier.html", takes_context=True)
def taalaanbod_dossier(context, inburgeraar):
    """The referrals, self-chosen courses and open work items on the dossier page.

    The dossier view already logged the read of this person; this adds no other person.
    """
    actor = actor_uit_request(context["request"])
    gegevens = selectors.dossier_taalaanbod(actor=actor, inburgeraar=inburgeraar)
    for v in gegevens.verwijzingen:
        v.uren_totaal = gegevens.uren.get(v.pk)
    return {
        "inburgeraar": inburgeraar,
        "t": gegevens,
        "asiel": inburgeraar.doelgroep == "Asielstatushouder",
        "heeft_pip": bronnen.huidige_pip(inburgeraar.dossier) is not None,
        "mag_verwijzen": actor.mag(Recht.VERWIJZEN),
        "mag_wijzigen": actor.mag(Recht.INBURGERAAR_WIJZIGEN),
        "csrf_token": context.get("csrf_token"),
    }
