from django.urls import path

from . import views

urlpatterns = [
    path("inburgeraars/<uuid:uuid>/pips", views.PipAanmaken.as_view(), name="pip-create"),
    path("pips/<uuid:uuid>", views.PipDetail.as_view(), name="pip-detail"),
    path("pips/<uuid:uuid>/vaststellen", views.PipVaststellen.as_view(), name="pip-vaststellen"),
    path("pips/<uuid:uuid>/beschikking", views.Beschikking.as_view(), name="pip-beschikking"),
    path("pips/<uuid:uuid>/bezwaren", views.PipBezwaren.as_view(), name="pip-bezwaren"),
]
