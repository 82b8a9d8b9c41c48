from django.apps import AppConfig


class GemeentenConfig(AppConfig):
    name = "openinburgering.gemeenten"
    label = "gemeenten"
