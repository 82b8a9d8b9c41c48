from django.apps import AppConfig
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from openinburgering.besluiten.soorten import Verwijzing


def _verwijzing(beschikking) -> Verwijzing:
    """Where the decision page links back to, and the letter (``besluiten.soorten``)."""
    stap = beschikking.handhavingsstap
    return Verwijzing(
        label=_("Handhavingszaak"),
        url=reverse("handhaving:zaak", kwargs={"uuid": stap.zaak.uuid}),
        brief_url=reverse("handhaving:brief", kwargs={"uuid": stap.uuid})
        if stap.brief_pad
        else None,
    )


class HandhavingConfig(AppConfig):
    name = "openinburgering.handhaving"
    label = "handhaving"
    verbose_name = _("Handhaving: waarschuwingen en boetes")

    def ready(self):
        from openinburgering.besluiten import soorten
        from openinburgering.besluiten.models import Soort

        soorten.registreer(Soort.BOETE, _verwijzing)
