"""``{% load talen %}`` for the portal's base template (ADR 0089):

- ``{% portaaltaal as taal %}``: ``taal.code``, ``taal.richting`` ("ltr"/"rtl") for
  ``<html lang dir>``, ``taal.machinevertaling``;
- ``{% taalkeuze %}``: the language switch (a plain POST form) and, when the current language is
  machine-translated and not yet reviewed, the notice that says so.
"""

from dataclasses import dataclass

from django import template
from django.utils.translation import get_language

from openinburgering.core.talen import PORTAALTALEN, Portaaltaal
from openinburgering.core.talen import portaaltaal as _taal
from openinburgering.talen import status

register = template.Library()


@dataclass(frozen=True)
class Weergave:
    taal: Portaaltaal
    machinevertaling: bool

    @property
    def code(self) -> str:
        return self.taal.code

    @property
    def richting(self) -> str:
        return self.taal.richting

    @property
    def eigen_naam(self) -> str:
        return self.taal.eigen_naam


def huidige() -> Weergave:
    taal = _taal(get_language())
    return Weergave(taal, status.machinevertaling(taal.code))


@register.simple_tag
def portaaltaal() -> Weergave:
    return huidige()


@register.inclusion_tag("talen/taalkeuze.html", takes_context=True)
def taalkeuze(context):
    request = context.get("request")
    return {
        "huidig": huidige(),
        "talen": PORTAALTALEN,
        "terug": request.get_full_path() if request is not None else "",
        "csrf_token": context.get("csrf_token"),
    }
