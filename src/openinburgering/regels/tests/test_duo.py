"""DUO-gebeurtenissen (R45, R46), opvraagrecht (R47) en contactpersonen (R48)."""

from datetime import date, datetime

import pytest

from openinburgering.regels.codes import Gebeurtenis, Leerroute
from openinburgering.regels.duo import (
    BETEKENISSEN,
    HERVAT_GEBEURTENISSEN,
    PAUZE_GEBEURTENISSEN,
    PIP_TERMIJN_GEBEURTENISSEN,
    Domeingevolg,
    Relevantie,
    TaakTermijn,
    gevolg_van_gebeurtenis,
    koppel_contactpersoon,
    plicht_gepauzeerd,
    taak_termijn,
    toets_relevantie,
    verwijder_contactpersoon,
)

D = date.fromisoformat
G = Gebeurtenis


@pytest.mark.parametrize(
    ("gebeurtenis", "status"),
    [
        pytest.param(G.SS106, "voldaan – diploma", id="R45-ss106-diploma"),
        pytest.param(G.SS107, "voldaan – vrijstelling", id="R45-domain-ss107"),
        pytest.param(G.SS108, "voldaan – ontheffing", id="R45-ss108-ontheffing"),
        pytest.param(G.SS110, "plicht vervallen", id="R45-ss110-vervallen"),
        pytest.param(G.SS111, "overleden", id="R45-ss111-overleden"),
    ],
)
def test_r45_afsluitende_gebeurtenissen(gebeurtenis, status):
    gevolg = gevolg_van_gebeurtenis(gebeurtenis)
    assert gevolg.status == status
    assert gevolg.dossier_sluiten and gevolg.klokken_stoppen
    assert gevolg.regel.id == "R45"


@pytest.mark.parametrize(
    ("gebeurtenis", "pauze", "herstart", "taak", "regel"),
    [
        pytest.param(G.SS109, True, False, "", "R46", id="R46-ss109-pauze"),
        pytest.param(G.SS129, False, True, "", "R46", id="R46-ss129-herstart-10-weken"),
        pytest.param(G.SS130, False, False, "Leerroute hervatten; nieuwe termijn ophalen", "R46",
                     id="R46-domain-ss130-route-houden"),
        pytest.param(G.SS139, False, True, "", "R10", id="R10-ss139-start-termijn"),
        pytest.param(G.SS132, False, False, "PIP ontbreekt", "R54", id="R54-domain-ss132-taak"),
    ],
)  # fmt: skip
def test_r46_gevolgen(gebeurtenis, pauze, herstart, taak, regel):
    gevolg = gevolg_van_gebeurtenis(gebeurtenis)
    assert (gevolg.plicht_pauzeren, gevolg.pip_termijn_starten, gevolg.taak) == (
        pauze,
        herstart,
        taak,
    )
    assert not gevolg.klokken_stoppen
    assert gevolg.regel.id == regel


def test_gebeurtenis_zonder_regel():
    gevolg = gevolg_van_gebeurtenis(G.SS199)
    assert gevolg.regel is None and not gevolg.dossier_sluiten


def test_pip_termijn_gebeurtenissen_volgen_uit_de_gevolgen():
    """SS139 start de termijn, SS129 start hem opnieuw (R46); geen andere gebeurtenis."""
    assert {G.SS129, G.SS139} == PIP_TERMIJN_GEBEURTENISSEN


def test_r46_pauze_en_hervatting_volgen_uit_de_gevolgen():
    assert {G.SS109} == PAUZE_GEBEURTENISSEN
    assert {G.SS129, G.SS130, G.SS139} == HERVAT_GEBEURTENISSEN


@pytest.mark.parametrize(
    ("pauze", "hervatting", "gepauzeerd"),
    [
        pytest.param(None, None, False, id="R46-nooit-gepauzeerd"),
        pytest.param(None, "2025-03-01T09:00", False, id="R46-alleen-gestart"),
        pytest.param("2025-04-01T09:00", None, True, id="R46-domain-vrijstelling-zonder-start"),
        pytest.param("2025-04-01T09:00", "2025-03-01T09:00", True, id="R46-ss109-na-ss139"),
        pytest.param("2025-04-01T09:00", "2025-05-01T09:00", False, id="R46-ss129-na-ss109"),
        pytest.param("2025-04-01T09:00", "2025-04-01T09:00", False, id="R46-tegelijk-hervat"),
    ],
)
def test_r46_plicht_gepauzeerd(pauze, hervatting, gepauzeerd):
    """Van SS109 tot SS129/SS130 (of een nieuwe start van de termijn) loopt er geen PIP-termijn."""
    tijd = lambda w: datetime.fromisoformat(w) if w else None  # noqa: E731
    assert (
        plicht_gepauzeerd(laatste_pauze=tijd(pauze), laatste_hervatting=tijd(hervatting))
        is gepauzeerd
    )


