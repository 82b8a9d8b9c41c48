from django.urls import path

from . import views

app_name = "inburgeraars"
urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("zoeken/", views.zoek_bsn, name="zoek_bsn"),
    path("nieuw/", views.aanmaken, name="aanmaken"),
    path("<uuid:uuid>/", views.detail, name="detail"),
    path("<uuid:uuid>/wijzigen/", views.wijzigen, name="wijzigen"),
    path("<uuid:uuid>/status/", views.status_wijzigen, name="status_wijzigen"),
]
