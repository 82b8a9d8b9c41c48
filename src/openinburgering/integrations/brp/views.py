from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from openinburgering.accounts.context import actor_uit_request
from openinburgering.accounts.permissions import recht_vereist
from openinburgering.accounts.rollen import Recht
from openinburgering.core.brp import BrpFout, BrpNietGevonden
from openinburgering.inburgeraars import selectors as inburgeraar_selectors
from openinburgering.logboek.models import Doel

from .poort import BrpPoort


def velden_tekst(velden: list[str]) -> str:
    from openinburgering.inburgeraars.models import Inburgeraar

    return ", ".join(str(Inburgeraar._meta.get_field(v).verbose_name) for v in velden)


@recht_vereist(Recht.INBURGERAAR_WIJZIGEN)
@require_POST
def opnieuw_ophalen(request, uuid):
    """ "Opnieuw ophalen uit de BRP" on the dossier: read now, take it in, say what changed."""
    actor = actor_uit_request(request)
    # Another gemeente's person is a 404, as everywhere.
    inburgeraar = inburgeraar_selectors.inburgeraar_get(actor=actor, uuid=uuid)
    poort = BrpPoort()
    if not poort.aan():
        messages.error(request, _("Er is geen koppeling met de BRP ingericht."))
        return redirect("inburgeraars:detail", uuid=inburgeraar.uuid)
    try:
        velden = poort.bijwerken(actor=actor, inburgeraar=inburgeraar, doel=Doel.ACTUALISEREN)
    except BrpNietGevonden:
        messages.error(
            request,
            _(
                "De BRP kent het BSN van deze persoon niet. Er is niets gewijzigd; controleer "
                "het BSN."
            ),
        )
    except BrpFout as fout:
        tekst = _("%(fout)s Er is niets gewijzigd.") % {"fout": fout.melding}
        if fout.tijdelijk:
            tekst += " " + _("De koppeling probeert het later vanzelf opnieuw.")
        messages.error(request, tekst)
    else:
        if velden:
            messages.success(
                request,
                _("Opgehaald uit de BRP en overgenomen: %(velden)s.")
                % {"velden": velden_tekst(velden)},
            )
        else:
            messages.success(request, _("Opgehaald uit de BRP; de gegevens waren al actueel."))
    return redirect("inburgeraars:detail", uuid=inburgeraar.uuid)
