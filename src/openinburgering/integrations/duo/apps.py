from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DuoConfig(AppConfig):
    name = "openinburgering.integrations.duo"
    label = "duo"
    verbose_name = _("Koppeling met DUO")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from openinburgering.gemeenten.models import Gemeente

        from . import keten
        from .intake import gemeenten_vergeten

        # The domain apps report to DUO and read from it only through core.keten (ADR 0049).
        keten.registreren()

        def vergeten(**kwargs):
            gemeenten_vergeten()

        # The endpoint caches gemeenten by OIN; a change in this process is seen at once.
        post_save.connect(vergeten, sender=Gemeente, weak=False, dispatch_uid="duo-gemeenten")
        post_delete.connect(vergeten, sender=Gemeente, weak=False, dispatch_uid="duo-gemeenten-weg")
