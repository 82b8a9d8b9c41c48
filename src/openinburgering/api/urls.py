from django.urls import include, path

app_name = "api"
urlpatterns = [
    path("", include("openinburgering.inburgeraars.api.urls")),
    path("", include("openinburgering.pip.api.urls")),
]
