from django.urls import path

from . import views

app_name = "brieven"
urlpatterns = [
    path("instellingen/", views.instellingen, name="instellingen"),
    path("instellingen/logo/", views.logo, name="logo"),
    path("instellingen/voorbeeldbrief/", views.voorbeeldbrief, name="voorbeeldbrief"),
]
