from django.apps import AppConfig


def _na_besluit(sender, *, dossier_id, **kwargs):
    from .services import herbereken_na_commit

    herbereken_na_commit(dossier_id)


class SignalenConfig(AppConfig):
    name = "openinburgering.signalen"
    label = "signalen"

    def ready(self):
        from openinburgering.besluiten.signals import beschikking_gewijzigd

        # A bezwaar has a decision term (R67): recompute the person's work items.
        beschikking_gewijzigd.connect(_na_besluit, dispatch_uid="signalen_na_besluit")
