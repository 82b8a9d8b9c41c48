from django.urls import path, register_converter

from . import views


class UitnodigingToken:
    """The secret of an invitation link (``secrets.token_urlsafe(32)``: 43 characters); not an
    object id, so not a UUID. Anything else does not even reach the view."""

    regex = r"[A-Za-z0-9_-]{32,64}"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(UitnodigingToken, "uitnodiging")

app_name = "accounts"
urlpatterns = [
    path("inloggen/", views.inloggen, name="login"),
    path("inloggen/tweede-factor/", views.tweede_factor, name="tweede_factor"),
    # Under /inloggen/: reachable after the password, before any second factor exists.
    path("inloggen/uitnodiging/<uitnodiging:token>/", views.uitnodiging, name="uitnodiging"),
    path("uitloggen/", views.uitloggen, name="logout"),
    path("beheer/medewerkers/", views.medewerkers, name="medewerkers"),
    path(
        "beheer/medewerkers/<uuid:uuid>/uitnodigen/",
        views.medewerker_uitnodigen,
        name="medewerker_uitnodigen",
    ),
]
