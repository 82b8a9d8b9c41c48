"""PIP: inhoud en DUO's acceptatieregels (R11–R19, R22–R25, R29, R57)."""

from dataclasses import replace
from datetime import date

import pytest

from openinburgering.regels.codes import Doelgroep, LeerbaarheidstoetsResultaat, Leerroute, Niveau
from openinburgering.regels.pip import (
    Pip,
    PipContext,
    standaard_niveau,
    toets_pip,
    toets_verwijderen,
    wijkt_af_van_lbt,
)

D = date.fromisoformat

PIP = Pip(
    dagtekening=D("2025-05-01"),
    leerroute=Leerroute.B1_ROUTE,
    niveau=Niveau.B1,
    begeleiding="Klantregisseur, maandelijks gesprek",
    pvt_inhoud="PVT bij Taalhuis",
    pvt_intensiteit="6 bijeenkomsten",
    map_inhoud="Werkervaringsplaats en 8 thema's",
    map_intensiteit="2 dagdelen per week",
    voortgang="Voortgangsgesprek elke 3 maanden",
    bezwaarclausule=True,
)
CTX = PipContext(
    doelgroep=Doelgroep.ASIELSTATUSHOUDER,
    begindatum_plicht=D("2025-02-01"),
    peildatum=D("2025-06-01"),
)

N = Niveau
R = Leerroute
L = LeerbaarheidstoetsResultaat
GEZIN = Doelgroep.GEZINSMIGRANT_EN_OVERIGE_MIGRANT


@pytest.mark.parametrize(
    ("pip_wijziging", "ctx_wijziging", "regels"),
    [
        pytest.param({}, {}, (), id="R24-volledig-pip-toegestaan"),
        # dagtekening
        pytest.param({"dagtekening": D("2025-01-20")}, {}, ("R11",), id="R11-domain-voor-plicht"),
        pytest.param({"dagtekening": D("2025-02-01")}, {}, (), id="R11-op-startdag-plicht"),
        pytest.param(
            {"dagtekening": D("2025-02-27")}, {"vestigingsdatum": D("2025-03-01")}, ("R12",),
            id="R12-domain-voor-vestiging",
        ),
        pytest.param(
            {"dagtekening": D("2025-03-01")}, {"vestigingsdatum": D("2025-03-01")}, (),
            id="R12-op-vestigingsdatum",
        ),
        pytest.param(
            {"dagtekening": D("2025-04-30")},
            {"huidige_pip_dagtekening": D("2025-05-01"), "eerder_pip": True}, ("R13",),
            id="R13-domain-voor-huidig-pip",
        ),
        pytest.param(
            {"dagtekening": D("2025-02-28")},
            {"initiele_pip_dagtekening": D("2025-03-01"),
             "huidige_pip_dagtekening": D("2025-03-01"), "eerder_pip": True},
            ("R13",), id="R13-voor-initieel-en-huidig-twee-meldingen",
        ),
        pytest.param(
            {}, {"huidige_pip_dagtekening": D("2025-05-01"), "eerder_pip": True}, (),
            id="R13-zelfde-dag-als-huidig",
        ),
        pytest.param({"dagtekening": D("2025-06-02")}, {}, ("R57",), id="R57-morgen-gedagtekend"),
        pytest.param({"dagtekening": D("2025-06-01")}, {}, (), id="R57-vandaag-gedagtekend"),
        # niveau
        pytest.param(
            {"leerroute": R.ONDERWIJSROUTE, "niveau": N.A2, "map_inhoud": "", "map_intensiteit": ""},
            {}, ("R14",), id="R14-domain-onderwijsroute-a2",
        ),
        pytest.param(
            {"leerroute": R.ONDERWIJSROUTE, "niveau": None, "map_inhoud": "",
             "map_intensiteit": ""},
            {}, (), id="R14-onderwijsroute-zonder-niveau-is-b1",
        ),
        pytest.param({"leerroute": R.Z_ROUTE, "niveau": N.B1}, {}, ("R15",), id="R15-domain-z-b1"),
        pytest.param({"leerroute": R.Z_ROUTE, "niveau": None}, {}, (), id="R15-z-zonder-niveau"),
        pytest.param({"leerroute": R.Z_ROUTE, "niveau": N.A2}, {}, (), id="R15-z-a2-mag"),
        pytest.param({"niveau": N.A2}, {}, ("R16",), id="R16-domain-eerste-pip-a2"),
        pytest.param({"niveau": N.A2}, {"eerder_pip": True}, (), id="R16-later-pip-a2-mag"),
        # intensiteit
        pytest.param(
            {"geschatte_intensiteit_b1_route": 900}, {"doelgroep": GEZIN}, ("R18",),
            id="R18-domain-gezinsmigrant",
        ),
        pytest.param({"geschatte_intensiteit_b1_route": 900}, {}, (), id="R18-asiel-b1-900"),
        pytest.param({"geschatte_intensiteit_b1_route": 1}, {}, (), id="R18-ondergrens-1"),
        pytest.param({"geschatte_intensiteit_b1_route": 9999}, {}, (), id="R18-bovengrens-9999"),
        pytest.param({"geschatte_intensiteit_b1_route": 0}, {}, ("R18",), id="R18-nul-uur"),
        pytest.param({"geschatte_intensiteit_b1_route": 10000}, {}, ("R18",), id="R18-10000-uur"),
        pytest.param(
            {"geschatte_intensiteit_b1_route": 900, "leerroute": R.Z_ROUTE, "niveau": None}, {},
            ("R18",), id="R18-z-route",
        ),
        # verhuizing en schakelen
        pytest.param(
            {}, {"huidige_leerroute": R.Z_ROUTE, "verhuisd": True, "eerder_pip": True,
                 "termijn_start": D("2025-01-15")},
            ("R22",), id="R22-domain-andere-route-zonder-schakelbesluit",
        ),
        pytest.param(
            {}, {"huidige_leerroute": R.Z_ROUTE, "verhuisd": True, "schakelbesluit": True,
                 "eerder_pip": True, "termijn_start": D("2025-01-15")},
            (), id="R22-met-schakelbesluit-binnen-18-maanden",
        ),
        pytest.param(
            {}, {"huidige_leerroute": R.B1_ROUTE, "verhuisd": True, "eerder_pip": True,
                 "termijn_start": D("2022-01-15")},
            (), id="R22-zelfde-route-na-verhuizing",
        ),
        pytest.param(
            {}, {"huidige_leerroute": R.Z_ROUTE, "verhuisd": True, "schakelbesluit": True,
                 "eerder_pip": True, "termijn_start": D("2023-01-15")},
            ("R20",), id="R20-schakelbesluit-na-18-maanden",
        ),
        # inhoud
        pytest.param({"map_inhoud": ""}, {}, ("R24",), id="R24-domain-b1-zonder-map"),
        pytest.param({"voortgang": " "}, {}, ("R24",), id="R24-zonder-voortgang"),
        pytest.param(
            {"leerroute": R.ONDERWIJSROUTE}, {}, ("R25",), id="R25-onderwijsroute-met-map"
        ),
        pytest.param(
            {"leerroute": R.ONDERWIJSROUTE, "map_inhoud": "", "map_intensiteit": ""}, {}, (),
            id="R25-onderwijsroute-zonder-map-geen-r24",
        ),
        pytest.param({"bezwaarclausule": False}, {}, ("R23",), id="R23-zonder-bezwaarclausule"),
        # leerbaarheidstoets
        pytest.param(
            {}, {"lbt_resultaat": L.NIET_HAALBAAR}, ("R29",), id="R29-domain-niet-haalbaar-b1"
        ),
        pytest.param(
            {"motivering_leerroute": "Hoog opgeleid; toets afgenomen bij ziekte"},
            {"lbt_resultaat": L.NIET_HAALBAAR}, (), id="R29-met-motivering",
        ),
        pytest.param(
            {"leerroute": R.Z_ROUTE, "niveau": None}, {"lbt_resultaat": L.HAALBAAR}, ("R29",),
            id="R29-haalbaar-maar-z-route",
        ),
        pytest.param({}, {"lbt_resultaat": L.ONBEKEND}, (), id="R29-onbekend-geen-afwijking"),
        pytest.param(
            {"leerroute": R.Z_ROUTE, "niveau": None}, {"lbt_resultaat": L.NIET_HAALBAAR}, (),
            id="R29-niet-haalbaar-z-route-past",
        ),
    ],
)  # fmt: skip
def test_toets_pip(pip_wijziging, ctx_wijziging, regels):
    uitkomst = toets_pip(replace(PIP, **pip_wijziging), replace(CTX, **ctx_wijziging))
    assert uitkomst.regel_ids == regels
    assert uitkomst.toegestaan is (not regels)
    for schending in uitkomst.schendingen:
        assert schending.melding and schending.melding_en and schending.veld


