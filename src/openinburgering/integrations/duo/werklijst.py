"""DUO's work items as a source of the one worklist (``core.werklijst``, ADR 0051)."""

from collections.abc import Iterable, Mapping
from uuid import UUID

from openinburgering.core.werklijst import Bron, Chunk, Werkpunt

from .models import Werkitem, WerkitemStatus

#: The worklist kind of DUO's work items (``signalen.models.Soort.DUO``; a test keeps them equal).
SOORT = "duo"


def _lees(chunk: Chunk) -> Iterable[Werkpunt]:
    """The open work items of the chunk's dossiers: one query."""
    for item_uuid, dossier_id, titel, deadline, regel in Werkitem.objects.filter(
        chunk.q("dossier_id"), status=WerkitemStatus.OPEN
    ).values_list("uuid", "dossier_id", "titel", "deadline", "regel"):
        yield Werkpunt(dossier_id, SOORT, deadline, regel, titel=titel, object_uuid=item_uuid)


def _titelteksten(uuids: list[UUID], gemeenten: set[int]) -> Mapping[UUID, dict]:
    return {
        uuid: teksten["titel"]
        for uuid, teksten in Werkitem.objects.filter(
            uuid__in=uuids, gemeente_id__in=gemeenten
        ).values_list("uuid", "teksten")
        if (teksten or {}).get("titel") is not None
    }


BRON = Bron(naam="duo", soorten=(SOORT,), lees=_lees, titelteksten=_titelteksten)
