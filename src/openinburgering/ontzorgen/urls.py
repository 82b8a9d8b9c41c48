from django.urls import path

from . import views

app_name = "ontzorgen"
urlpatterns = [
    path("<uuid:uuid>/", views.overzicht, name="overzicht"),
    path("<uuid:uuid>/periode/", views.periode, name="periode"),
    path("periode/<uuid:uuid>/besluit/", views.besluit_aanmaken, name="besluit_aanmaken"),
    path("besluit/<uuid:uuid>/", views.besluit, name="besluit"),
    path("besluit/<uuid:uuid>/last/", views.vaste_last, name="vaste_last"),
    path("besluit/<uuid:uuid>/stap/", views.afbouwstap, name="afbouwstap"),
    path("besluit/<uuid:uuid>/vaststellen/", views.vaststellen, name="vaststellen"),
    path("besluit/<uuid:uuid>/wijzigen/", views.wijzigen, name="wijzigen"),
    path("besluit/<uuid:uuid>/brief/", views.brief, name="brief"),
    path("bijstand/import/", views.importeren, name="importeren"),
    path("bijstand/import/<uuid:uuid>/", views.import_voorbeeld, name="import_voorbeeld"),
    path("betaalruns/", views.runs, name="runs"),
    path("betaalruns/<uuid:uuid>/", views.run, name="run"),
    path("betaalruns/<uuid:uuid>/goedkeuren/", views.goedkeuren, name="goedkeuren"),
    path("betaalruns/<uuid:uuid>/bestand/", views.bestand, name="bestand"),
    path("betaling/<uuid:uuid>/weigeren/", views.weigeren, name="weigeren"),
]
