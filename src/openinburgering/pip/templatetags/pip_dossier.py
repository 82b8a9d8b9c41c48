"""The dossier card for work items, intake and PIP letters: ``{% pip_dossier dossier %}``."""

from django import template
from django.utils import timezone

from openinburgering.intake.models import BredeIntake
from openinburgering.pip.models import PipVersie
from openinburgering.signalen.models import Signaal, SignaalStatus
from openinburgering.signalen.selectors import titelteksten
from openinburgering.signalen.weergave import link, titel, verkeerslicht

register = template.Library()


@register.inclusion_tag("pip/_dossier.html", takes_context=True)
def pip_dossier(context, dossier):
    vandaag = timezone.localdate()
    signalen = list(
        Signaal.objects.filter(dossier=dossier, status=SignaalStatus.OPEN)
        .select_related("dossier__inburgeraar")
        .order_by("sorteerdatum", "id")
    )
    teksten = titelteksten(signalen)
    return {
        "dossier": dossier,
        "inburgeraar": dossier.inburgeraar,
        "intake": BredeIntake.objects.filter(dossier=dossier).first(),
        "versies": list(PipVersie.objects.filter(dossier=dossier).order_by("-volgnummer")),
        "signalen": [
            {
                "s": s,
                "titel": titel(s, teksten),
                "link": link(s),
                "licht": verkeerslicht(s.deadline, vandaag),
            }
            for s in signalen
        ],
    }
