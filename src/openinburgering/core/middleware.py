"""Security headers every response carries, whatever view, middleware or error page made it."""

from django.conf import settings

# Browser features the product never uses: denied for this origin and every frame (ADR 0054).
PERMISSIONS_POLICY = ", ".join(
    f"{functie}=()"
    for functie in (
        "accelerometer",
        "ambient-light-sensor",
        "autoplay",
        "bluetooth",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
)


def is_statisch(path: str) -> bool:
    """Static files may be cached: they hold no personal data. (There is no public media: files
    with personal data are served by views, which check access, and get no-store.)"""
    prefix = "/" + str(settings.STATIC_URL).lstrip("/")
    return prefix != "/" and path.startswith(prefix)


class BeveiligingsHeadersMiddleware:
    """``Permissions-Policy`` on every response; ``Cache-Control: no-store`` on everything that is
    not a static file.

    Pages, API answers, letters and exports carry personal data: no browser, proxy or shared
    computer may keep a copy. We overwrite what a view set, because a view that forgets is the
    risk this guards against.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        if not is_statisch(request.path_info):
            response.headers["Cache-Control"] = "no-store"
            response.headers["Pragma"] = "no-cache"
            response.headers.pop("Expires", None)
        return response
