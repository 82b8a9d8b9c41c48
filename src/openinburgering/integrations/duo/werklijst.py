"""DUO's work items as a source of the one worklist (``signalen.bronnen``, ADR 0051)."""

from collections.abc import Iterable, Mapping
from uuid import UUID

from openinburgering.signalen.bronnen import Bron, Chunk, Werkpunt
from openinburgering.signalen.models import Soort

from .models import Werkitem, WerkitemStatus


def _lees(chunk: Chunk) -> Iterable[Werkpunt]:
    """The open work items of the chunk's dossiers: one query."""
    for item_uuid, dossier_id, titel, deadline, regel in Werkitem.objects.filter(
        chunk.q("dossier_id"), status=WerkitemStatus.OPEN
    ).values_list("uuid", "dossier_id", "titel", "deadline", "regel"):
        yield Werkpunt(dossier_id, Soort.DUO, deadline, regel, titel=titel, object_uuid=item_uuid)


def _titelteksten(uuids: list[UUID], gemeenten: set[int]) -> Mapping[UUID, dict]:
    return {
        uuid: teksten["titel"]
        for uuid, teksten in Werkitem.objects.filter(
            uuid__in=uuids, gemeente_id__in=gemeenten
        ).values_list("uuid", "teksten")
        if (teksten or {}).get("titel") is not None
    }


BRON = Bron(naam="duo", soorten=(Soort.DUO,), lees=_lees, titelteksten=_titelteksten)
