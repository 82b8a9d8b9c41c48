from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "openinburgering.core"
    label = "core"

    def ready(self):
        from . import checks

        checks.registreer()
        checks.meld_bij_start()
