from django.urls import path

from . import views

app_name = "signalen"
urlpatterns = [
    path("", views.werklijst, name="werklijst"),
    path("toewijzen/", views.toewijzen, name="toewijzen"),
    path("oppakken/", views.oppakken, name="oppakken"),
]
