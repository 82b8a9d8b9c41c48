"""Hours a school reports are announced to the gemeente's subscribers (ADR 0072)."""

import json
from decimal import Decimal

from openinburgering.abonnementen import services as abonnementen
from openinburgering.abonnementen.models import Bericht
from openinburgering.accounts.context import Actor
from openinburgering.accounts.rollen import Rol
from openinburgering.taalaanbieders import services

from .conftest import VANDAAG, school_actor, week


def test_reported_hours_reach_the_subscribers_as_uuids(
    gemeente_a, medewerker, contract, verwijs, school_medewerker
):
    rol = Rol.FUNCTIONEEL_BEHEERDER
    abonnementen.abonnement_aanmaken(
        actor=Actor(gemeente=gemeente_a, user=medewerker(rol, gemeente_a), rol=rol),
        naam="DWH", url="https://dwh.example/hook", soorten=["uren.gemeld"],
    )  # fmt: skip
    v = verwijs(contract)
    actor = school_actor(school_medewerker(contract.instelling), v)
    services.intake_bevestigen(actor=actor, verwijzing=v, datum=VANDAAG)
    start, einde = week()
    regel = services.uren_melden(
        actor=actor, verwijzing=v, periode_start=start, periode_einde=einde,
        uren_aangeboden=Decimal("12"), uren_aanwezig=Decimal("10"), uren_fysiek=Decimal("10"),
        verzuimreden="ziek",
    )  # fmt: skip
    event = json.loads(Bericht.objects.get().inhoud)
    assert event["type"] == "nl.openinburgering.uren.gemeld"
    assert event["subject"] == str(regel.uuid)
    assert event["data"] == {
        "dossier": {"uuid": str(v.inburgeraar.dossier.uuid)},
        "inburgeraar": event["data"]["inburgeraar"],
        "urenregel": {"uuid": str(regel.uuid)},
    }
    assert event["data"]["inburgeraar"]["uuid"] == str(v.inburgeraar.uuid)
    assert "ziek" not in Bericht.objects.get().inhoud
