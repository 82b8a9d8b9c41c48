from django.urls import path

from openinburgering.traject.views import dossier, pvt

app_name = "traject"
urlpatterns = [
    path("pvt/", pvt.groepen, name="pvt_groepen"),
    path("pvt/nieuw/", pvt.groep_nieuw, name="pvt_groep_nieuw"),
    path("pvt/<uuid:uuid>/", pvt.groep, name="pvt_groep"),
    path("pvt/<uuid:uuid>/bijeenkomst/", pvt.bijeenkomst_toevoegen, name="pvt_bijeenkomst"),
    path("pvt/<uuid:uuid>/uitnodigen/", pvt.uitnodigen, name="pvt_uitnodigen"),
    path("pvt/bijeenkomst/<uuid:uuid>/aanwezigheid/", pvt.aanwezigheid, name="pvt_aanwezigheid"),
    path("pvt/bijeenkomst/<uuid:uuid>/materiaal/", pvt.materiaal_toevoegen, name="pvt_materiaal"),
    path("pvt/materiaal/<uuid:uuid>/", pvt.materiaal_downloaden, name="pvt_materiaal_downloaden"),
    path("pvt/deelname/<uuid:uuid>/ondertekening/", pvt.ondertekening, name="pvt_ondertekening"),
    path("<uuid:uuid>/", dossier.overzicht, name="overzicht"),
    path("<uuid:uuid>/pvt/", dossier.afronding_opslaan, {"onderdeel": "pvt"}, name="afronding_pvt"),
    path(
        "<uuid:uuid>/map/eindgesprek/",
        dossier.afronding_opslaan,
        {"onderdeel": "map"},
        name="afronding_map",
    ),
    path("<uuid:uuid>/map/", dossier.map_activiteit, name="map_activiteit"),
    path("<uuid:uuid>/uren/", dossier.uren_opslaan, name="uren"),
    path("<uuid:uuid>/zroute/", dossier.zroute_afronden, name="zroute"),
    path("<uuid:uuid>/examens/", dossier.examens_ophalen, name="examens_ophalen"),
]
