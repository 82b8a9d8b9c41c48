"""How the decision page (``besluiten``) links back to a PIP and to its letter (ADR 0052)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from openinburgering.besluiten import soorten
from openinburgering.besluiten.models import Soort
from openinburgering.besluiten.soorten import Verwijzing


def verwijzing(beschikking) -> Verwijzing:
    pip = beschikking.pip_versie
    return Verwijzing(
        label=_("PIP"),
        url=reverse("pip:overzicht", kwargs={"uuid": beschikking.dossier.inburgeraar.uuid}),
        brief_url=reverse("pip:beschikking", kwargs={"uuid": pip.uuid})
        if pip.beschikking_pad
        else None,
    )


def registreren() -> None:
    soorten.registreer(Soort.PIP, verwijzing)
