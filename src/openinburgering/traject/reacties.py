"""The route's reactions to DUO's events (registered in ``TrajectConfig.ready()``)."""

from __future__ import annotations

from openinburgering.core.keten import reacties
from openinburgering.regels.codes import Gebeurtenis
from openinburgering.regels.duo import Domeingevolg

from .examens import uitslagen_van_duo_opslaan


def examenuitslagen_overnemen(gebeurtenis: reacties.DuoGebeurtenis) -> None:
    """SS199: the route's exam overview (passed, pending, to do) follows DUO's answer at once.
    Without a result from DUO there is nothing to take over."""
    if not gebeurtenis.examenuitslagen:
        return
    uitslagen_van_duo_opslaan(
        actor=gebeurtenis.actor,
        dossier=gebeurtenis.dossier,
        resultaten=gebeurtenis.examenuitslagen,
        pogingen=gebeurtenis.gratis_pogingen,
    )


def registreren() -> None:
    reacties.registreren(
        gebeurtenissen=[Gebeurtenis.SS199],
        domeingevolg=Domeingevolg.EXAMENUITSLAG_OVERNEMEN,
        reactie=examenuitslagen_overnemen,
        app="traject",
    )
