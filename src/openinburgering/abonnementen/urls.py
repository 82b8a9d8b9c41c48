from django.urls import path

from . import views

app_name = "abonnementen"
urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("nieuw/", views.aanmaken, name="aanmaken"),
    path("<uuid:uuid>/", views.detail, name="detail"),
    path("<uuid:uuid>/geheim/", views.geheim_vernieuwen, name="geheim_vernieuwen"),
    path("bezorgingen/<uuid:uuid>/opnieuw/", views.opnieuw_aanbieden, name="opnieuw_aanbieden"),
]
