from django.urls import path

from . import views

app_name = "financien"
urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("cohorten/", views.cohorten, name="cohorten"),
    path("export/", views.export, name="export"),
    path("rijksbijdragen/", views.bijdrage_vastleggen, name="bijdrage"),
    path("cursuskosten-afleiden/", views.afleiden, name="afleiden"),
    path("inburgeraar/<uuid:uuid>/", views.persoon, name="persoon"),
    path("boeking/<uuid:uuid>/corrigeren/", views.corrigeren, name="corrigeren"),
]
