from django.urls import path

from . import views

urlpatterns = [
    path("werklijst", views.Werklijst.as_view(), name="werklijst"),
]
