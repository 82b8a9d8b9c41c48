from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "openinburgering.demo"
    label = "demo"
