"""What the portal does when a dossier is destroyed (R69, ADR 0060): the messages go with the
dossier (CASCADE), their documents with them; the processing log follows its own term (R70)."""

from openinburgering.inburgeraars.bewaren import Opruimer, Opruiming, TeVernietigen

from .models import Bericht


def opruimen(doel: TeVernietigen, opruiming: Opruiming) -> None:
    for pad in Bericht.objects.filter(dossier_id=doel.dossier_id).values_list(
        "bijlage_pad", flat=True
    ):
        opruiming.bestand(pad)


OPRUIMER = Opruimer(naam="portaal", opruimen=opruimen)
