from django.urls import path

from . import views

app_name = "gemeenten"
urlpatterns = [
    path("api-tokens/", views.apitokens, name="apitokens"),
    path("api-tokens/<uuid:uuid>/", views.apitoken, name="apitoken"),
]
