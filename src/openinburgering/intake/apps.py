from django.apps import AppConfig


class IntakeConfig(AppConfig):
    name = "openinburgering.intake"
    label = "intake"
