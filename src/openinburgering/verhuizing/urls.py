from django.urls import path

from . import views

app_name = "verhuizing"
urlpatterns = [
    path("<uuid:uuid>/overdragen/", views.overdragen, name="overdragen"),
    path("<uuid:uuid>/inlezen/", views.inlezen, name="inlezen"),
    path("<uuid:uuid>/vorige-gemeente/", views.geschiedenis, name="geschiedenis"),
    path("overdracht/<uuid:uuid>/document/", views.document, name="document"),
    path("overdracht/<uuid:uuid>/bestand/", views.bestand, name="bestand"),
]
