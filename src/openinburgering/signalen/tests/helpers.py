"""A dossier with an open item from every source of the worklist (``core.werklijst``)."""

from datetime import date
from decimal import Decimal

from openinburgering.begeleiding.models import Stap
from openinburgering.integrations.duo.models import Werkitem
from openinburgering.pip.tests.helpers import ss139
from openinburgering.portaal.models import Bericht
from openinburgering.taalaanbieders.models import Aandachtspunt, Contract, Instelling, Verwijzing

AANGEMELD = date(2025, 1, 6)
#: On this day every source has an item open for the dossiers below.
PEILDATUM = date(2025, 2, 1)


def contract_voor(gemeente) -> Contract:
    instelling, _ = Instelling.objects.get_or_create(
        instellingsnummer="1000000001",
        defaults={
            "naam": "Taalhuis De Brug",
            "postcode": "1234AB",
            "huisnummer": 12,
            "plaatsnaam": "Demodam",
            "keurmerk_bow": True,
        },
    )
    contract, _ = Contract.objects.get_or_create(
        gemeente=gemeente,
        instelling=instelling,
        defaults={
            "kenmerk": f"K-{gemeente.code}",
            "leerroutes": ["B", "O", "Z"],
            "niveaus": [],
            "prijsmodel": "per_uur",
            "tarief": Decimal("10.00"),
            "afrekenbasis": "aangeboden",
            "uren_per_week": 12,
            "capaciteit": 20,
            "startdatum": date(2024, 1, 1),
            "einddatum": date(2026, 12, 31),
            "contractwaarde": Decimal("100000.00"),
            "verzuim_drempel_procent": 20,
        },
    )
    Stap.objects.get_or_create(gemeente=gemeente, naam="Huisarts", defaults={"streefdagen": 14})
    return contract


def dossier_met_elke_bron(gemeente, inburgeraar_factory, *, werkitems: int = 1):
    """An asielstatushouder with, on ``PEILDATUM``: the PIP term and intake (signalen's own
    deadlines, from SS139), ``werkitems`` DUO work items, a school's report and an overdue
    begeleiding step."""
    contract = contract_voor(gemeente)
    persoon = inburgeraar_factory(gemeente, doelgroep="Asielstatushouder", aangemeld_op=AANGEMELD)
    ss139(persoon.dossier, AANGEMELD)
    for i in range(werkitems):
        Werkitem.objects.create(
            gemeente=gemeente,
            dossier=persoon.dossier,
            soort="lbt_uitslag",
            titel=f"Uitslag leerbaarheidstoets {i + 1}",
            deadline=date(2025, 3, 1),
            regel="R28",
        )
    verwijzing = Verwijzing.objects.create(
        gemeente=gemeente,
        inburgeraar=persoon,
        contract=contract,
        instelling=contract.instelling,
        leerroute="B",
        uren_per_week=12,
        datum_inburgeringsaanbod=date(2025, 1, 10),
        verwachte_startdatum=date(2025, 1, 20),
    )
    Aandachtspunt.objects.create(
        gemeente=gemeente,
        dossier=persoon.dossier,
        verwijzing=verwijzing,
        soort="verzuim",
        titel="Verzuim boven de grens van het contract",
        sleutel=f"verzuim:{verwijzing.uuid}",
        deadline=date(2025, 2, 15),
    )
    # A message from the newcomer's portal (ADR 0087).
    Bericht.objects.create(
        gemeente=gemeente, dossier=persoon.dossier, onderwerp="Vraag", tekst="Wanneer is de les?"
    )
    return persoon
