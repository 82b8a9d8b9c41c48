from django.urls import path

from . import views

urlpatterns = [
    path("bijstandsperiodes", views.Bijstandsperiodes.as_view(), name="bijstandsperiode-list"),
]
