from django.apps import AppConfig


class LogboekConfig(AppConfig):
    name = "openinburgering.logboek"
    label = "logboek"
