from django.urls import path

from . import views

app_name = "intake"
urlpatterns = [
    path("<uuid:uuid>/", views.intake, name="intake"),
    path("<uuid:uuid>/starten/", views.starten, name="starten"),
    path("<uuid:uuid>/afsluiten/", views.afsluiten, name="afsluiten"),
    path("<uuid:uuid>/gesprek/", views.gesprek, name="gesprek"),
    path("<uuid:uuid>/stap/", views.stap, name="stap"),
    path("<uuid:uuid>/lbt/examennummer/", views.lbt_examennummer, name="lbt_examennummer"),
    path("<uuid:uuid>/lbt/vrijstelling/", views.lbt_vrijstelling, name="lbt_vrijstelling"),
]
