from django.urls import path

from . import views

urlpatterns = [
    path("instellingen", views.Instellingen.as_view(), name="instelling-list"),
    path("instellingen/<uuid:uuid>", views.InstellingDetail.as_view(), name="instelling-detail"),
    path(
        "instellingen/<uuid:uuid>/contact",
        views.InstellingContact.as_view(),
        name="instelling-contact",
    ),
    path("contracten", views.Contracten.as_view(), name="contract-list"),
    path("contracten/<uuid:uuid>", views.ContractDetail.as_view(), name="contract-detail"),
    path("verwijzingen", views.Verwijzingen.as_view(), name="verwijzing-list"),
    path("verwijzingen/<uuid:uuid>", views.VerwijzingDetail.as_view(), name="verwijzing-detail"),
    path(
        "verwijzingen/<uuid:uuid>/urenregels",
        views.Urenregels.as_view(),
        name="urenregel-list",
    ),
    path(
        "inburgeraars/<uuid:uuid>/verwijzingen",
        views.VerwijzingenVanPersoon.as_view(),
        name="verwijzing-persoon-list",
    ),
    path(
        "inburgeraars/<uuid:uuid>/eigen-cursussen",
        views.EigenCursussen.as_view(),
        name="eigen-cursus-list",
    ),
]
