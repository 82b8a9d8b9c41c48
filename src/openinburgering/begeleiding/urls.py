from django.urls import path

from . import views

app_name = "begeleiding"
urlpatterns = [
    path("beheer/", views.beheer, name="beheer"),
    path("beheer/standaard/", views.standaard_laden, name="standaard_laden"),
    path("beheer/<uuid:uuid>/", views.stap_wijzigen, name="stap_wijzigen"),
    path("beheer/<uuid:uuid>/actief/", views.stap_actief, name="stap_actief"),
    path("<uuid:uuid>/", views.checklist, name="checklist"),
    path("<uuid:uuid>/opslaan/", views.checklist_opslaan, name="checklist_opslaan"),
]
