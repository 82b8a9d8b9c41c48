from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import render
from django.utils.translation import gettext as _

from openinburgering.accounts.rollen import RECHT_OMSCHRIJVING, Recht, Rol, heeft_recht


def recht_vereist(recht: Recht):
    """Require sign-in, an active gemeente and a role that has ``recht``; else a clear 403 page."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if request.gemeente is None:
                return render(
                    request,
                    "ui/geen_toegang.html",
                    {
                        "reden": _(
                            "U bent nog niet gekoppeld aan een gemeente. "
                            "Vraag de functioneel beheerder om toegang."
                        )
                    },
                    status=403,
                )
            if not heeft_recht(request.rol, recht):
                reden = _("Uw rol ‘%(rol)s’ heeft niet het recht ‘%(recht)s’.") % {
                    "rol": Rol(request.rol).label,
                    "recht": RECHT_OMSCHRIJVING[recht],
                }
                return render(request, "ui/geen_toegang.html", {"reden": reden}, status=403)
            return view(request, *args, **kwargs)

        wrapper.recht = recht
        return wrapper

    return decorator
