from django.urls import path

from . import views

app_name = "intake"
urlpatterns = [
    path("<uuid:uuid>/", views.intake, name="intake"),
    path("<uuid:uuid>/starten/", views.starten, name="starten"),
    path("<uuid:uuid>/afsluiten/", views.afsluiten, name="afsluiten"),
    path("<uuid:uuid>/gesprek/", views.gesprek, name="gesprek"),
    path("<uuid:uuid>/stap/", views.stap, name="stap"),
    path("stap/<uuid:uuid>/niet-gekomen/", views.stap_genegeerd, name="stap_genegeerd"),
    path("brief/<uuid:uuid>/", views.brief, name="brief"),
    path("<uuid:uuid>/handhaving/", views.handhaving_starten, name="handhaving_starten"),
    path("<uuid:uuid>/lbt/examennummer/", views.lbt_examennummer, name="lbt_examennummer"),
    path("<uuid:uuid>/lbt/vrijstelling/", views.lbt_vrijstelling, name="lbt_vrijstelling"),
]
