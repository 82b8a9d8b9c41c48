"""Small request helpers shared by views: where to go back to, and ids from a form."""

import uuid
from collections.abc import Iterable

from django.http import HttpResponseRedirect
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme


def terug_naar(request, standaard: str, **kwargs) -> HttpResponseRedirect:
    """Redirect to the form's ``volgende`` if it is a path on this site, else to ``standaard``
    (a URL name). Never treats the posted value as a URL name: that would be a 500."""
    volgende = request.POST.get("volgende", "")
    if volgende.startswith("/") and url_has_allowed_host_and_scheme(
        volgende, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return HttpResponseRedirect(volgende)
    return redirect(standaard, **kwargs)


def geldige_uuids(waarden: Iterable[str]) -> list[uuid.UUID]:
    """The values that are UUIDs; the rest (tampered or garbage input) is left out."""
    uit = []
    for waarde in waarden:
        try:
            uit.append(uuid.UUID(str(waarde)))
        except ValueError:
            continue
    return uit
