from django.urls import path

from . import portaal, views

app_name = "taalaanbieders"
urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("instellingen/", views.instellingen, name="instellingen"),
    path("instellingen/<uuid:uuid>/contact/", views.instelling_contact, name="instelling_contact"),
    path("contracten/nieuw/", views.contract_aanmaken, name="contract_aanmaken"),
    path("contracten/<uuid:uuid>/", views.contract_detail, name="contract"),
    path("verwijzen/<uuid:uuid>/", views.verwijzen, name="verwijzen"),
    path("eigen-cursus/<uuid:uuid>/", views.eigen_cursus, name="eigen_cursus"),
    path("aandachtspunten/", views.aandachtspunten, name="aandachtspunten"),
    path(
        "aandachtspunten/<uuid:uuid>/afhandelen/",
        views.aandachtspunt_afhandelen,
        name="aandachtspunt_afhandelen",
    ),
    # The portal for school staff.
    path("portaal/", portaal.portaal, name="portaal"),
    path("portaal/export/", portaal.export, name="export"),
    path("portaal/uren-uploaden/", portaal.uren_uploaden, name="uren_uploaden"),
    path("portaal/uren-voorbeeld/", portaal.voorbeeld, name="voorbeeld"),
    path("portaal/uploads/<uuid:uuid>/", portaal.upload_status, name="upload"),
    path("portaal/<uuid:uuid>/", portaal.deelnemer, name="deelnemer"),
    path("portaal/<uuid:uuid>/intake/", portaal.intake, name="intake"),
    path("portaal/<uuid:uuid>/uren/", portaal.uren, name="uren"),
    path("portaal/<uuid:uuid>/voortgang/", portaal.voortgang, name="voortgang"),
    path("portaal/<uuid:uuid>/examen/", portaal.examen, name="examen"),
    path("portaal/<uuid:uuid>/afschalen/", portaal.afschalen, name="afschalen"),
]
