from django.urls import path

from . import views

urlpatterns = [
    path("statistiek/feiten", views.Feiten.as_view(), name="statistiek-feiten"),
    path("statistiek/kengetallen", views.Kengetallen.as_view(), name="statistiek-kengetallen"),
]
