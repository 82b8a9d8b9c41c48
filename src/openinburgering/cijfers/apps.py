from django.apps import AppConfig


class CijfersConfig(AppConfig):
    name = "openinburgering.cijfers"
    label = "cijfers"