VANDAAG = D("2025-06-01")


@pytest.mark.parametrize(
    ("relevantie", "toegestaan"),
    [
        pytest.param(
            Relevantie(vorig_pip_van_gemeente=True, huidige_pip_dagtekening=D("2025-04-22")),
            False, id="R47-domain-nieuw-pip-40-dagen",
        ),
        pytest.param(
            Relevantie(vorig_pip_van_gemeente=True, huidige_pip_dagtekening=D("2025-05-12")),
            True, id="R47-nieuw-pip-20-dagen",
        ),
        pytest.param(
            Relevantie(vorig_pip_van_gemeente=True, huidige_pip_dagtekening=D("2025-05-01")),
            False, id="R47-precies-een-maand",
        ),
        pytest.param(Relevantie(woont_in_gemeente=True), True, id="R47-inwoner"),
        pytest.param(
            Relevantie(woont_in_gemeente=True, in_coa_locatie=True), False,
            id="R47-in-azc-niet-gekoppeld",
        ),
        pytest.param(
            Relevantie(in_coa_locatie=True, door_coa_gekoppeld_aan_gemeente=True), True,
            id="R47-azc-gekoppeld",
        ),
        pytest.param(Relevantie(huidig_pip_van_gemeente=True), True, id="R47-eigen-pip"),
        pytest.param(Relevantie(), False, id="R47-geen-band"),
    ],
)  # fmt: skip
def test_r47_relevantie(relevantie, toegestaan):
    uitkomst = toets_relevantie(relevantie, VANDAAG)
    assert uitkomst.toegestaan is toegestaan
    assert set(uitkomst.regel_ids) <= {"R47"}


@pytest.mark.parametrize(
    ("start", "nieuw"),
    [
        pytest.param({"bsn1": "C1"}, {"bsn1": "C2"}, id="R48-domain-c2-vervangt-c1"),
        pytest.param({}, {"bsn1": "C2"}, id="R48-eerste-koppeling"),
    ],
)
def test_r48_koppelen(start, nieuw):
    assert koppel_contactpersoon(start, "bsn1", "C2") == nieuw


def test_r48_verwijderen_haalt_alle_koppelingen_weg():
    koppelingen = {"bsn1": "C1", "bsn2": "C1", "bsn3": "C2"}
    assert verwijder_contactpersoon(koppelingen, "C1") == {"bsn3": "C2"}


def test_elke_gebeurtenis_uit_duos_lijst_heeft_precies_een_betekenis():
    """DUO's lijst (``codes.Gebeurtenis``, DOMAIN.md §9.1): elk id één keer in ``BETEKENISSEN``."""
    ids = [gevolg.gebeurtenis for gevolg in BETEKENISSEN]
    assert sorted(ids) == sorted(G), "elke gebeurtenis precies één keer"
    for gebeurtenis in G:
        assert gevolg_van_gebeurtenis(gebeurtenis).gebeurtenis is gebeurtenis


#: DUO's attentiesignalen (Gebeurtenissen/Attentiesignalen.md, DOMAIN.md §9.1).
ATTENTIESIGNALEN = {
    G.SS122, G.SS123, G.SS126, G.SS127, G.SS132, G.SS133, G.SS134, G.SS135, G.SS136,
    G.SS140, G.SS141, G.SS142,
}  # fmt: skip


def test_geen_gebeurtenis_wordt_nog_alleen_bewaard():
    """Elke gebeurtenis uit DUO's lijst heeft een behandeling; niets is nog alleen "gepland"."""
    assert not [g.gebeurtenis for g in BETEKENISSEN if g.gepland]


@pytest.mark.parametrize("gebeurtenis", sorted(ATTENTIESIGNALEN), ids=lambda g: g.value)
def test_elk_attentiesignaal_is_een_taak(gebeurtenis):
    gevolg = gevolg_van_gebeurtenis(gebeurtenis)
    assert gevolg.taak and gevolg.regel is not None
    # A departure is also recorded for the handover (R76); no signal closes the dossier itself.
    verwacht = {Domeingevolg.VERHUIZING_VASTLEGGEN} if gebeurtenis is G.SS122 else set()
    assert gevolg.domeingevolgen == verwacht and not gevolg.dossier_sluiten
    if gebeurtenis is not G.SS132:
        # SS132's deadline is the PIP term itself, which the deadline engine keeps (R9).
        assert gevolg.taak_termijn is not TaakTermijn.GEEN


def test_ss112_verzoek_om_verlenging_vraagt_niets_van_de_gemeente():
    gevolg = gevolg_van_gebeurtenis(G.SS112)
    assert not gevolg.taak and gevolg.raadplegen == ("Inburgeringstermijn", "Verlenging")
    assert taak_termijn(gevolg, D("2026-03-02")) is None


