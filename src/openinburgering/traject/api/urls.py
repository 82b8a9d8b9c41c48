from django.urls import path

from . import views

urlpatterns = [
    path("inburgeraars/<uuid:uuid>/traject", views.Traject.as_view(), name="traject-read"),
    path(
        "inburgeraars/<uuid:uuid>/traject/pvt",
        views.AfrondingPvt.as_view(),
        name="traject-pvt",
    ),
    path(
        "inburgeraars/<uuid:uuid>/traject/map",
        views.AfrondingMap.as_view(),
        name="traject-map",
    ),
    path(
        "inburgeraars/<uuid:uuid>/traject/zroute",
        views.Zroute.as_view(),
        name="traject-zroute",
    ),
    path(
        "inburgeraars/<uuid:uuid>/map-activiteiten",
        views.MapActiviteiten.as_view(),
        name="map-activiteit-list",
    ),
    path(
        "inburgeraars/<uuid:uuid>/urenregistraties",
        views.Urenregistraties.as_view(),
        name="urenregistratie-list",
    ),
    path(
        "inburgeraars/<uuid:uuid>/examenuitslagen",
        views.Examenuitslagen.as_view(),
        name="examenuitslag-list",
    ),
    path("pvt-groepen", views.PvtGroepen.as_view(), name="pvt-groep-list"),
    path("pvt-groepen/<uuid:uuid>", views.PvtGroep.as_view(), name="pvt-groep-detail"),
    path(
        "pvt-groepen/<uuid:uuid>/bijeenkomsten",
        views.PvtBijeenkomsten.as_view(),
        name="pvt-bijeenkomst-list",
    ),
    path(
        "pvt-groepen/<uuid:uuid>/deelnames",
        views.PvtDeelnames.as_view(),
        name="pvt-deelname-list",
    ),
    path(
        "pvt-bijeenkomsten/<uuid:uuid>/aanwezigheid",
        views.PvtAanwezigheid.as_view(),
        name="pvt-aanwezigheid",
    ),
    path(
        "pvt-deelnames/<uuid:uuid>/ondertekening",
        views.PvtOndertekening.as_view(),
        name="pvt-ondertekening",
    ),
]
