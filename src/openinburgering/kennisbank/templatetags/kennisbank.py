"""The box "Uit de kennisbank" on caseworkers' pages, and the links in the rules catalogue.

``{% kennisbank_kader "intake" %}`` renders the box for one place (``plaatsen.Plaats``);
``{% kennisbank_per_regel as index %}`` then ``{% kennisbank_bij_regel index r.id as lijst %}``
give the entries per rule in one query for the whole catalogue (ADR 0071).
"""

from django import template

from openinburgering.kennisbank import selectors
from openinburgering.kennisbank.plaatsen import Plaats

register = template.Library()


@register.inclusion_tag("kennisbank/_kader.html")
def kennisbank_kader(plaats: str):
    if plaats not in Plaats.values:
        raise template.TemplateSyntaxError(f"Onbekende kennisbankplaats: {plaats!r}")
    return {"artikelen": selectors.voor_plaats(plaats), "plaats": plaats}


@register.simple_tag
def kennisbank_per_regel():
    return selectors.per_regel()


@register.simple_tag
def kennisbank_bij_regel(index, regel_id):
    return index.get(regel_id, [])
