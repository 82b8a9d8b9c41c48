from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("inloggen/", views.inloggen, name="login"),
    path("inloggen/tweede-factor/", views.tweede_factor, name="tweede_factor"),
    path("uitloggen/", views.uitloggen, name="logout"),
]
