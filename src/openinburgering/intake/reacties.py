"""The brede intake's reactions to DUO's events (registered in ``IntakeConfig.ready()``)."""

from __future__ import annotations

from openinburgering.core.keten import reacties
from openinburgering.regels.codes import Gebeurtenis
from openinburgering.regels.duo import Domeingevolg

from .services import lbt_uitslag_van_duo_vastleggen


def lbt_uitslag_overnemen(gebeurtenis: reacties.DuoGebeurtenis) -> None:
    """SS131: DUO's LBT result goes onto the brede intake, where the leerroute advice uses it
    (R28, R29). Without a result from DUO there is nothing to take over."""
    uitslag = gebeurtenis.lbt_uitslag
    if uitslag is None:
        return
    lbt_uitslag_van_duo_vastleggen(
        actor=gebeurtenis.actor,
        dossier=gebeurtenis.dossier,
        resultaat=uitslag.resultaat,
        behaalde_score=uitslag.behaalde_score,
        benodigde_score=uitslag.benodigde_score,
        datum_afname=uitslag.datum_afname,
    )


def registreren() -> None:
    reacties.registreren(
        gebeurtenissen=[Gebeurtenis.SS131],
        domeingevolg=Domeingevolg.LBT_UITSLAG_OVERNEMEN,
        reactie=lbt_uitslag_overnemen,
        app="intake",
    )
