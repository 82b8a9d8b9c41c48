"""The verhuizing's reactions: DUO's SS120/SS121/SS122 through ``core.keten.reacties`` (ADR
0050), and the BRP's other gemeente of registration through ``core.brp`` (ADR 0066). Each
records the move for the dossier card; the card and the caseworker take it from there."""

from __future__ import annotations

from django.utils import timezone

from openinburgering.core.brp import BrpVerhuizing
from openinburgering.core.keten import reacties
from openinburgering.regels.codes import Gebeurtenis
from openinburgering.regels.duo import Domeingevolg

from . import services
from .models import Meldingbron, Richting

VESTIGING = (Gebeurtenis.SS120, Gebeurtenis.SS121)
VERTREK = (Gebeurtenis.SS122,)


def verhuizing_vastleggen(gebeurtenis: reacties.DuoGebeurtenis) -> None:
    """SS122: the person left for another gemeente (DUO does not say which); SS120/SS121: the
    person settled here, perhaps from another gemeente. DUO's chain wrote the timeline entry."""
    services.verhuizing_melden(
        actor=gebeurtenis.actor,
        dossier=gebeurtenis.dossier,
        richting=Richting.VERTREK if gebeurtenis.gebeurtenis in VERTREK else Richting.VESTIGING,
        bron=Meldingbron.DUO,
        gebeurtenis=gebeurtenis.gebeurtenis.value,
        datum=gebeurtenis.meldingsdatum,
        tijdlijn=False,
    )


def vertrek_volgens_brp(verhuizing: BrpVerhuizing) -> None:
    """The BRP registers the person in another gemeente: a departure, with its name."""
    services.verhuizing_melden(
        actor=verhuizing.actor,
        dossier=verhuizing.inburgeraar.dossier,
        richting=Richting.VERTREK,
        bron=Meldingbron.BRP,
        datum=verhuizing.datum_inschrijving or timezone.localdate(),
        andere_gemeentecode=verhuizing.gemeentecode,
        andere_gemeentenaam=verhuizing.gemeentenaam,
    )


def registreren() -> None:
    reacties.registreren(
        gebeurtenissen=[*VESTIGING, *VERTREK],
        domeingevolg=Domeingevolg.VERHUIZING_VASTLEGGEN,
        reactie=verhuizing_vastleggen,
        app="verhuizing",
    )
