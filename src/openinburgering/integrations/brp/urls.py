from django.urls import path

from . import views

app_name = "brp"
urlpatterns = [
    path("koppeling/brp/<uuid:uuid>/ophalen/", views.opnieuw_ophalen, name="opnieuw_ophalen"),
]
