from datetime import date

import pytest

from openinburgering.accounts.rollen import Rol
from openinburgering.ontzorgen import services
from openinburgering.ontzorgen.models import Beleid, DatumBron
from openinburgering.pip.tests.helpers import actor_voor

IBAN_HUUR = "NL91ABNA0417164300"
IBAN_ENERGIE = "NL20INGB0001234567"
IBAN_GEMEENTE = "NL39RABO0300065264"


@pytest.fixture(autouse=True)
def _prive(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "prive"


@pytest.fixture
def klantregisseur(gemeente_a, medewerker):
    return medewerker(Rol.KLANTREGISSEUR, gemeente_a)


@pytest.fixture
def actor(gemeente_a, klantregisseur):
    return actor_voor(gemeente_a, klantregisseur, Rol.KLANTREGISSEUR)


@pytest.fixture
def teamleider(gemeente_a, medewerker):
    user = medewerker(Rol.TEAMLEIDER, gemeente_a)
    return actor_voor(gemeente_a, user, Rol.TEAMLEIDER)


@pytest.fixture
def persoon(gemeente_a, inburgeraar_factory):
    Beleid.objects.create(
        gemeente=gemeente_a, rekeninghouder="Gemeente Proef", iban=IBAN_GEMEENTE, bic="RABONL2U"
    )
    return inburgeraar_factory(
        gemeente_a, voornamen="Yonas", achternaam="Proefbijstand", talen="Tigrinya",
        aangemeld_op=date(2025, 1, 6),
    )  # fmt: skip


@pytest.fixture
def periode(actor, persoon):
    return services.periodes_vastleggen(
        actor=actor,
        aanleveringen=[
            services.Aanlevering(
                persoon.dossier, "WI-1", date(2025, 2, 10), None, DatumBron.API, "API test"
            )
        ],
    )[0][0]


@pytest.fixture
def besluit(actor, periode):
    b = services.besluit_aanmaken(actor=actor, periode=periode)
    b = services.besluit_opslaan(
        actor=actor, besluit=b, afbouwplan="Samen de rekeningen leren lezen.",
        toestemming_op=date(2025, 2, 12), versie=b.versie,
    )  # fmt: skip
    for post, iban, bedrag in (
        ("huur", IBAN_HUUR, 61250),
        ("energie", IBAN_ENERGIE, 12000),
        ("water", IBAN_ENERGIE, 2133),
        ("zorgverzekering", IBAN_HUUR, 14567),
    ):
        services.vaste_last_toevoegen(
            actor=actor, besluit=b, post=post, begunstigde=f"Proef {post} BV", iban=iban,
            bedrag_centen=bedrag, frequentie="maandelijks", contractreferentie=f"C-{post}",
        )  # fmt: skip
    services.afbouwstap_toevoegen(
        actor=actor, besluit=b, omschrijving="Zelf de waterrekening betalen", datum=date(2025, 6, 1)
    )
    return b


@pytest.fixture
def vastgesteld(actor, besluit):
    return services.besluit_vaststellen(
        actor=actor, besluit=besluit, versie=besluit.versie, dagtekening=date(2025, 2, 14)
    )
