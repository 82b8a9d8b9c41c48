from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("inloggen/", views.inloggen, name="login"),
    path("inloggen/tweede-factor/", views.tweede_factor, name="tweede_factor"),
    # Under /inloggen/: reachable after the password, before any second factor exists.
    path("inloggen/uitnodiging/<str:token>/", views.uitnodiging, name="uitnodiging"),
    path("uitloggen/", views.uitloggen, name="logout"),
    path("beheer/medewerkers/", views.medewerkers, name="medewerkers"),
    path(
        "beheer/medewerkers/<uuid:uuid>/uitnodigen/",
        views.medewerker_uitnodigen,
        name="medewerker_uitnodigen",
    ),
]
