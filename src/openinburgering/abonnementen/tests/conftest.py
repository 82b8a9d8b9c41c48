from django.db import connection

import pytest

from openinburgering.accounts.context import Actor
from openinburgering.accounts.rollen import Rol

from .ontvanger import Ontvanger


@pytest.fixture(autouse=True)
def _alleen_op_postgres(request):
    if request.node.get_closest_marker("postgres") and connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: set DATABASE_URL=postgres://… (CI does)")


@pytest.fixture
def ontvanger():
    """A real HTTP receiver on loopback (see ``ontvanger.py``)."""
    o = Ontvanger().start()
    yield o
    o.stop()


@pytest.fixture
def beheerder_actor(gemeente_a, medewerker):
    user = medewerker(Rol.FUNCTIONEEL_BEHEERDER, gemeente_a)
    return Actor(gemeente=gemeente_a, user=user, rol=Rol.FUNCTIONEEL_BEHEERDER)


@pytest.fixture
def abonnement(beheerder_actor, ontvanger):
    """A subscription of gemeente A to every kind of event, pointing at the receiver."""
    from openinburgering.abonnementen import services
    from openinburgering.core.publicatie import Soort

    abonnement, geheim = services.abonnement_aanmaken(
        actor=beheerder_actor, naam="Zaaksysteem", url=ontvanger.url, soorten=list(Soort.values)
    )
    ontvanger.geheim = geheim
    return abonnement
