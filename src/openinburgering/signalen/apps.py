from dataclasses import replace

from django.apps import AppConfig


class SignalenConfig(AppConfig):
    name = "openinburgering.signalen"
    label = "signalen"

    def ready(self):
        from openinburgering.core import dossierfeiten
        from openinburgering.core.werklijst import bron_registreren
        from openinburgering.inburgeraars.kaarten import kaart_registreren

        from . import dossierkaart
        from .services import TERMIJNEN, herbereken_na_commit
        from .weergave import termijn_link

        # signalen's own deadlines are one source of the worklist like any other; the apps that
        # own the other sources register theirs from their own ``ready`` (ADR 0051).
        bron_registreren(replace(TERMIJNEN, link=termijn_link))
        # A change of a dossier's facts (intake, PIP, school, ...) recomputes its work items once
        # it is committed; those apps tell ``core.dossierfeiten``, never signalen itself.
        dossierfeiten.luisteraar_registreren("signalen", herbereken_na_commit)
        kaart_registreren(dossierkaart.KAART)

        from .reacties import registreren as reacties_registreren

        reacties_registreren()  # ADR 0050
