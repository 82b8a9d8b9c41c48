from django.apps import AppConfig


class UiConfig(AppConfig):
    name = "openinburgering.ui"
    label = "ui"
