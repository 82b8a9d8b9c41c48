"""``{% duo_dossier inburgeraar %}``: the DUO panel on the dossier page."""

from django import template

from openinburgering.accounts.context import actor_uit_request
from openinburgering.accounts.rollen import Recht
from openinburgering.integrations.duo import selectors
from openinburgering.integrations.duo.forms import KoppelenForm
from openinburgering.integrations.duo.models import DuoStand

register = template.Library()


@register.inclusion_tag("duo/_dossier_paneel.html", takes_context=True)
def duo_dossier(context, inburgeraar):
    """Open work items, messages to DUO and what DUO last said, for one dossier.

    The dossier view already wrote the processing-log record for viewing this person.
    """
    request = context["request"]
    actor = actor_uit_request(request)
    dossier = inburgeraar.dossier
    stand = DuoStand.objects.filter(inburgeraar=inburgeraar).first()
    gegevens = stand.gegevens if stand else {}
    return {
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "dossier": dossier,
        "werkitems": list(selectors.werkitem_voor_dossier(actor=actor, dossier=dossier)),
        "uitgaand": list(selectors.uitgaand_voor_dossier(actor=actor, dossier=dossier)),
        "plicht": gegevens.get("plicht"),
        "termijn": gegevens.get("termijn"),
        "pip": gegevens.get("pip"),
        "opgehaald_op": stand.bijgewerkt_op if stand else None,
        "mag_afhandelen": actor.mag(Recht.INBURGERAAR_WIJZIGEN),
        "portal": actor.gemeente.koppeling == "portal",
        "inburgeraar": inburgeraar,
        "contactpersoon": selectors.contactpersoon_van_inburgeraar(
            actor=actor, inburgeraar=inburgeraar
        ),
        "koppel_form": (
            KoppelenForm(keuzes=selectors.contactpersoon_keuzes(actor=actor))
            if actor.mag(Recht.CONTACTPERSOON_KOPPELEN)
            else None
        ),
    }


@register.filter
def duo_datum(waarde):
    """An ISO date from DUO's data (``2026-03-21``) as ``21-03-2026``."""
    if not waarde:
        return "–"
    try:
        jaar, maand, dag = str(waarde)[:10].split("-")
    except ValueError:
        return waarde
    return f"{dag}-{maand}-{jaar}"
