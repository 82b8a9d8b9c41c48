"""How the decision page (``besluiten``) links back to an ontzorgen decision (ADR 0052)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from openinburgering.besluiten import soorten
from openinburgering.besluiten.models import Soort
from openinburgering.besluiten.soorten import Verwijzing


def verwijzing(beschikking) -> Verwijzing | None:
    besluit = getattr(beschikking, "ontzorgbesluit", None)
    if besluit is None:
        return None
    return Verwijzing(
        label=_("Ontzorgen"),
        url=reverse("ontzorgen:overzicht", kwargs={"uuid": beschikking.dossier.inburgeraar.uuid}),
        brief_url=reverse("ontzorgen:brief", kwargs={"uuid": besluit.uuid})
        if besluit.brief_pad
        else None,
    )


def registreren() -> None:
    soorten.registreer(Soort.ONTZORGEN, verwijzing)
