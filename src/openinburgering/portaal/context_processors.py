from django.conf import settings

from .sessie import SLEUTEL


def portaal(request):
    """Whether the newcomer is signed in (menu, sign-out) and whether DigiD is the stand-in."""
    if not request.path.startswith("/portaal/"):
        return {}
    return {
        "ingelogd": bool(request.session.get(SLEUTEL)),
        "digid_standin": settings.DIGID_STANDIN,
    }
