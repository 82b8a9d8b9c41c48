"""Fetching exam results on request goes through the port ``core.keten.raadplegen``, against the
DUO simulator running DUO's Examen spec; DUO's failure reaches the caseworker as one message."""

from datetime import timedelta

from django.utils import timezone

import pytest

from openinburgering.accounts.rollen import Rol
from openinburgering.core.exceptions import Geweigerd
from openinburgering.pip.tests.helpers import actor_voor
from openinburgering.traject import examens
from openinburgering.traject.models import ExamenUitslag, GratisPogingen

pytestmark = pytest.mark.django_db


@pytest.fixture
def actor(gemeente_a, medewerker):
    return actor_voor(gemeente_a, medewerker(Rol.KLANTREGISSEUR, gemeente_a))


@pytest.fixture
def persoon(gemeente_a, inburgeraar_factory):
    return inburgeraar_factory(gemeente_a)


def _duo_kent(simulator, gemeente, persoon, *, onderdeel, pogingen=()):
    """DUO (the simulator) knows the person with one passed exam in ``onderdeel``."""
    vandaag = timezone.localdate()
    simulator(
        "POST", "/gemeenten", {"oin": gemeente.oin, "gemeentecode": gemeente.code, "naam": "A"}
    )
    simulator(
        "POST",
        "/personen",
        {
            "bsn": persoon.bsn,
            "woongemeenteOin": gemeente.oin,
            "plichtBegindatum": (vandaag - timedelta(days=400)).isoformat(),
            "vestigingsdatum": (vandaag - timedelta(days=390)).isoformat(),
            "examenresultaten": [
                {
                    "onderdeel": onderdeel,
                    "niveau": "B1",
                    "examendatum": (vandaag - timedelta(days=10)).isoformat(),
                    "resultaat": "Geslaagd",
                }
            ],
            **({"gratisPogingen": list(pogingen)} if pogingen else {}),
        },
    )


def test_results_asked_through_the_port_are_stored(simulator, actor, gemeente_a, persoon):
    _duo_kent(
        simulator, gemeente_a, persoon, onderdeel="LE",
        pogingen=[{"onderdeel": "LE", "gratisPogingenTegoed": 1}],
    )  # fmt: skip
    assert examens.examens_ophalen_bij_duo(actor=actor, dossier=persoon.dossier) == 1
    uitslag = ExamenUitslag.objects.get(dossier=persoon.dossier)
    assert (uitslag.onderdeel, uitslag.niveau, uitslag.resultaat) == ("LE", "B1", "Geslaagd")
    assert GratisPogingen.objects.get(dossier=persoon.dossier).tegoed == 1


def test_duo_unreachable_is_one_message_and_stores_nothing(actor, persoon, settings):
    settings.DUO_API_ROOT = "http://127.0.0.1:9"  # nothing listens here
    with pytest.raises(Geweigerd, match="DUO gaf geen antwoord"):
        examens.examens_ophalen_bij_duo(actor=actor, dossier=persoon.dossier)
    assert not ExamenUitslag.objects.exists()


def test_an_unknown_code_from_duo_is_refused_in_dutch_and_stores_nothing(
    simulator, actor, gemeente_a, persoon
):
    """DUO's answer is input too: "Lezen" is not one of DUO's onderdeel codes (LE) and would not
    fit our column; the caseworker gets a message, never a database error."""
    _duo_kent(simulator, gemeente_a, persoon, onderdeel="Lezen")
    with pytest.raises(Geweigerd, match="onbekende code"):
        examens.examens_ophalen_bij_duo(actor=actor, dossier=persoon.dossier)
    assert not ExamenUitslag.objects.exists()
