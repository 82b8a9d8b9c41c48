"""Overdue steps of maatschappelijke begeleiding as a source of the one worklist
(``core.werklijst``, ADR 0051)."""

from collections.abc import Iterable

from django.urls import reverse

from openinburgering.core.werklijst import Bron, Chunk, Werkpunt
from openinburgering.inburgeraars.workflow import Status
from openinburgering.signalen.models import Soort
from openinburgering.signalen.weergave import BEGELEIDING_PREFIX

from .selectors import achterstallig_per_dossier


def _lees(chunk: Chunk) -> Iterable[Werkpunt]:
    """The overdue steps of the chunk's asielstatushouders: two queries."""
    achterstallig = achterstallig_per_dossier(
        dossiers=(
            (
                d["id"],
                d["gemeente_id"],
                d["aangemeld_op"],
                d["inburgeraar__doelgroep"],
                d["status"] != Status.AFGEROND,
            )
            for d in chunk.dossiers
        ),
        voortgang=chunk.q("dossier_id"),
        peildatum=chunk.peildatum,
    )
    for dossier_id, stappen in achterstallig.items():
        for stap_uuid, naam, streefdatum in stappen:
            # Stored in Dutch and English; ``signalen.weergave`` shows a catalogue step's name
            # in the reader's language.
            yield Werkpunt(
                dossier_id,
                Soort.BEGELEIDING,
                streefdatum,
                uitleg=f"Stap ‘{naam}’ is nog niet gezet.",
                titel=f"{BEGELEIDING_PREFIX}{naam}",
                object_uuid=stap_uuid,
                uitleg_en=f"Step ‘{naam}’ has not been taken yet.",
            )


def _link(signaal) -> str:
    return reverse("begeleiding:checklist", kwargs={"uuid": signaal.dossier.inburgeraar.uuid})


BRON = Bron(naam="begeleiding", soorten=(Soort.BEGELEIDING,), lees=_lees, link=_link)
