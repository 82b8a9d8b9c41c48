from django.urls import path

from . import views

app_name = "gemeenten"
urlpatterns = [
    path("instellingen/", views.instellingen, name="instellingen"),
]
