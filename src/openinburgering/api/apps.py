from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "openinburgering.api"
    label = "api"
