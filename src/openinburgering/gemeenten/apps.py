from django.apps import AppConfig


class GemeentenConfig(AppConfig):
    name = "openinburgering.gemeenten"
    label = "gemeenten"

    def ready(self):
        from .toegang import signalen_verbinden

        signalen_verbinden()
