"""What verhuizing does when a dossier is destroyed (R69, ADR 0060): the handover's two files
go; the rows go with the dossier (CASCADE)."""

from openinburgering.inburgeraars.bewaren import Opruimer, Opruiming, TeVernietigen

from .models import Overdracht


def opruimen(doel: TeVernietigen, opruiming: Opruiming) -> None:
    for pdf, bestand in Overdracht.objects.filter(dossier_id=doel.dossier_id).values_list(
        "pdf_pad", "json_pad"
    ):
        opruiming.bestand(pdf)
        opruiming.bestand(bestand)


OPRUIMER = Opruimer(naam="verhuizing", opruimen=opruimen)
