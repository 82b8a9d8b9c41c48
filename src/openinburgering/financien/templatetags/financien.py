from django import template

from openinburgering.financien.prognose import euro as _euro

register = template.Library()


@register.filter
def euro(cent: int) -> str:
    """Cents as € 1.234,56."""
    return _euro(int(cent))