def test_alleen_een_vertrek_maakt_geen_nieuw_dossier():
    assert {g.gebeurtenis for g in BETEKENISSEN if g.alleen_bij_dossier} == {G.SS122, G.SS123}


def test_alleen_het_certificaat_z_route_volgt_ook_een_afgerond_dossier():
    assert {g.gebeurtenis for g in BETEKENISSEN if g.ook_bij_afgerond_dossier} == {G.SS141}


@pytest.mark.parametrize(
    ("gebeurtenis", "gemeld", "pip", "route", "laatste_dag", "regel"),
    [
        pytest.param(G.SS122, D("2026-03-02"), None, None, D("2026-04-01"), "R47",
                     id="R71-domain-ss122-een-maand-inzage-vorige-gemeente"),
        pytest.param(G.SS123, D("2026-01-31"), None, None, D("2026-02-27"), "R47",
                     id="R71-ss123-maand-na-31-januari"),
        pytest.param(G.SS126, D("2026-03-02"), None, None, D("2026-03-02"), "R9",
                     id="R71-ss126-meteen-te-laat"),
        pytest.param(G.SS127, D("2026-03-02"), D("2025-10-15"), Leerroute.B1_ROUTE,
                     D("2026-01-15"), "R55", id="R71-ss127-aanbod-drie-maanden-na-pip"),
        pytest.param(G.SS127, D("2026-03-02"), D("2026-01-15"), Leerroute.ONDERWIJSROUTE,
                     D("2026-07-15"), "R55", id="R71-ss127-onderwijsroute-zes-maanden"),
        pytest.param(G.SS127, D("2026-03-02"), None, None, D("2026-03-30"), "R71",
                     id="R71-ss127-zonder-pip-vier-weken"),
        pytest.param(G.SS140, D("2026-03-02"), None, None, D("2026-03-30"), "R71",
                     id="R71-ss140-advies-vier-weken"),
        pytest.param(G.SS142, D("2026-12-21"), None, None, D("2027-01-18"), "R71",
                     id="R71-ss142-over-de-jaargrens"),
    ],
)  # fmt: skip
def test_r69_termijn_van_de_taak(gebeurtenis, gemeld, pip, route, laatste_dag, regel):
    termijn = taak_termijn(
        gevolg_van_gebeurtenis(gebeurtenis), gemeld, pip_dagtekening=pip, leerroute=route
    )
    assert termijn.laatste_dag == laatste_dag
    assert termijn.regel.id == regel
    assert termijn.uitleg and termijn.uitleg_en


def test_ss132_cursuscontract_zonder_pip_is_een_taak_volgens_r54():
    gevolg = gevolg_van_gebeurtenis(G.SS132)
    assert not gevolg.gepland
    assert gevolg.regel.id == "R54" and "art. 11 lid 2" in gevolg.regel.bron
    assert gevolg.taak == "PIP ontbreekt"


@pytest.mark.parametrize(
    ("gebeurtenis", "domeingevolgen"),
    [
        pytest.param(G.SS139, {Domeingevolg.PIP_TERMIJN_STARTEN}, id="R10-ss139-klok"),
        pytest.param(G.SS129, {Domeingevolg.PIP_TERMIJN_STARTEN}, id="R46-ss129-klok"),
        pytest.param(G.SS131, {Domeingevolg.LBT_UITSLAG_OVERNEMEN}, id="ss131-intake"),
        pytest.param(G.SS199, {Domeingevolg.EXAMENUITSLAG_OVERNEMEN}, id="ss199-route"),
        pytest.param(G.SS137, set(), id="ss137-alleen-tijdlijn"),
        pytest.param(G.SS106, set(), id="R45-ss106-geen-domeingevolg"),
        pytest.param(G.SS120, {Domeingevolg.VERHUIZING_VASTLEGGEN}, id="R75-ss120-vestiging"),
        pytest.param(G.SS121, {Domeingevolg.VERHUIZING_VASTLEGGEN}, id="R75-ss121-met-pip"),
        pytest.param(G.SS122, {Domeingevolg.VERHUIZING_VASTLEGGEN}, id="R76-ss122-vertrek"),
        pytest.param(G.SS123, set(), id="R71-ss123-buitenland-geen-overdracht"),
    ],
)
def test_domeingevolgen(gebeurtenis, domeingevolgen):
    assert gevolg_van_gebeurtenis(gebeurtenis).domeingevolgen == domeingevolgen


def test_duos_decisions_on_the_term_read_the_extension_requests_and_fines():
    """R72, R73: SS103/SS104/SS112/SS113 read DUO's Verlenging API; SS103 (a new term set ex
    officio, as after a fine) also the Boete API."""
    for gebeurtenis in (G.SS103, G.SS104, G.SS112, G.SS113):
        assert "Verlenging" in gevolg_van_gebeurtenis(gebeurtenis).raadplegen
    assert "Boete" in gevolg_van_gebeurtenis(G.SS103).raadplegen
