from django.urls import path

from . import views

app_name = "ui"
urlpatterns = [
    path("", views.start, name="start"),
    path("gemeente/", views.gemeente_wisselen, name="gemeente_wisselen"),
    path("regels/", views.regels, name="regels"),
    path("rollen/", views.rollen, name="rollen"),
]
