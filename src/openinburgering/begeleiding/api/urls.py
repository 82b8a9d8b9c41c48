from django.urls import path

from . import views

urlpatterns = [
    path("begeleidingsstappen", views.Stappen.as_view(), name="begeleidingsstap-list"),
    path(
        "inburgeraars/<uuid:uuid>/begeleiding",
        views.Checklist.as_view(),
        name="begeleiding-detail",
    ),
]
