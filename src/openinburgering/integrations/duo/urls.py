from django.urls import path

from . import api

app_name = "duo"
urlpatterns = [
    # DUO's Notificatie API, exactly as DUO's spec names it (no trailing slash).
    path("duo/v1/notificaties", api.notificaties, name="notificaties"),
]
