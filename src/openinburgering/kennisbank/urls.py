from django.urls import path

from . import views

app_name = "kennisbank"
urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("nieuw/", views.bewerken, name="nieuw"),
    path("<uuid:uuid>/", views.artikel, name="artikel"),
    path("<uuid:uuid>/wijzigen/", views.bewerken, name="wijzigen"),
]
