from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from openinburgering.core.talen import is_portaaltaal

from . import services, web


def _terug(request) -> str:
    volgende = request.POST.get("next", "")
    if volgende and url_has_allowed_host_and_scheme(
        volgende, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return volgende
    return web.PORTAAL_PADEN[0]


@require_POST
def kiezen(request):
    """The language switch: a plain form (no JavaScript), back to the page it was on.

    An unknown code changes nothing; a signed-in newcomer's choice is kept on the dossier too.
    """
    taal = request.POST.get("taal", "")
    response = HttpResponseRedirect(_terug(request))
    if is_portaaltaal(taal):
        web.onthouden(response, taal)
        inburgeraar = web.ingelogde_inburgeraar(request)
        if inburgeraar is not None:
            services.taal_bewaren(inburgeraar=inburgeraar, taal=taal)
    return response
