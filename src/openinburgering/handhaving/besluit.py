"""How the decision page (``besluiten``) links back to a fine's case and letter (ADR 0052)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from openinburgering.besluiten import soorten
from openinburgering.besluiten.models import Soort
from openinburgering.besluiten.soorten import Verwijzing


def verwijzing(beschikking) -> Verwijzing:
    stap = beschikking.handhavingsstap
    return Verwijzing(
        label=_("Handhavingszaak"),
        url=reverse("handhaving:zaak", kwargs={"uuid": stap.zaak.uuid}),
        brief_url=reverse("handhaving:brief", kwargs={"uuid": stap.uuid})
        if stap.brief_pad
        else None,
    )


def registreren() -> None:
    soorten.registreer(Soort.BOETE, verwijzing)
