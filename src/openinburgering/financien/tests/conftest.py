"""Fixtures for money: a teamleider and a beheerder, a contract, referrals with hours."""

from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

import pytest

from openinburgering.accounts.context import Actor
from openinburgering.accounts.rollen import Rol
from openinburgering.taalaanbieders.models import Contract, Instelling, Urenregel, Verwijzing

VANDAAG = timezone.localdate()


@pytest.fixture
def teamleider(gemeente_a, medewerker):
    user = medewerker(Rol.TEAMLEIDER, gemeente_a, first_name="Tom", last_name="Teamleider")
    return Actor(gemeente=gemeente_a, user=user, rol=Rol.TEAMLEIDER)


@pytest.fixture
def beheerder(gemeente_a, medewerker):
    user = medewerker(Rol.FUNCTIONEEL_BEHEERDER, gemeente_a)
    return Actor(gemeente=gemeente_a, user=user, rol=Rol.FUNCTIONEEL_BEHEERDER)


@pytest.fixture
def persoon(gemeente_a, inburgeraar_factory):
    return inburgeraar_factory(gemeente_a, datum_bekendmaking_ind=date(2024, 3, 1), regime="Wi2021")


@pytest.fixture
def instelling(db):
    return Instelling.objects.create(
        instellingsnummer="1000000001", naam="Taalhuis De Brug", postcode="1234AB",
        huisnummer=12, plaatsnaam="Demodam", keurmerk_bow=True,
    )  # fmt: skip


def maak_contract(gemeente, instelling, **velden):
    standaard = {
        "kenmerk": f"K-{Contract.objects.count() + 1}",
        "leerroutes": ["B", "O", "Z"],
        "prijsmodel": "per_traject",
        "tarief": Decimal("9500.00"),
        "afrekenbasis": "aangeboden",
        "uren_per_week": 12,
        "capaciteit": 20,
        "startdatum": VANDAAG - timedelta(days=365),
        "einddatum": VANDAAG + timedelta(days=365),
        "contractwaarde": Decimal("100000.00"),
    }
    standaard.update(velden)
    return Contract.objects.create(gemeente=gemeente, instelling=instelling, **standaard)


def maak_verwijzing(persoon, contract, *, intake=None):
    return Verwijzing.objects.create(
        gemeente=persoon.gemeente, inburgeraar=persoon, contract=contract,
        instelling=contract.instelling, leerroute="B", uren_per_week=12,
        datum_inburgeringsaanbod=VANDAAG - timedelta(days=90),
        verwachte_startdatum=VANDAAG - timedelta(days=80),
        intake_bevestigd_op=intake, status="gestart" if intake else "verwezen",
    )  # fmt: skip


def maak_urenregel(verwijzing, *, start, aangeboden, aanwezig):
    return Urenregel.objects.create(
        verwijzing=verwijzing, periode_start=start, periode_einde=start + timedelta(days=6),
        uren_aangeboden=Decimal(aangeboden), uren_aanwezig=Decimal(aanwezig),
        uren_fysiek=Decimal(aanwezig),
    )  # fmt: skip
