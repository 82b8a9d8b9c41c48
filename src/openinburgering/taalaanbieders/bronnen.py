"""Facts this app reads from other apps: the current PIP, and language hours recorded elsewhere.

The PIP is read directly (pip sits beside this app, below it in the import graph). Apps above this
one that record language hours of their own (traject) register them as a source here, so the one
total DUO gets (R68) counts them without this app importing those apps.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from openinburgering.core.keten import raadplegen
from openinburgering.inburgeraars.models import Dossier
from openinburgering.pip.models import PipStatus, PipVersie
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
    """The dossier's current PIP, or ``None`` without one."""
    versies = list(
        PipVersie.objects.filter(dossier=dossier, dagtekening__isnull=False)
        .exclude(status=PipStatus.CONCEPT)
        .order_by("dagtekening", "volgnummer")
        .values("status", "dagtekening", "leerroute", "niveau", "alfabetisering")
    )
    geldend = next((v for v in reversed(versies) if v["status"] == PipStatus.VASTGESTELD), None)
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


#: Language hours recorded by other apps, per source name: name -> hours of one dossier.
_TAALUREN_BRONNEN: dict[str, Callable[[Dossier], float]] = {}


def taaluren_bron_registreren(naam: str, uren: Callable[[Dossier], float]) -> None:
    """Add a source of language hours (from an app's ``AppConfig.ready``); one per name."""
    _TAALUREN_BRONNEN[naam] = uren


def taaluren_elders(dossier: Dossier) -> dict[str, float]:
    """The dossier's language hours per registered source, for the sources that have any."""
    uit = {}
    for naam, uren in _TAALUREN_BRONNEN.items():
        if waarde := uren(dossier):
            uit[naam] = waarde
    return uit
