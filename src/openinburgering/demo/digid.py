"""Who can sign in to the newcomer's portal in ``make demo``: the DigiD stand-in's list.

Fictional people from the demo data (the ones with a plan, appointments and letters), one of
them also at DigiD Midden (refused, R95), and one BSN without a record (a clear page)."""

import random

from openinburgering.core import bsn as bsn_tools
from openinburgering.inburgeraars.models import Inburgeraar
from openinburgering.portaal import selectors

from .personen import genereer_bsn

AANTAL = 3


def zaaigegevens() -> list[dict]:
    personen = []
    for inburgeraar in Inburgeraar.objects.filter(gemeente__code="9001").order_by("pk"):
        if len(personen) == AANTAL:
            break
        if selectors.afspraken(inburgeraar) and selectors.brieven(inburgeraar):
            personen.append(
                {
                    "naam": inburgeraar.volledige_naam,
                    "bsn": inburgeraar.bsn,
                    "niveau": "substantieel",
                    "toelichting": "met plan, afspraken en brieven",
                }
            )
    if personen:
        personen.append(
            {
                **personen[0],
                "niveau": "midden",
                "toelichting": "te laag niveau: het portaal weigert (R95)",
            }
        )
    rng = random.Random(2020)
    onbekend = genereer_bsn(rng)
    while Inburgeraar.objects.filter(bsn_hash=bsn_tools.zoekhash(onbekend)).exists():
        onbekend = genereer_bsn(rng)
    personen.append(
        {
            "naam": "Nog Onbekend",
            "bsn": onbekend,
            "niveau": "substantieel",
            "toelichting": "geen dossier bij de gemeente",
        }
    )
    return personen


#: A doctor's note as a one-page PDF (the document a newcomer sends with a message).
BRIEFJE = b"%PDF-1.4\n% Demo: doktersbriefje (verzonnen)\n%%EOF\n"


def bericht_laden() -> str:
    """One message with a doctor's note from a demo newcomer, through the portal's service: it
    is on the worklist and on the dossier's card."""
    from openinburgering.portaal.services import bericht_versturen

    for inburgeraar in Inburgeraar.objects.filter(gemeente__code="9001").order_by("pk"):
        if selectors.afspraken(inburgeraar) and selectors.brieven(inburgeraar):
            bericht_versturen(
                inburgeraar=inburgeraar,
                onderwerp="Ziek bij de PVT-bijeenkomst",
                tekst="Ik was ziek en kon niet komen. Hier is het briefje van de dokter.",
                bijlage=BRIEFJE,
                bijlage_naam="doktersbriefje.pdf",
                bijlage_soort="application/pdf",
                extensie=".pdf",
            )
            return f"Portaal: een bericht van {inburgeraar.volledige_naam} staat op de werklijst."
    return "Portaal: geen inburgeraar met afspraken en brieven voor een voorbeeldbericht."
