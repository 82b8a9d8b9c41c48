from django.apps import AppConfig


class SignalenConfig(AppConfig):
    name = "openinburgering.signalen"
    label = "signalen"

    def ready(self):
        from .reacties import registreren

        registreren()
