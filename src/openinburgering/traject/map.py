"""MAP activities with hours, measured against the intensity agreed in the PIP (no legal minimum).

The law defines the MAP by content; the hours are a per-PIP agreement (DOMAIN.md §2.3, R60 is
deliberately not enforced). The final interview goes through ``afronding_vastleggen`` (R39/R40).
"""

import re
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from openinburgering.accounts.context import Actor
from openinburgering.accounts.rollen import Recht
from openinburgering.core.exceptions import RegelsGeschonden
from openinburgering.core.teksten import Tekst, label
from openinburgering.inburgeraars.services import gebeurtenis_toevoegen
from openinburgering.logboek.models import Activiteit
from openinburgering.logboek.services import verwerkingen_vastleggen
from openinburgering.regels.base import Uitkomst
from openinburgering.regels.leerroutes import map_verplicht
from openinburgering.regels.pip import R25

from .afronding import bron, vereis
from .models import MapActiviteit, MapSoort
from .routefeiten import routefeiten

#: One registration above this many hours is a typing error, not a MAP activity (not law).
MAP_UREN_PER_REGISTRATIE_MAX = Decimal(400)


def map_van_toepassing(feiten) -> Uitkomst:
    """R25: no MAP in the onderwijsroute (``regels.leerroutes.map_verplicht``)."""
    if feiten.leerroute is not None and not map_verplicht(feiten.leerroute):
        return Uitkomst.fout(
            R25,
            f"De MAP hoort niet bij de {feiten.leerroute.label.lower()}.",
            "The MAP does not belong to the education route.",
            veld="soort",
        )
    return Uitkomst()


@transaction.atomic
def activiteit_toevoegen(
    *, actor: Actor, dossier, soort: str, omschrijving: str, datum, uren: Decimal
) -> MapActiviteit:
    vereis(actor, Recht.TRAJECT_VASTLEGGEN, dossier)
    uitkomst = map_van_toepassing(routefeiten(dossier))
    if not uitkomst.toegestaan:
        raise RegelsGeschonden(uitkomst)
    fouten = {}
    if soort not in MapSoort.values:
        fouten["soort"] = _("Kies een soort activiteit.")
    if uren is None or uren <= 0:
        fouten["uren"] = _("Vul een aantal uren groter dan 0 in.")
    elif uren > MAP_UREN_PER_REGISTRATIE_MAX:
        fouten["uren"] = _(
            "%(uren)s uur in één registratie is niet aannemelijk (hoogstens %(max)s). "
            "Leg een lange werkervaringsplek per maand vast."
        ) % {"uren": uren, "max": MAP_UREN_PER_REGISTRATIE_MAX}
    if datum > timezone.localdate():
        fouten["datum"] = _("De datum ligt in de toekomst; leg uren vast als ze gemaakt zijn.")
    if fouten:
        raise ValidationError(fouten)
    activiteit = MapActiviteit.objects.create(
        gemeente=actor.gemeente,
        dossier=dossier,
        soort=soort,
        omschrijving=omschrijving.strip(),
        datum=datum,
        uren=uren,
        vastgelegd_door=actor.user,
    )
    gebeurtenis_toevoegen(
        dossier=dossier,
        soort="map_activiteit",
        omschrijving=Tekst(
            gettext_noop("MAP: %(uren)s uur %(soort)s vastgelegd."),
            uren=uren,
            soort=label(MapSoort(soort).label, klein=True),
        ),
        bron=bron(actor),
        actor=actor,
    )
    verwerkingen_vastleggen(
        actor=actor, activiteit=Activiteit.WIJZIGEN, pseudoniemen=[dossier.inburgeraar.pseudoniem]
    )
    return activiteit


def afgesproken_uren(intensiteit: str) -> int | None:
    """The first number in the PIP's free-text MAP intensity ("80 uur in 6 maanden" → 80)."""
    m = re.search(r"\d+", intensiteit or "")
    return int(m.group()) if m else None


def map_totaal(dossier) -> Decimal:
    return MapActiviteit.objects.filter(dossier=dossier).aggregate(t=Sum("uren"))["t"] or Decimal(0)
