from django.urls import path

from . import views

app_name = "portaal"
urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("inloggen/", views.inloggen, name="inloggen"),
    path("inloggen/digid/", views.digid_starten, name="digid"),
    path("inloggen/digid/terug/", views.digid_terug, name="digid_terug"),
    path("uitloggen/", views.uitloggen, name="uitloggen"),
    path("afspraken/", views.afspraken, name="afspraken"),
    path("afspraken/<uuid:uuid>/agenda.ics", views.agenda_ics, name="agenda"),
    path("termijnen/", views.termijnen, name="termijnen"),
    path("contact/", views.contact, name="contact"),
    path("brieven/", views.brieven, name="brieven"),
    path("brieven/<uuid:uuid>/", views.brief, name="brief"),
    path("bericht/", views.bericht, name="bericht"),
    # The klantregisseur's side, from the dossier card.
    path("medewerker/berichten/<uuid:uuid>/bijlage/", views.bijlage, name="bijlage"),
    path("medewerker/berichten/<uuid:uuid>/afgehandeld/", views.afhandelen, name="afhandelen"),
]
