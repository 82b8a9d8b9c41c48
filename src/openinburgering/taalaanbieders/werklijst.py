"""Reports of language schools that need the caseworker, as a source of the one worklist
(``core.werklijst``, ADR 0051)."""

from collections.abc import Iterable, Mapping
from uuid import UUID

from django.urls import reverse

from openinburgering.core.werklijst import Bron, Chunk, Werkpunt
from openinburgering.signalen.models import Soort

from .codes import AandachtspuntStatus
from .models import Aandachtspunt


def _lees(chunk: Chunk) -> Iterable[Werkpunt]:
    """The open reports of the chunk's dossiers: one query."""
    for punt_uuid, dossier_id, titel, deadline, regel in Aandachtspunt.objects.filter(
        chunk.q("dossier_id"), status=AandachtspuntStatus.OPEN
    ).values_list("uuid", "dossier_id", "titel", "deadline", "regel"):
        yield Werkpunt(
            dossier_id, Soort.SCHOOL, deadline, regel, titel=titel, object_uuid=punt_uuid
        )


def _titelteksten(uuids: list[UUID], gemeenten: set[int]) -> Mapping[UUID, dict]:
    return {
        uuid: teksten["titel"]
        for uuid, teksten in Aandachtspunt.objects.filter(
            uuid__in=uuids, gemeente_id__in=gemeenten
        ).values_list("uuid", "teksten")
        if (teksten or {}).get("titel") is not None
    }


def _link(signaal) -> str:
    return reverse("taalaanbieders:aandachtspunten")


BRON = Bron(
    naam="school",
    soorten=(Soort.SCHOOL,),
    lees=_lees,
    titelteksten=_titelteksten,
    link=_link,
)
