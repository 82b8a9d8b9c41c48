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
