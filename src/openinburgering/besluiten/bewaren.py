"""What besluiten does when a dossier is due for destruction (R69, ADR 0060): a pending
objection keeps it; the letters of a postponed decision go. The decisions and objections
themselves go with the dossier (CASCADE)."""

from collections.abc import Iterable

from openinburgering.inburgeraars.bewaren import Opruimer, Opruiming, TeVernietigen
from openinburgering.regels.bewaren import Beletsel

from .models import Bezwaar
from .workflow import BezwaarUitkomst


def opruimen(doel: TeVernietigen, opruiming: Opruiming) -> None:
    for pad in Bezwaar.objects.filter(beschikking__dossier_id=doel.dossier_id).values_list(
        "verdaging_brief_pad", flat=True
    ):
        opruiming.bestand(pad)


def beletsels(doel: TeVernietigen) -> Iterable[Beletsel]:
    if Bezwaar.objects.filter(
        beschikking__dossier_id=doel.dossier_id, uitkomst=BezwaarUitkomst.OPEN
    ).exists():
        yield Beletsel.BEZWAAR


OPRUIMER = Opruimer(naam="besluiten", opruimen=opruimen, beletsels=beletsels)
