from django.apps import AppConfig


class PipConfig(AppConfig):
    name = "openinburgering.pip"
    label = "pip"
