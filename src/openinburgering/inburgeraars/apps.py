from django.apps import AppConfig


class InburgeraarsConfig(AppConfig):
    name = "openinburgering.inburgeraars"
    label = "inburgeraars"
