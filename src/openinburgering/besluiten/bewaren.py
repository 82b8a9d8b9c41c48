"""What besluiten does when a dossier is due for destruction (R69, ADR 0060): a pending
objection keeps it. The decisions and objections themselves go with the dossier (CASCADE)."""

from collections.abc import Iterable

from openinburgering.inburgeraars.bewaren import Opruimer, TeVernietigen
from openinburgering.regels.bewaren import Beletsel

from .models import Bezwaar
from .workflow import BezwaarUitkomst


def beletsels(doel: TeVernietigen) -> Iterable[Beletsel]:
    if Bezwaar.objects.filter(
        beschikking__dossier_id=doel.dossier_id, uitkomst=BezwaarUitkomst.OPEN
    ).exists():
        yield Beletsel.BEZWAAR


OPRUIMER = Opruimer(naam="besluiten", beletsels=beletsels)
