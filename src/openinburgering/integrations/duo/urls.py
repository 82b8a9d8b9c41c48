from django.urls import path

from . import api, views

app_name = "duo"
urlpatterns = [
    # DUO's Notificatie API, exactly as DUO's spec names it (no trailing slash).
    path("duo/v1/notificaties", api.notificaties, name="notificaties"),
    # Pages of the integration (behind sign-in and the second factor; not under /duo/).
    path("koppeling/duo/", views.beheer, name="beheer"),
    path("koppeling/duo/afstemmen/", views.afstemmen, name="afstemmen"),
    path("koppeling/duo/inhalen/", views.inhalen, name="inhalen"),
    path(
        "koppeling/duo/uitgaand/<uuid:uuid>/opnieuw/",
        views.opnieuw_aanbieden,
        name="opnieuw_aanbieden",
    ),
    path(
        "koppeling/duo/incidenten/<uuid:uuid>/afgehandeld/",
        views.incident_afhandelen,
        name="incident_afhandelen",
    ),
    path("koppeling/duo/portal/", views.portal, name="portal"),
    path(
        "koppeling/duo/portal/<uuid:uuid>/ingevoerd/",
        views.portal_ingevoerd,
        name="portal_ingevoerd",
    ),
    path("koppeling/duo/werkitems/", views.werkitems, name="werkitems"),
    path(
        "koppeling/duo/werkitems/<uuid:uuid>/afhandelen/",
        views.werkitem_afhandelen,
        name="werkitem_afhandelen",
    ),
    path("koppeling/duo/contactpersonen/", views.contactpersonen, name="contactpersonen"),
    path(
        "koppeling/duo/contactpersonen/nieuw/",
        views.contactpersoon_aanmaken,
        name="contactpersoon_aanmaken",
    ),
    path(
        "koppeling/duo/contactpersonen/<uuid:uuid>/",
        views.contactpersoon_wijzigen,
        name="contactpersoon_wijzigen",
    ),
    path(
        "koppeling/duo/contactpersonen/<uuid:uuid>/verwijderen/",
        views.contactpersoon_verwijderen,
        name="contactpersoon_verwijderen",
    ),
    # On the dossier: ``uuid`` is the inburgeraar's.
    path(
        "koppeling/duo/dossier/<uuid:uuid>/besluiten/ophalen/",
        views.besluiten_ophalen,
        name="besluiten_ophalen",
    ),
    path(
        "koppeling/duo/dossier/<uuid:uuid>/contactpersoon/",
        views.contactpersoon_koppelen,
        name="contactpersoon_koppelen",
    ),
    path(
        "koppeling/duo/dossier/<uuid:uuid>/contactpersoon/ontkoppelen/",
        views.contactpersoon_ontkoppelen,
        name="contactpersoon_ontkoppelen",
    ),
]
