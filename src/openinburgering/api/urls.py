from django.urls import include, path

app_name = "api"
urlpatterns = [
    path("", include("openinburgering.inburgeraars.api.urls")),
    path("", include("openinburgering.pip.api.urls")),
    path("", include("openinburgering.intake.api.urls")),
    path("", include("openinburgering.signalen.api.urls")),
    path("", include("openinburgering.integrations.duo.api_v1.urls")),
]
