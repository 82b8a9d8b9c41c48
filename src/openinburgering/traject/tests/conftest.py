from datetime import date

import pytest

from openinburgering.regels.codes import Leerroute
from openinburgering.traject.routefeiten import RouteFeiten

MODULES = (
    "openinburgering.traject.afronding",
    "openinburgering.traject.map",
    "openinburgering.traject.uren",
    "openinburgering.traject.views.dossier",
)


@pytest.fixture
def route(monkeypatch):
    """Set the route facts (PIP dates, leerroute) the rules see, without depending on the pip app."""

    def zet(
        *, pip: date | None = date(2024, 3, 14), leerroute=Leerroute.B1_ROUTE, eigen=True, **kw
    ):
        feiten = RouteFeiten(
            pip_dagtekeningen=(pip,) if pip else (),
            leerroute=leerroute,
            eigen_huidig_pip=eigen,
            **kw,
        )
        for module in MODULES:
            monkeypatch.setattr(f"{module}.routefeiten", lambda dossier: feiten)
        return feiten

    zet()
    return zet
