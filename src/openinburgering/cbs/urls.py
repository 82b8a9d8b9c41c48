from django.urls import path

from . import views

app_name = "cbs"
urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("<uuid:uuid>/", views.levering, name="levering"),
    path("<uuid:uuid>/bestand/", views.download, name="download"),
    path("<uuid:uuid>/aangeleverd/", views.aangeleverd, name="aangeleverd"),
    path("<uuid:uuid>/correctie/", views.correctie, name="correctie"),
]
