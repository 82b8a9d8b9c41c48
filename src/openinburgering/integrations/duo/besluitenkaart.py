"""The card "Verlenging en boetes van DUO" on the dossier page (``inburgeraars.kaarten``, ADR 0051,
ADR 0064): the extension requests with DUO's assessment (R72) and the fines DUO imposed (R73), as
last fetched from DUO, and the button "Ophalen bij DUO".

The dossier view already wrote the processing-log record for viewing this person.
"""

from datetime import date
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from openinburgering.accounts.rollen import Recht
from openinburgering.inburgeraars.kaarten import Dossierkaart, KaartVerzoek
from openinburgering.regels import codes as regelcodes
from openinburgering.regels import duo_besluiten, termijnen

from . import keten
from .models import DuoStand

#: DUO's assessment as the card shows it.
BEOORDELING_LABELS = {
    duo_besluiten.TOEGEKEND: _("Toegekend"),
    duo_besluiten.AFGEWEZEN: _("Afgewezen"),
    duo_besluiten.IN_BEHANDELING: _("In behandeling bij DUO"),
}


def _termijn(gegevens: dict):
    termijn = gegevens.get("termijn") or {}
    if not (termijn.get("startdatum") and termijn.get("einddatum")):
        return None
    return termijnen.inburgeringstermijn_van_duo(
        date.fromisoformat(termijn["startdatum"]),
        date.fromisoformat(termijn["einddatum"]),
        verlengingsgrond=termijn.get("verlengingsgrondomschrijving") or "",
    )


def _context(verzoek: KaartVerzoek) -> dict:
    inburgeraar = verzoek.inburgeraar
    stand = DuoStand.objects.filter(inburgeraar=inburgeraar).first()
    gegevens = stand.gegevens if stand else {}
    verlengingen = keten.verlengingen_uit_stand(gegevens)
    boetes = keten.boetes_uit_stand(gegevens)
    termijn = _termijn(gegevens)
    stand_verlenging = (
        duo_besluiten.beoordeel_verlengingen(
            [
                duo_besluiten.Verlengingsaanvraag(
                    ontvangstdatum=v.ontvangstdatum,
                    beoordeling=v.beoordeling,
                    datum_beoordeling=v.datum_beoordeling,
                )
                for v in verlengingen
            ],
            termijn_verlengd=termijn is not None and termijn.regel.id == "R42",
        )
        if verlengingen is not None
        else None
    )
    regime = regelcodes.Regime(inburgeraar.regime or regelcodes.Regime.WI2021)
    return {
        "verlengingen": [
            {"aanvraag": v, "label": BEOORDELING_LABELS.get(v.beoordeling, v.beoordeling)}
            for v in verlengingen or ()
        ],
        "verlengingen_opgehaald": verlengingen is not None,
        "verlenging_stand": stand_verlenging,
        "termijn": termijn,
        "boetes": [
            duo_besluiten.leg_duo_boete_uit(bedrag=Decimal(b.bedrag), datum=b.datum, regime=regime)
            for b in boetes or ()
        ],
        "boetes_opgehaald": boetes is not None,
        "opgehaald_op": stand.bijgewerkt_op if stand else None,
        "mag_ophalen": verzoek.actor.mag(Recht.INBURGERAAR_WIJZIGEN),
    }


KAART = Dossierkaart(
    naam="duo_besluiten",
    volgorde=41,
    titel=_("Verlenging en boetes van DUO"),
    sjabloon="duo/_verlenging_boetes.html",
    context=_context,
)
