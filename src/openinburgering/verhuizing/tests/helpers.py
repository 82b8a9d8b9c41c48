"""A dossier with a history worth handing over, and the actors of two gemeenten."""

from datetime import date
from decimal import Decimal

from openinburgering.accounts.context import Actor
from openinburgering.accounts.rollen import Rol
from openinburgering.begeleiding.models import Stap, StapStatus, Voortgang
from openinburgering.pip import services as pip_services
from openinburgering.pip.tests.helpers import GELDIG_PIP, afgesloten_intake
from openinburgering.traject.models import (
    ExamenUitslag,
    MapActiviteit,
    MapSoort,
    Urenregistratie,
    UrenSoort,
)

#: The day the history is made (the PIP's dagtekening); tests travel to it.
DAG = date(2025, 2, 14)


def klantregisseur(gemeente, medewerker, **kwargs) -> Actor:
    user = medewerker(Rol.KLANTREGISSEUR, gemeente, **kwargs)
    return Actor(gemeente=gemeente, user=user, rol=Rol.KLANTREGISSEUR)


def dossier_met_geschiedenis(actor: Actor, persoon):
    """Intake (with health and finance notes), a vastgesteld PIP with its first progress talk,
    hours, an exam, a MAP activity and a begeleiding step: what a year at a gemeente leaves."""
    dossier = persoon.dossier
    dossier.klantregisseur = actor.user
    dossier.save(update_fields=["klantregisseur"])
    intake = afgesloten_intake(actor, dossier)
    intake.financien = "Schuld bij de zorgverzekeraar."
    intake.ambities = "Kapsalon beginnen."
    intake.save(update_fields=["financien", "ambities"])
    pip = pip_services.pip_concept_aanmaken(actor=actor, dossier=dossier, **GELDIG_PIP)
    pip_services.pip_vaststellen(actor=actor, pip=pip, versie=pip.versie)
    gemeente = dossier.gemeente
    Urenregistratie.objects.create(
        gemeente=gemeente, dossier=dossier, soort=UrenSoort.TAAL,
        periode_start=date(2025, 3, 1), periode_einde=date(2025, 5, 31), uren=120,
    )  # fmt: skip
    ExamenUitslag.objects.create(
        gemeente=gemeente, dossier=dossier, onderdeel="KNM", niveau="A2",
        examendatum=date(2025, 6, 2), resultaat="Geslaagd",
    )  # fmt: skip
    MapActiviteit.objects.create(
        gemeente=gemeente, dossier=dossier, soort=MapSoort.WORKSHOP,
        omschrijving="Workshop solliciteren", datum=date(2025, 4, 3), uren=Decimal("3.5"),
    )  # fmt: skip
    stap = Stap.objects.create(
        gemeente=gemeente, naam="Bankrekening geopend", volgorde=1, streefdagen=30
    )
    Voortgang.objects.create(
        gemeente=gemeente, dossier=dossier, stap=stap, status=StapStatus.AFGEROND,
        datum=date(2025, 2, 20), geholpen_door="VluchtelingenWerk",
    )  # fmt: skip
    dossier.refresh_from_db()
    return dossier
