from django.urls import path

from . import views

urlpatterns = [
    path("handhavingszaken", views.Zaken.as_view(), name="handhavingszaak-list"),
    path(
        "inburgeraars/<uuid:uuid>/handhavingszaken",
        views.ZakenVanPersoon.as_view(),
        name="handhavingszaak-persoon-list",
    ),
    path("handhavingszaken/<uuid:uuid>", views.Zaak.as_view(), name="handhavingszaak-detail"),
    path(
        "handhavingszaken/<uuid:uuid>/waarschuwing",
        views.Waarschuwing.as_view(),
        name="handhaving-waarschuwing",
    ),
    path(
        "handhavingszaken/<uuid:uuid>/voornemen",
        views.Voornemen.as_view(),
        name="handhaving-voornemen",
    ),
    path(
        "handhavingszaken/<uuid:uuid>/zienswijze",
        views.Zienswijze.as_view(),
        name="handhaving-zienswijze",
    ),
]
