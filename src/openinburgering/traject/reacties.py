"""The route's reactions to DUO's events (registered in ``TrajectConfig.ready()``)."""

from __future__ import annotations

from openinburgering.core.keten import reacties
from openinburgering.regels.codes import Gebeurtenis
from openinburgering.regels.duo import Domeingevolg

from .examens import examenuitslagen_bijwerken


def examenuitslagen_overnemen(gebeurtenis: reacties.DuoGebeurtenis) -> None:
    """SS199: the route's exam overview (passed, pending, to do) follows DUO's answer at once.
    Without a result from DUO there is nothing to take over."""
    if not gebeurtenis.examenuitslagen:
        return
    examenuitslagen_bijwerken(
        actor=gebeurtenis.actor,
        dossier=gebeurtenis.dossier,
        resultaten=[
            {
                "onderdeel": r.onderdeel,
                "niveau": r.niveau,
                "examendatum": r.examendatum.isoformat(),
                "resultaat": r.resultaat,
                "redenGeenResultaat": r.reden_geen_resultaat,
            }
            for r in gebeurtenis.examenuitslagen
        ],
        pogingen=[
            {"onderdeel": p.onderdeel, "gratisPogingenTegoed": p.tegoed}
            for p in gebeurtenis.gratis_pogingen
        ],
    )


def registreren() -> None:
    reacties.registreren(
        gebeurtenissen=[Gebeurtenis.SS199],
        domeingevolg=Domeingevolg.EXAMENUITSLAG_OVERNEMEN,
        reactie=examenuitslagen_overnemen,
        app="traject",
    )
