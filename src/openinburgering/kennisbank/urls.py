from django.urls import path

from . import views

app_name = "kennisbank"
urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("nieuw/", views.bewerken, name="nieuw"),
    path("<slug:slug>/", views.artikel, name="artikel"),
    path("<slug:slug>/wijzigen/", views.bewerken, name="wijzigen"),
]
