"""The facts about a person's route that the DUO rules need: PIP dates, leerroute, term.

The PIP lives in the ``pip`` app, DUO's stand comes through ``core.keten``. Without a PIP there
is simply no PIP, and every rule that needs one says so (R39: "alleen de gemeente met het huidige
PIP").
"""

from dataclasses import dataclass, field
from datetime import date

from openinburgering.core.keten import raadplegen
from openinburgering.pip.models import PipStatus, PipVersie
from openinburgering.regels.base import Termijn
from openinburgering.regels.codes import Leerroute
from openinburgering.regels.termijnen import geldende_inburgeringstermijn


@dataclass(frozen=True)
class RouteFeiten:
    pip_dagtekeningen: tuple[date, ...] = ()
    leerroute: Leerroute | None = None
    eigen_huidig_pip: bool = False
    map_intensiteit: str = ""
    pvt_intensiteit: str = ""
    #: The term as DUO last gave it (R8/R42: includes extensions); DUO's word goes first.
    duo_termijn: Termijn | None = None
    #: The PIP DUO holds, which may be a previous gemeente's (SS121).
    duo_pip_dagtekening: date | None = None
    extra: dict = field(default_factory=dict)

    @property
    def termijn(self) -> Termijn | None:
        """The one term (``geldende_inburgeringstermijn``, as the deadline engine): DUO's when
        known, else R7/R8 from the first PIP in any gemeente, or None without a PIP."""
        if self.duo_termijn is not None:
            return self.duo_termijn
        return geldende_inburgeringstermijn(
            self.pip_dagtekeningen, pip_vorige_gemeente=self.duo_pip_dagtekening
        )


def routefeiten(dossier) -> RouteFeiten:
    """Read the route facts of one dossier (one query for the PIPs, DUO's stand from the
    person's row)."""
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
    stand = raadplegen.raadpleging().stand(dossier.inburgeraar)
    return RouteFeiten(
        duo_termijn=stand.termijn,
        duo_pip_dagtekening=stand.pip_dagtekening,
        pip_dagtekeningen=tuple(v["dagtekening"] for v in versies),
        leerroute=Leerroute(huidig["leerroute"]) if huidig["leerroute"] else None,
        eigen_huidig_pip=huidig["status"] == "vastgesteld"
        and huidig["gemeente_id"] == dossier.gemeente_id,
        map_intensiteit=huidig["map_intensiteit"] or "",
        pvt_intensiteit=huidig["pvt_intensiteit"] or "",
    )
