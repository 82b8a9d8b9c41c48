"""What intake does when a dossier is destroyed (R69, ADR 0060): the letters of its steps go."""

from openinburgering.inburgeraars.bewaren import Opruimer, Opruiming, TeVernietigen

from .models import Handhavingsstap


def opruimen(doel: TeVernietigen, opruiming: Opruiming) -> None:
    for pad in Handhavingsstap.objects.filter(intake__dossier_id=doel.dossier_id).values_list(
        "brief_pad", flat=True
    ):
        opruiming.bestand(pad)


OPRUIMER = Opruimer(naam="intake", opruimen=opruimen)
