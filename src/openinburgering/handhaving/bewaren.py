"""What handhaving does when a dossier is destroyed (R69, ADR 0060): the letters go; an open
case keeps the dossier until it is closed."""

from collections.abc import Iterable

from openinburgering.inburgeraars.bewaren import Opruimer, Opruiming, TeVernietigen
from openinburgering.regels.bewaren import Beletsel

from .models import Handhavingsstap, Handhavingszaak, ZaakStatus


def opruimen(doel: TeVernietigen, opruiming: Opruiming) -> None:
    for pad in Handhavingsstap.objects.filter(zaak__dossier_id=doel.dossier_id).values_list(
        "brief_pad", flat=True
    ):
        opruiming.bestand(pad)


def beletsels(doel: TeVernietigen) -> Iterable[Beletsel]:
    if Handhavingszaak.objects.filter(dossier_id=doel.dossier_id, status=ZaakStatus.OPEN).exists():
        yield Beletsel.HANDHAVING


OPRUIMER = Opruimer(naam="handhaving", opruimen=opruimen, beletsels=beletsels)
