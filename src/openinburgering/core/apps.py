from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.db.models.signals import post_migrate


class CoreConfig(AppConfig):
    name = "openinburgering.core"
    label = "core"

    def ready(self):
        from . import checks, talen

        # Tigrinya and Somali for get_language_info and {% language %} (ADR 0089).
        talen.registreer_lang_info()

        checks.registreer()
        checks.meld_bij_start()

        from . import rijbeveiliging

        # After every migrate (and flush), so tables added by any app's later migrations get
        # their policy too (ADR 0056). The receiver acts once, for the app that holds Gemeente.
        post_migrate.connect(rijbeveiliging.na_migratie, dispatch_uid="rijbeveiliging_policies")
        connection_created.connect(
            rijbeveiliging.bij_nieuwe_verbinding, dispatch_uid="rijbeveiliging_verbinding"
        )
