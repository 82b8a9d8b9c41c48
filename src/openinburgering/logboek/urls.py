from django.urls import path

from . import views

app_name = "logboek"
urlpatterns = [path("", views.lijst, name="lijst")]
