from django.urls import path

from . import views

app_name = "pip"
urlpatterns = [
    path("agenda/", views.agenda, name="agenda"),
    path("inburgeraar/<uuid:uuid>/", views.overzicht, name="overzicht"),
    path("inburgeraar/<uuid:uuid>/nieuw/", views.nieuw, name="nieuw"),
    path("inburgeraar/<uuid:uuid>/gesprek-plannen/", views.gesprek_plannen, name="gesprek_plannen"),
    path("<uuid:uuid>/", views.bewerken, name="bewerken"),
    path("<uuid:uuid>/valideren/", views.valideren, name="valideren"),
    path("<uuid:uuid>/vaststellen/", views.vaststellen, name="vaststellen"),
    path("<uuid:uuid>/beschikking/", views.beschikking, name="beschikking"),
    path("gesprek/<uuid:uuid>/", views.gesprek, name="gesprek"),
]
