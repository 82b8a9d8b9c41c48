from django.urls import path

from . import views

urlpatterns = [
    path("inburgeraars/<uuid:uuid>/intake", views.Intake.as_view(), name="intake"),
    path(
        "inburgeraars/<uuid:uuid>/intake/afsluiten",
        views.IntakeAfsluiten.as_view(),
        name="intake-afsluiten",
    ),
    path(
        "inburgeraars/<uuid:uuid>/intake/gesprekken",
        views.IntakeGesprekken.as_view(),
        name="intake-gesprekken",
    ),
    path(
        "inburgeraars/<uuid:uuid>/intake/lbt-vrijstelling",
        views.LbtVrijstelling.as_view(),
        name="intake-lbt-vrijstelling",
    ),
]
