"""How a work item is shown: its traffic light (text and token, never colour alone) and its link."""

from dataclasses import dataclass
from datetime import date

from django.urls import reverse
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from openinburgering.core.teksten import weergeven
from openinburgering.core.werklijst import bron_voor_soort

from .models import Soort

BIJNA_DAGEN = 7
BEGELEIDING_PREFIX = "Begeleiding: "


@dataclass(frozen=True)
class Verkeerslicht:
    code: str  # te_laat | bijna | op_schema | geen_termijn (CSS modifier)
    tekst: str
    dagen: int | None


def verkeerslicht(deadline: date | None, peildatum: date) -> Verkeerslicht:
    if deadline is None:
        return Verkeerslicht("geen_termijn", _("Geen termijn"), None)
    dagen = (deadline - peildatum).days
    if dagen < 0:
        te_laat = ngettext("%(n)d dag over tijd", "%(n)d dagen over tijd", -dagen) % {"n": -dagen}
        return Verkeerslicht("te_laat", _("Te laat") + f" ({te_laat})", dagen)
    nog = ngettext("nog %(n)d dag", "nog %(n)d dagen", dagen) % {"n": dagen}
    if dagen <= BIJNA_DAGEN:
        return Verkeerslicht("bijna", _("Binnen een week") + f" ({nog})", dagen)
    return Verkeerslicht("op_schema", _("Op schema") + f" ({nog})", dagen)


def link(signaal) -> str:
    """Where the item is resolved: the source that made it says so, else the dossier page."""
    bron = bron_voor_soort(signaal.soort)
    if bron is not None and bron.link is not None:
        return bron.link(signaal)
    return reverse("inburgeraars:detail", kwargs={"uuid": signaal.dossier.inburgeraar.uuid})


def termijn_link(signaal) -> str:
    """Where one of signalen's own deadline items is resolved."""
    persoon = signaal.dossier.inburgeraar.uuid
    soort = signaal.soort
    if soort in (Soort.INTAKE_STARTEN, Soort.INTAKE_AFRONDEN):
        return reverse("intake:intake", kwargs={"uuid": persoon})
    if soort in (Soort.PIP_TERMIJN, Soort.PIP_CONCEPT):
        if signaal.object_uuid:
            return reverse("pip:bewerken", kwargs={"uuid": signaal.object_uuid})
        return reverse("pip:overzicht", kwargs={"uuid": persoon})
    if soort in (Soort.VOORTGANGSGESPREK, Soort.GESPREK_GEMIST):
        return reverse("pip:gesprek", kwargs={"uuid": signaal.object_uuid})
    if soort == Soort.BEZWAAR:
        # A bezwaar against any kind of decision is decided on the decision's page.
        return reverse("besluiten:bezwaar", kwargs={"uuid": signaal.object_uuid})
    if soort in (Soort.SCHAKELTERMIJN, Soort.TERMIJN_EINDE):
        return reverse("pip:overzicht", kwargs={"uuid": persoon})
    return reverse("inburgeraars:detail", kwargs={"uuid": persoon})


def _stapnaam(signaal) -> str:
    # Standard steps are in the catalogue; a gemeente's own step name passes unchanged.
    return _(signaal.titel.removeprefix(BEGELEIDING_PREFIX))


def uitleg(signaal) -> str:
    """The rule's explanation in the reader's language (``regels`` gives Dutch and English)."""
    if signaal.soort == Soort.BEGELEIDING and signaal.titel.startswith(BEGELEIDING_PREFIX):
        return _("Stap ‘%(stap)s’ is nog niet gezet.") % {"stap": _stapnaam(signaal)}
    if get_language() == "en" and signaal.uitleg_en:
        return signaal.uitleg_en
    return signaal.uitleg


def titel(signaal, teksten: dict | None = None) -> str:
    """The item's title in the reader's language; ``teksten`` from ``selectors.titelteksten``."""
    json = (teksten or {}).get(signaal.object_uuid) if signaal.object_uuid else None
    if json is not None:
        return weergeven(json) or signaal.titel
    # The engine names an overdue step "Begeleiding: <step>"; the step is the gemeente's own name.
    if signaal.soort == Soort.BEGELEIDING and signaal.titel.startswith(BEGELEIDING_PREFIX):
        return _("Begeleiding: %(stap)s") % {"stap": _stapnaam(signaal)}
    return signaal.titel or signaal.get_soort_display()
