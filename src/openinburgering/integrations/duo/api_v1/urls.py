from django.urls import path

from . import views

urlpatterns = [
    path("duo/werkitems", views.Werkitems.as_view(), name="duo-werkitems"),
    path("duo/berichten", views.Berichten.as_view(), name="duo-berichten"),
]
