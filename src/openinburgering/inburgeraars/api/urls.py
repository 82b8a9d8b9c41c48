from django.urls import path

from . import views

urlpatterns = [
    path("inburgeraars", views.InburgeraarListCreate.as_view(), name="inburgeraar-list"),
    path("inburgeraars/_zoek", views.InburgeraarZoek.as_view(), name="inburgeraar-zoek"),
    path("inburgeraars/<uuid:uuid>", views.InburgeraarDetail.as_view(), name="inburgeraar-detail"),
    path(
        "inburgeraars/<uuid:uuid>/statuswijziging",
        views.Statuswijziging.as_view(),
        name="inburgeraar-statuswijziging",
    ),
    path("inburgeraars/<uuid:uuid>/tijdlijn", views.Tijdlijn.as_view(), name="tijdlijn"),
    path("statistiek/dossiers", views.DossierTellingen.as_view(), name="statistiek-dossiers"),
]
