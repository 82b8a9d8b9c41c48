"""What the subscriptions do when a dossier is destroyed (R69, ADR 0060, ADR 0072).

The events of the dossier (keyed by its UUID) go, with their deliveries and delivery log: they
hold no personal data, but they name the dossier and the person by UUID, and the point of
destruction is that nothing leads back. By then they were delivered long ago.
"""

from openinburgering.inburgeraars.bewaren import Opruimer, Opruiming, TeVernietigen

from .models import Bericht


def opruimen(doel: TeVernietigen, opruiming: Opruiming) -> None:
    aantal, per_model = Bericht.objects.filter(
        gemeente_id=doel.gemeente_id, volgorde_sleutel=str(doel.dossier_uuid)
    ).delete()
    for label, n in per_model.items():
        if n:
            opruiming.vernietigd[label] += n


OPRUIMER = Opruimer(naam="abonnementen", opruimen=opruimen)
