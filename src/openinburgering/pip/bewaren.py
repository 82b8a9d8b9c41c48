"""What pip does when a dossier is destroyed (R69, ADR 0060): the beschikking letters go, and
the progress talks before the versions they protect."""

from openinburgering.inburgeraars.bewaren import Opruimer, Opruiming, TeVernietigen

from .models import PipVersie, Voortgangsgesprek


def opruimen(doel: TeVernietigen, opruiming: Opruiming) -> None:
    for pad in PipVersie.objects.filter(dossier_id=doel.dossier_id).values_list(
        "beschikking_pad", flat=True
    ):
        opruiming.bestand(pad)
    # A talk PROTECTs its PIP version, so the cascade from the dossier would refuse: talks first.
    aantal, _ = Voortgangsgesprek.objects.filter(dossier_id=doel.dossier_id).delete()
    if aantal:
        opruiming.vernietigd[Voortgangsgesprek._meta.label] += aantal


OPRUIMER = Opruimer(naam="pip", opruimen=opruimen)