def test_alle_schendingen_tegelijk():
    slecht = replace(
        PIP, dagtekening=D("2025-01-20"), niveau=N.A2, map_inhoud="", bezwaarclausule=False
    )
    uitkomst = toets_pip(slecht, replace(CTX, lbt_resultaat=L.NIET_HAALBAAR))
    assert uitkomst.regel_ids == ("R11", "R16", "R24", "R23", "R29")
    assert "20-01-2025" in uitkomst.voor_veld("dagtekening")[0].melding
    assert "01-02-2025" in uitkomst.voor_veld("dagtekening")[0].melding


def test_r13_twee_meldingen():
    ctx = replace(
        CTX,
        initiele_pip_dagtekening=D("2025-03-01"),
        huidige_pip_dagtekening=D("2025-04-01"),
        eerder_pip=True,
    )
    uitkomst = toets_pip(replace(PIP, dagtekening=D("2025-02-28")), ctx)
    assert len(uitkomst.voor_veld("dagtekening")) == 2


@pytest.mark.parametrize(
    ("route", "niveau", "verwacht"),
    [
        pytest.param(R.B1_ROUTE, None, N.B1, id="R17-domain-b-leeg-wordt-b1"),
        pytest.param(R.ONDERWIJSROUTE, None, N.B1, id="R17-o-leeg-wordt-b1"),
        pytest.param(R.Z_ROUTE, None, None, id="R17-z-blijft-leeg"),
        pytest.param(R.B1_ROUTE, N.A2, N.A2, id="R17-ingevuld-blijft"),
    ],
)
def test_r17_standaard_niveau(route, niveau, verwacht):
    assert standaard_niveau(route, niveau) is verwacht


@pytest.mark.parametrize(
    ("termijn", "uren", "aantal"),
    [
        pytest.param(True, False, 1, id="R19-domain-termijn-gestart"),
        pytest.param(False, True, 1, id="R19-cursusuren-geregistreerd"),
        pytest.param(True, True, 2, id="R19-beide"),
        pytest.param(False, False, 0, id="R19-mag-verwijderen"),
    ],
)
def test_r19_verwijderen(termijn, uren, aantal):
    uitkomst = toets_verwijderen(termijn_vastgesteld=termijn, cursusuren_geregistreerd=uren)
    assert len(uitkomst.schendingen) == aantal
    assert set(uitkomst.regel_ids) <= {"R19"}


def test_r29_afwijking_zonder_uitslag():
    assert not wijkt_af_van_lbt(None, R.Z_ROUTE)
    assert wijkt_af_van_lbt(L.NIET_HAALBAAR, R.ONDERWIJSROUTE)
