from django.urls import path

from . import views

app_name = "besluiten"
urlpatterns = [
    path("<uuid:uuid>/", views.beschikking, name="beschikking"),
    path("<uuid:uuid>/bezwaar/", views.bezwaar_registreren, name="bezwaar_registreren"),
    path("bezwaar/<uuid:uuid>/", views.bezwaar, name="bezwaar"),
    path("bezwaar/<uuid:uuid>/beslissen/", views.bezwaar_beslissen, name="bezwaar_beslissen"),
    path("bezwaar/<uuid:uuid>/verdagen/", views.bezwaar_verdagen, name="bezwaar_verdagen"),
    path(
        "bezwaar/<uuid:uuid>/verdagingsbrief/",
        views.verdagingsbrief,
        name="bezwaar_verdagingsbrief",
    ),
]
