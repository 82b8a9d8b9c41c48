from django.apps import AppConfig
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from openinburgering.besluiten.soorten import Verwijzing


def _verwijzing(beschikking) -> Verwijzing:
    """Where the decision page links back to, and the letter (``besluiten.soorten``)."""
    pip = beschikking.pip_versie
    return Verwijzing(
        label=_("PIP"),
        url=reverse("pip:overzicht", kwargs={"uuid": beschikking.dossier.inburgeraar.uuid}),
        brief_url=reverse("pip:beschikking", kwargs={"uuid": pip.uuid})
        if pip.beschikking_pad
        else None,
    )


class PipConfig(AppConfig):
    name = "openinburgering.pip"
    label = "pip"

    def ready(self):
        from openinburgering.besluiten import soorten
        from openinburgering.besluiten.models import Soort

        soorten.registreer(Soort.PIP, _verwijzing)
