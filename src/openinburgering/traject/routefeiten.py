"""The facts about a person's route that the DUO rules need: PIP dates, leerroute, term.

The PIP lives in the ``pip`` app. This module is the one seam between that app and the route
work here: when ``pip`` is not installed (or holds no PIP yet), there is simply no PIP, and every
rule that needs one says so (R39: "alleen de gemeente met het huidige PIP").
"""

from dataclasses import dataclass, field
from datetime import date

from openinburgering.pip.models import PipStatus, PipVersie
from openinburgering.regels.base import Termijn
from openinburgering.regels.codes import Leerroute
from openinburgering.regels.termijnen import inburgeringstermijn


@dataclass(frozen=True)
class RouteFeiten:
    pip_dagtekeningen: tuple[date, ...] = ()
    leerroute: Leerroute | None = None
    eigen_huidig_pip: bool = False
    map_intensiteit: str = ""
    pvt_intensiteit: str = ""
    #: The term as DUO last gave it (R8/R42: includes extensions); DUO's word goes first.
    duo_termijn: Termijn | None = None
    extra: dict = field(default_factory=dict)

    @property
    def termijn(self) -> Termijn | None:
        """DUO's term when known, else R7/R8 from the first PIP, or None without a PIP."""
        return self.duo_termijn or inburgeringstermijn(self.pip_dagtekeningen)


def routefeiten(dossier) -> RouteFeiten:
    """Read the route facts of one dossier (one query)."""
    versies = list(
        PipVersie.objects.filter(dossier=dossier, dagtekening__isnull=False)
        .exclude(status=PipStatus.CONCEPT)
        .order_by("volgnummer")
        .values(
            "dagtekening",
            "status",
            "leerroute",
            "gemeente_id",
            "map_intensiteit",
            "pvt_intensiteit",
        )
    )
    if not versies:
        return RouteFeiten()
    huidig = next((v for v in versies if v["status"] == "vastgesteld"), versies[-1])
    from openinburgering.integrations.duo.meldingen import duo_termijn

    return RouteFeiten(
        duo_termijn=duo_termijn(dossier.inburgeraar),
        pip_dagtekeningen=tuple(v["dagtekening"] for v in versies),
        leerroute=Leerroute(huidig["leerroute"]) if huidig["leerroute"] else None,
        eigen_huidig_pip=huidig["status"] == "vastgesteld"
        and huidig["gemeente_id"] == dossier.gemeente_id,
        map_intensiteit=huidig["map_intensiteit"] or "",
        pvt_intensiteit=huidig["pvt_intensiteit"] or "",
    )
