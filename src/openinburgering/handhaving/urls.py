from django.urls import path

from openinburgering.handhaving import views

app_name = "handhaving"
urlpatterns = [
    path("persoon/<uuid:uuid>/", views.zaken, name="zaken"),
    path("<uuid:uuid>/", views.zaak, name="zaak"),
    path("<uuid:uuid>/waarschuwing/", views.waarschuwing, name="waarschuwing"),
    path("<uuid:uuid>/voornemen/", views.voornemen, name="voornemen"),
    path("<uuid:uuid>/zienswijze/", views.zienswijze, name="zienswijze"),
    path("<uuid:uuid>/besluit/", views.besluit, name="besluit"),
    path("brief/<uuid:uuid>/", views.brief, name="brief"),
]
