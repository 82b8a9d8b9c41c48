from django.urls import path

from . import views

app_name = "intake"
urlpatterns = [
    path("<uuid:uuid>/", views.intake, name="intake"),
    path("<uuid:uuid>/starten/", views.starten, name="starten"),
    path("<uuid:uuid>/afsluiten/", views.afsluiten, name="afsluiten"),
    path("<uuid:uuid>/gesprek/", views.gesprek, name="gesprek"),
    path("<uuid:uuid>/stap/", views.stap, name="stap"),
]
