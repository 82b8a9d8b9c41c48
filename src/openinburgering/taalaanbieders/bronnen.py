"""Facts this app reads from other apps through the app registry: the PIP and route hours.

Each source is one function, read through the app registry, so this app keeps working (and its
tests keep running) while the PIP app and the DUO integration are developed alongside it.
"""

from dataclasses import dataclass
from datetime import date

from django.apps import apps
from django.db.models import Sum

from openinburgering.core.keten import raadplegen
from openinburgering.regels.base import Termijn
from openinburgering.regels.termijnen import geldende_inburgeringstermijn


@dataclass(frozen=True)
class PipFeiten:
    """The current (vastgestelde) PIP, as far as the aanbod needs it."""

    dagtekening: date
    eerste_dagtekening: date
    leerroute: str
    niveau: str
    alfabetisering: str
    #: The term as DUO last gave it (R8/R42: with its extensions).
    duo_termijn: Termijn | None = None
    #: The PIP DUO holds, which may be a previous gemeente's (SS121).
    duo_pip_dagtekening: date | None = None

    @property
    def termijn(self) -> Termijn | None:
        """The one inburgeringstermijn (``geldende_inburgeringstermijn``, as the deadline
        engine): DUO's when known, else R7/R8 from the first PIP in any gemeente."""
        if self.duo_termijn is not None:
            return self.duo_termijn
        return geldende_inburgeringstermijn(
            (self.eerste_dagtekening,), pip_vorige_gemeente=self.duo_pip_dagtekening
        )


def huidige_pip(dossier) -> PipFeiten | None:
    """The dossier's current PIP, or ``None`` without one (or without the PIP app)."""
    try:
        pip_versie = apps.get_model("pip", "PipVersie")
    except LookupError:
        return None
    versies = list(
        pip_versie.objects.filter(dossier=dossier, dagtekening__isnull=False)
        .exclude(status="concept")
        .order_by("dagtekening", "volgnummer")
        .values("status", "dagtekening", "leerroute", "niveau", "alfabetisering")
    )
    geldend = next((v for v in reversed(versies) if v["status"] == "vastgesteld"), None)
    if geldend is None:
        return None
    stand = raadplegen.raadpleging().stand(dossier.inburgeraar)
    return PipFeiten(
        dagtekening=geldend["dagtekening"],
        eerste_dagtekening=versies[0]["dagtekening"],
        leerroute=geldend["leerroute"],
        niveau=geldend["niveau"],
        alfabetisering=geldend["alfabetisering"] or "NVT",
        duo_termijn=stand.termijn,
        duo_pip_dagtekening=stand.pip_dagtekening,
    )


def traject_taaluren(dossier) -> float:
    """Language hours the caseworker registered in the route work (``traject``, kind "taal")."""
    try:
        registratie = apps.get_model("traject", "Urenregistratie")
    except LookupError:
        return 0.0
    totaal = registratie.objects.filter(dossier=dossier, soort="taal").aggregate(t=Sum("uren"))
    return float(totaal["t"] or 0)
