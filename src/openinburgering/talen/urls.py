from django.urls import path

from . import views

app_name = "talen"
urlpatterns = [
    path("kiezen/", views.kiezen, name="kiezen"),
]
