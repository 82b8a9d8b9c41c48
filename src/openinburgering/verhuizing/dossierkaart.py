"""The move on the dossier page (``inburgeraars.kaarten``, ADR 0051, 0066): a move the BRP or
DUO reported, the handover with its two downloads once the dossier is closed (R76), and at the
new gemeente the handover file to read in, or the PIP DUO holds when there is none (R75).

A fixed number of queries: the latest report, the handover, the import, this gemeente's
current PIP; DUO's stored answer is read only when someone settled here."""

from django.utils.translation import gettext_lazy as _

from openinburgering.accounts.rollen import Recht
from openinburgering.core.keten import raadplegen
from openinburgering.inburgeraars.kaarten import Dossierkaart, KaartVerzoek
from openinburgering.inburgeraars.workflow import Status
from openinburgering.pip.models import PipStatus, PipVersie
from openinburgering.regels.codes import Leerroute
from openinburgering.regels.verhuizing import VorigPip, geldend_pip_na_verhuizing

from . import selectors
from .models import Richting


def _context(verzoek: KaartVerzoek) -> dict:
    dossier, actor = verzoek.dossier, verzoek.actor
    actief = dossier.status != Status.AFGEROND
    melding = selectors.laatste_melding(dossier=dossier)
    overdracht = selectors.overdracht_van(dossier=dossier)
    overname = selectors.overname_van(dossier=dossier)
    geldend = None
    duo_pip = None
    vestiging = overname is not None or (
        melding is not None and melding.richting == Richting.VESTIGING
    )
    if vestiging and actief:
        stand = raadplegen.raadpleging().stand(verzoek.inburgeraar)
        if stand.pip_dagtekening and stand.pip_leerroute:
            duo_pip = VorigPip(
                dagtekening=stand.pip_dagtekening, leerroute=Leerroute(stand.pip_leerroute)
            )
        eigen = (
            PipVersie.objects.filter(dossier=dossier, status=PipStatus.VASTGESTELD)
            .values_list("dagtekening", flat=True)
            .first()
        )
        geldend = geldend_pip_na_verhuizing(vorig=duo_pip, eigen_dagtekening=eigen)
    return {
        "melding": melding,
        "overdracht": overdracht,
        "overname": overname,
        "actief": actief,
        "vestiging": vestiging,
        "duo_pip": duo_pip,
        "geldend": geldend,
        "mag_overdragen": actief
        and overdracht is None
        and actor.mag(Recht.DOSSIER_STATUS_WIJZIGEN),
        "mag_downloaden": overdracht is not None and actor.mag(Recht.DOSSIER_STATUS_WIJZIGEN),
        "mag_inlezen": actief and overname is None and actor.mag(Recht.INBURGERAAR_WIJZIGEN),
    }


KAART = Dossierkaart(
    naam="verhuizing",
    volgorde=6,
    titel=_("Verhuizing"),
    sjabloon="verhuizing/_dossierkaart.html",
    context=_context,
)
