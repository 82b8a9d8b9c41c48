"""Fixtures for schools, contracts, referrals and school staff."""

from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

import pytest

from openinburgering.accounts.context import Actor
from openinburgering.accounts.rollen import Rol
from openinburgering.taalaanbieders import bronnen
from openinburgering.taalaanbieders.models import Contract, Instelling, InstellingMedewerker
from openinburgering.ui.tests.e2e import browser_page  # noqa: F401  (the fixture, for test_e2e)

VANDAAG = timezone.localdate()
PIP_DATUM = VANDAAG - timedelta(days=60)


def maak_instelling(nummer="1000000001", naam="Taalhuis De Brug", bow=True, tst=False, **velden):
    return Instelling.objects.create(
        instellingsnummer=nummer,
        naam=naam,
        postcode="1234AB",
        huisnummer=12,
        plaatsnaam="Demodam",
        keurmerk_bow=bow,
        keurmerk_tst=tst,
        **velden,
    )


def maak_contract(gemeente, instelling, **velden):
    standaard = {
        "kenmerk": f"K-{instelling.instellingsnummer[-3:]}-{Contract.objects.count() + 1}",
        "leerroutes": ["B", "O", "Z"],
        "niveaus": [],
        "prijsmodel": "per_uur",
        "tarief": Decimal("10.00"),
        "afrekenbasis": "aangeboden",
        "uren_per_week": 12,
        "capaciteit": 20,
        "startdatum": VANDAAG - timedelta(days=365),
        "einddatum": VANDAAG + timedelta(days=365),
        "contractwaarde": Decimal("100000.00"),
        "verzuim_drempel_procent": 20,
    }
    standaard.update(velden)
    return Contract.objects.create(gemeente=gemeente, instelling=instelling, **standaard)


@pytest.fixture
def pip_van(monkeypatch):
    """Give dossiers a current PIP (the PIP app is developed alongside this one)."""
    pips = {}

    def zet(inburgeraar, *, dagtekening=PIP_DATUM, leerroute="B", niveau="B1", eerste=None):
        pips[inburgeraar.dossier.pk] = bronnen.PipFeiten(
            dagtekening=dagtekening,
            eerste_dagtekening=eerste or dagtekening,
            leerroute=leerroute,
            niveau=niveau,
            alfabetisering="NVT",
        )

    monkeypatch.setattr(bronnen, "huidige_pip", lambda dossier: pips.get(dossier.pk))
    return zet


@pytest.fixture
def instelling(db):
    return maak_instelling()


@pytest.fixture
def andere_instelling(db):
    return maak_instelling("1000000002", "ROC Zuidwaard", bow=True, tst=True)


@pytest.fixture
def contract(gemeente_a, instelling):
    return maak_contract(gemeente_a, instelling)


@pytest.fixture
def klantregisseur(gemeente_a, medewerker):
    return medewerker(Rol.KLANTREGISSEUR, gemeente_a, username="kim")


@pytest.fixture
def school_medewerker(db):
    from openinburgering.accounts.tests.factories import UserFactory

    def maak(instelling, **kwargs):
        user = UserFactory(**kwargs)
        InstellingMedewerker.objects.create(user=user, instelling=instelling)
        return user

    return maak


@pytest.fixture
def verwijs(klantregisseur, pip_van, inburgeraar_factory):
    """Refer a new asielstatushouder of the contract's gemeente to the contract's school."""
    from openinburgering.taalaanbieders import services

    def doe(contract, inburgeraar=None, **velden):
        inburgeraar = inburgeraar or inburgeraar_factory(
            contract.gemeente,
            voornamen=velden.pop("voornamen", "Amira"),
            achternaam=velden.pop("achternaam", "Testpersoon"),
            telefoon="0612345678",
            email="amira@voorbeeld.example",
            talen="Arabisch",
            vnummer="9876543210",
            nationaliteit="SY",
        )
        if bronnen.huidige_pip(inburgeraar.dossier) is None:
            pip_van(inburgeraar)
        actor = Actor(gemeente=contract.gemeente, user=klantregisseur, rol=Rol.KLANTREGISSEUR)
        return services.verwijzen(
            actor=actor,
            inburgeraar=inburgeraar,
            contract=contract,
            datum_inburgeringsaanbod=velden.pop("datum", PIP_DATUM + timedelta(days=10)),
            verwachte_startdatum=velden.pop("start", PIP_DATUM + timedelta(days=14)),
            **velden,
        )

    return doe


def school_actor(user, verwijzing):
    from openinburgering.taalaanbieders.services import school_actor as maak

    return maak(user=user, verwijzing=verwijzing)


def week(n=1):
    """The n-th full week before this week (Monday–Sunday)."""
    maandag = VANDAAG - timedelta(days=VANDAAG.weekday()) - timedelta(weeks=n)
    return maandag, maandag + timedelta(days=6)


__all__ = ["date"]
