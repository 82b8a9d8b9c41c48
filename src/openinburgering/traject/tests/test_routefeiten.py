"""The route's term has one source (``geldende_inburgeringstermijn``, as the deadline engine):
DUO's term with its extensions, else the first PIP in any gemeente (SS121)."""

from datetime import date

import pytest
import time_machine

from openinburgering.regels.termijnen import inburgeringstermijn_van_duo
from openinburgering.taalaanbieders.bronnen import PipFeiten
from openinburgering.traject.routefeiten import RouteFeiten, routefeiten

D = date.fromisoformat


@pytest.mark.parametrize("feiten", [RouteFeiten, PipFeiten])
def test_a_pip_of_a_previous_gemeente_starts_the_term(feiten):
    eigen = D("2025-06-02")
    velden = (
        {"pip_dagtekeningen": (eigen,)}
        if feiten is RouteFeiten
        else {
            "dagtekening": eigen,
            "eerste_dagtekening": eigen,
            "leerroute": "B",
            "niveau": "B1",
            "alfabetisering": "NVT",
        }
    )
    termijn = feiten(**velden, duo_pip_dagtekening=D("2024-03-14")).termijn
    assert (termijn.start, termijn.regel.id) == (D("2024-03-15"), "R7")
    assert "vorige gemeente" in termijn.uitleg
    duo = inburgeringstermijn_van_duo(D("2024-03-15"), D("2027-09-15"), verlengingsgrond="ziekte")
    assert feiten(**velden, duo_termijn=duo).termijn == duo


@pytest.mark.django_db
def test_routefeiten_reads_duos_extended_term(gemeente_a, medewerker, inburgeraar_factory, settings,
                                              tmp_path):  # fmt: skip
    from openinburgering.accounts.rollen import Rol
    from openinburgering.integrations.duo.services import duo_stand_bijwerken
    from openinburgering.pip import services as pip_services
    from openinburgering.pip.tests.helpers import GELDIG_PIP, actor_voor, afgesloten_intake

    settings.PRIVATE_MEDIA_ROOT = tmp_path / "prive"
    actor = actor_voor(gemeente_a, medewerker(Rol.KLANTREGISSEUR, gemeente_a), Rol.KLANTREGISSEUR)
    persoon = inburgeraar_factory(
        gemeente_a, voornamen="Amira", achternaam="Testpersoon", aangemeld_op=D("2025-01-06")
    )
    with time_machine.travel(D("2025-02-14")):
        afgesloten_intake(actor, persoon.dossier)
        pip = pip_services.pip_concept_aanmaken(actor=actor, dossier=persoon.dossier, **GELDIG_PIP)
        pip_services.pip_vaststellen(actor=actor, pip=pip, versie=pip.versie)
    assert routefeiten(persoon.dossier).termijn.einde_exclusief == D("2028-02-15")  # R8

    duo_stand_bijwerken(
        inburgeraar=persoon,
        gegevens={"termijn": {"startdatum": "2025-02-15", "einddatum": "2028-08-15"}},
    )
    persoon.dossier.refresh_from_db()
    persoon.refresh_from_db()
    termijn = routefeiten(persoon.dossier).termijn
    assert (termijn.einde_exclusief, termijn.regel.id) == (D("2028-08-15"), "R42")
