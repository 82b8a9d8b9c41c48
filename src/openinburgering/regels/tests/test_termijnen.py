"""Termijnen: PIP-termijn (R9, R10, R51), inburgeringstermijn (R7, R8), schakelen (R20),
bezwaar (R23) en verlenging wegens ziekte (R42)."""

from datetime import date, timedelta

import pytest

from openinburgering.regels.codes import Familierelatie, Leerroute
from openinburgering.regels.termijnen import (
    BEZWAAR_TERMIJN_WEKEN,
    Ziekteperiode,
    bezwaartermijn,
    inburgeringstermijn,
    pip_op_tijd,
    pip_termijn,
    pip_termijn_status,
    schakeltermijn,
    toets_bezwaar_tijdig,
    toets_schakelen,
    toets_verlenging_ziekte,
    vroegste_verlengingsaanvraag,
)

D = date.fromisoformat


@pytest.mark.parametrize(
    ("ss139", "laatste_dag", "regel"),
    [
        pytest.param([D("2025-01-06")], D("2025-03-17"), "R9", id="R9-domain-voorbeeld"),
        pytest.param([D("2025-01-04")], D("2025-03-17"), "R9", id="R9-einde-zaterdag-naar-maandag"),
        pytest.param([D("2025-02-24")], D("2025-05-06"), "R9", id="R9-einde-op-5-mei"),
        pytest.param([D("2025-02-07")], D("2025-04-22"), "R9", id="R9-einde-goede-vrijdag-pasen"),
        pytest.param([D("2024-12-19")], D("2025-02-27"), "R9", id="R9-over-jaargrens"),
        pytest.param(
            [D("2025-01-06"), D("2025-04-01")], D("2025-06-10"), "R10", id="R10-herstart-na-coa"
        ),
        pytest.param(
            [D("2025-04-01"), D("2025-01-06")],
            D("2025-06-10"),
            "R10",
            id="R10-volgorde-maakt-niet-uit",
        ),
    ],
)
def test_r9_r10_pip_termijn(ss139, laatste_dag, regel):
    termijn = pip_termijn(ss139)
    assert termijn.laatste_dag == laatste_dag
    assert termijn.einde_inclusief
    assert termijn.regel.id == regel
    assert termijn.start == max(ss139) + timedelta(days=1)
    assert "PIP" in termijn.uitleg


def test_r9_uitleg_noemt_verschuiving():
    termijn = pip_termijn([D("2025-02-24")])
    assert termijn.verschoven
    assert "Bevrijdingsdag" in termijn.uitleg
    assert termijn.einde_zonder_verschuiving == D("2025-05-05")


@pytest.mark.parametrize(
    ("peildatum", "te_laat"),
    [
        pytest.param(D("2025-03-17"), False, id="R9-laatste-dag-nog-op-tijd"),
        pytest.param(D("2025-03-18"), True, id="R9-dag-erna-signaal"),
    ],
)
def test_r9_signaal(peildatum, te_laat):
    status = pip_termijn_status([D("2025-01-06")], peildatum)
    assert status.te_laat is te_laat
    assert status.op_tijd_vastgesteld is None


def test_r9_status_met_pip_en_zonder_ss139():
    assert pip_termijn([]) is None
    leeg = pip_termijn_status([], D("2025-03-18"))
    assert leeg.termijn is None and not leeg.te_laat
    op_tijd = pip_termijn_status([D("2025-01-06")], D("2025-04-01"), D("2025-03-17"))
    assert op_tijd.op_tijd_vastgesteld is True and not op_tijd.te_laat
    laat = pip_termijn_status([D("2025-01-06")], D("2025-04-01"), D("2025-03-18"))
    assert laat.op_tijd_vastgesteld is False


@pytest.mark.parametrize(
    ("ss139", "pip", "op_tijd"),
    [
        pytest.param([D("2025-01-06")], D("2025-03-10"), True, id="R51-domain-voorbeeld"),
        pytest.param([D("2025-01-06")], D("2025-03-17"), True, id="R51-precies-70-dagen"),
        pytest.param([D("2025-01-06")], D("2025-03-18"), False, id="R51-71-dagen-te-laat"),
        pytest.param(
            [D("2025-01-06"), D("2025-03-01")], D("2025-04-01"), True, id="R51-laatste-ss139-telt"
        ),
        pytest.param([D("2025-05-01")], D("2025-04-01"), None, id="R51-geen-ss139-ervoor"),
    ],
)
def test_r51_kpi(ss139, pip, op_tijd):
    resultaat = pip_op_tijd(ss139, pip)
    assert resultaat.waarde is op_tijd
    assert resultaat.regel.id == "R51"


@pytest.mark.parametrize(
    ("pips", "start", "laatste", "einde", "regel"),
    [
        pytest.param(
            [D("2024-03-14")], D("2024-03-15"), D("2027-03-14"), D("2027-03-15"), "R8",
            id="R8-domain-voorbeeld",
        ),
        pytest.param(
            [D("2024-09-01"), D("2024-03-14")], D("2024-03-15"), D("2027-03-14"),
            D("2027-03-15"), "R7", id="R7-tweede-pip-verschuift-niet",
        ),
        pytest.param(
            [D("2024-03-14"), D("2024-05-02"), D("2025-01-10")], D("2024-03-15"),
            D("2027-03-14"), D("2027-03-15"), "R7", id="R7-drie-pips-eerste-telt",
        ),
        pytest.param(
            [D("2024-06-30"), D("2024-06-30")], D("2024-07-01"), D("2027-06-30"),
            D("2027-07-01"), "R7", id="R7-opnieuw-vastgesteld-zelfde-dag",
        ),
        pytest.param(
            [D("2024-02-28")], D("2024-02-29"), D("2027-02-28"), D("2027-03-01"), "R8",
            id="R8-start-op-29-februari",
        ),
        pytest.param(
            [D("2024-02-29")], D("2024-03-01"), D("2027-02-28"), D("2027-03-01"), "R8",
            id="R8-pip-op-29-februari",
        ),
        pytest.param(
            [D("2024-03-13")], D("2024-03-14"), D("2027-03-13"), D("2027-03-14"), "R8",
            id="R8-einde-zaterdag-niet-verschoven",
        ),
        pytest.param(
            [D("2022-12-24")], D("2022-12-25"), D("2025-12-24"), D("2025-12-25"), "R8",
            id="R8-einde-voor-kerst-niet-verschoven",
        ),
    ],
)  # fmt: skip
def test_r7_r8_inburgeringstermijn(pips, start, laatste, einde, regel):
    termijn = inburgeringstermijn(pips)
    assert (termijn.start, termijn.laatste_dag, termijn.einde) == (start, laatste, einde)
    assert termijn.einde_inclusief is False
    assert termijn.regel.id == regel
    assert not termijn.verschoven


def test_r8_zaterdag_blijft_zaterdag():
    termijn = inburgeringstermijn([D("2024-03-13")])
    assert termijn.laatste_dag.weekday() == 5
    assert inburgeringstermijn([]) is None


@pytest.mark.parametrize(
    ("besluit", "van", "naar", "toegestaan"),
    [
        pytest.param(D("2025-10-01"), "Z", "B", False, id="R20-domain-voorbeeld-te-laat"),
        pytest.param(D("2025-09-14"), "Z", "B", True, id="R20-laatste-dag-18-maanden"),
        pytest.param(D("2025-09-15"), "Z", "B", False, id="R20-dag-na-18-maanden"),
        pytest.param(D("2024-06-01"), "B", "O", True, id="R20-ruim-binnen-termijn"),
        pytest.param(D("2026-01-01"), "B", "B", True, id="R20-zelfde-route-geen-schakelen"),
    ],
)
def test_r20_schakelen(besluit, van, naar, toegestaan):
    uitkomst = toets_schakelen(
        termijn_start=D("2024-03-15"),
        besluitdatum=besluit,
        van_route=Leerroute(van),
        naar_route=Leerroute(naar),
    )
    assert uitkomst.toegestaan is toegestaan
    if not toegestaan:
        assert uitkomst.schendingen[0].veld == "leerroute"
        assert "14-09-2025" in uitkomst.schendingen[0].melding


def test_r20_zonder_termijn_en_schakeltermijn_eind_van_maand():
    assert toets_schakelen(
        termijn_start=None,
        besluitdatum=D("2030-01-01"),
        van_route=Leerroute.B1_ROUTE,
        naar_route=Leerroute.Z_ROUTE,
    )
    assert schakeltermijn(D("2024-08-31")).laatste_dag == D("2026-02-27")


@pytest.mark.parametrize(
    ("verzonden", "laatste"),
    [
        pytest.param(D("2025-06-02"), D("2025-07-14"), id="R23-domain-voorbeeld"),
        pytest.param(D("2025-11-13"), D("2025-12-29"), id="R23-kerst-en-weekend"),
        pytest.param(D("2025-03-24"), D("2025-05-06"), id="R23-einde-bevrijdingsdag"),
        pytest.param(D("2025-11-21"), D("2026-01-05"), id="R23-2-jan-gelijkgesteld"),
        pytest.param(D("2024-01-19"), D("2024-03-01"), id="R23-schrikkeljaar"),
    ],
)
def test_r23_bezwaartermijn(verzonden, laatste):
    termijn = bezwaartermijn(verzonden)
    assert termijn.laatste_dag == laatste
    assert termijn.start == verzonden + timedelta(days=1)
    assert termijn.laatste_dag >= verzonden + timedelta(weeks=6)
    assert termijn.regel.id == "R23"


@pytest.mark.parametrize(
    ("soort", "bekendgemaakt", "laatste"),
    [
        # One rule for every beschikking: the kind never changes the term (Awb 6:7, 6:8).
        pytest.param("pip", D("2025-02-14"), D("2025-03-28"), id="R23-pip-vrijdag"),
        pytest.param("boete", D("2025-05-01"), D("2025-06-12"), id="R23-boete"),
        pytest.param("boete", D("2025-04-04"), D("2025-05-16"), id="R23-boete-na-pasen"),
        pytest.param("ontzorgen", D("2026-11-20"), D("2027-01-04"), id="R23-ontzorgen-kerst"),
    ],
)
def test_r23_one_term_for_every_kind_of_beschikking(soort, bekendgemaakt, laatste):
    termijn = bezwaartermijn(bekendgemaakt)
    # Starts the day after bekendmaking (6:8 lid 1), six weeks of the one constant (6:7).
    assert termijn.start == bekendgemaakt + timedelta(days=1)
    assert termijn.einde_zonder_verschuiving == bekendgemaakt + timedelta(
        weeks=BEZWAAR_TERMIJN_WEKEN
    )
    assert termijn.laatste_dag == laatste, soort
    assert f"{BEZWAAR_TERMIJN_WEKEN} weken" in termijn.uitleg
    assert f"{BEZWAAR_TERMIJN_WEKEN}-week" in termijn.uitleg_en


def test_r23_names_every_kind_of_beschikking():
    from openinburgering.regels.termijnen import R23

    for soort in ("PIP", "boete", "ontzorgen"):
        assert soort in R23.tekst
    assert "6:8" in R23.bron


def test_r23_uitleg_kerst():
    termijn = bezwaartermijn(D("2025-11-13"))
    assert "25-12-2025 is een Eerste kerstdag" in termijn.uitleg
    assert "29-12-2025" in termijn.uitleg and "29-12-2025" in termijn.uitleg_en


@pytest.mark.parametrize(
    ("ontvangen", "ter_post", "toegestaan"),
    [
        pytest.param(D("2025-12-29"), None, True, id="R23-op-laatste-dag"),
        pytest.param(D("2025-12-30"), None, False, id="R23-dag-te-laat"),
        pytest.param(D("2026-01-05"), D("2025-12-29"), True, id="R23-post-binnen-week"),
        pytest.param(D("2026-01-06"), D("2025-12-29"), False, id="R23-post-na-week"),
        pytest.param(D("2026-01-02"), D("2025-12-30"), False, id="R23-te-laat-gepost"),
    ],
)
def test_r23_bezwaar_tijdig(ontvangen, ter_post, toegestaan):
    uitkomst = toets_bezwaar_tijdig(
        verzenddatum=D("2025-11-13"), ontvangstdatum=ontvangen, datum_ter_post=ter_post
    )
    assert uitkomst.toegestaan is toegestaan


TERMIJN_2023 = inburgeringstermijn([D("2022-12-31")])  # start 01-01-2023
ZIEK = Ziekteperiode(D("2024-01-01"), D("2024-06-30"), Familierelatie.ZELF, True)


@pytest.mark.parametrize(
    ("aanvraag", "ziekte", "eerder", "fouten"),
    [
        pytest.param(D("2025-03-01"), ZIEK, (), 1, id="R42-domain-te-vroeg"),
        pytest.param(D("2025-07-01"), ZIEK, (), 0, id="R42-domain-op-tijd"),
        pytest.param(D("2025-06-30"), ZIEK, (), 1, id="R42-dag-voor-2-5-jaar"),
        pytest.param(D("2025-12-31"), ZIEK, (), 0, id="R42-laatste-dag-termijn"),
        pytest.param(D("2026-01-01"), ZIEK, (), 1, id="R42-na-einde-termijn"),
        pytest.param(
            D("2025-08-01"),
            Ziekteperiode(D("2024-01-01"), D("2024-03-31"), Familierelatie.ZELF, True),
            (), 1, id="R42-precies-3-maanden-niet-langer",
        ),
        pytest.param(
            D("2025-08-01"),
            Ziekteperiode(D("2024-01-01"), D("2024-04-01"), Familierelatie.SCHOONOUDER, True),
            (), 0, id="R42-langer-dan-3-maanden-schoonouder",
        ),
        pytest.param(
            D("2025-08-01"),
            Ziekteperiode(D("2024-01-01"), D("2024-06-30"), Familierelatie.ANDERS, False),
            (), 2, id="R42-neef-en-geen-arts-in-nl",
        ),
        pytest.param(
            D("2025-08-01"), Ziekteperiode(D("2025-04-01"), None, Familierelatie.KIND, True),
            (), 0, id="R42-nog-ziek-telt-tot-aanvraag",
        ),
        pytest.param(
            D("2025-08-01"), ZIEK, ((D("2024-05-01"), D("2024-09-01")),), 1,
            id="R42-niet-twee-keer-zelfde-periode",
        ),
        pytest.param(
            D("2025-08-01"), ZIEK, ((D("2024-07-01"), D("2024-09-01")),), 0,
            id="R42-andere-periode-mag",
        ),
    ],
)  # fmt: skip
def test_r42_verlenging_ziekte(aanvraag, ziekte, eerder, fouten):
    uitkomst = toets_verlenging_ziekte(
        termijn=TERMIJN_2023,
        aanvraagdatum=aanvraag,
        ziekte=ziekte,
        eerder_verlengde_perioden=eerder,
    )
    assert len(uitkomst.schendingen) == fouten
    assert set(uitkomst.regel_ids) <= {"R42"}


def test_r42_vroegste_aanvraag():
    assert vroegste_verlengingsaanvraag(D("2023-01-01")) == D("2025-07-01")


@pytest.mark.parametrize(
    ("start", "einde", "grond", "regel"),
    [
        pytest.param(D("2024-03-15"), D("2027-03-15"), "", "R8", id="R8-duo-termijn-standaard"),
        pytest.param(D("2024-02-29"), D("2027-03-01"), "", "R8", id="R8-duo-start-29-februari"),
        pytest.param(
            D("2024-03-15"), D("2027-09-15"), "ziekte", "R42", id="R42-duo-termijn-verlengd"
        ),
    ],
)
def test_inburgeringstermijn_van_duo(start, einde, grond, regel):
    from openinburgering.regels.termijnen import inburgeringstermijn_van_duo

    termijn = inburgeringstermijn_van_duo(start, einde, verlengingsgrond=grond)
    assert termijn.regel.id == regel
    assert termijn.einde_exclusief == einde and termijn.start == start
    assert grond in termijn.uitleg


@pytest.mark.parametrize(
    ("pips", "duo", "vorige", "start", "einde", "regel", "zin"),
    [
        pytest.param(
            [D("2024-03-14")], None, None, D("2024-03-15"), D("2027-03-15"), "R8", "",
            id="zonder-duo-eigen-eerste-pip",
        ),
        pytest.param(
            [D("2024-03-14")], (D("2024-03-15"), D("2027-09-15"), "ziekte"), None,
            D("2024-03-15"), D("2027-09-15"), "R42", "verlengd (ziekte)",
            id="SS103-SS104-duo-verlenging-gaat-voor",
        ),
        pytest.param(
            [D("2025-06-02")], None, D("2024-03-14"), D("2024-03-15"), D("2027-03-15"), "R7",
            "vorige gemeente", id="SS121-pip-vorige-gemeente-telt-als-eerste",
        ),
        pytest.param(
            [], None, D("2024-03-14"), D("2024-03-15"), D("2027-03-15"), "R8",
            "vorige gemeente", id="SS121-nog-geen-eigen-pip",
        ),
        pytest.param(
            [D("2024-01-10")], None, D("2024-03-14"), D("2024-01-11"), D("2027-01-11"), "R7", "",
            id="eigen-pip-eerder-dan-duo-pip",
        ),
        pytest.param(
            [D("2024-03-14")], None, D("2024-03-14"), D("2024-03-15"), D("2027-03-15"), "R8", "",
            id="duo-pip-is-ons-eigen-eerste",
        ),
        pytest.param([], None, None, None, None, None, "", id="geen-pip-geen-termijn"),
    ],
)  # fmt: skip
def test_geldende_inburgeringstermijn_een_bron(pips, duo, vorige, start, einde, regel, zin):
    from openinburgering.regels.termijnen import geldende_inburgeringstermijn

    duo_start, duo_einde, grond = duo or (None, None, "")
    termijn = geldende_inburgeringstermijn(
        pips,
        duo_startdatum=duo_start,
        duo_einddatum=duo_einde,
        verlengingsgrond=grond,
        pip_vorige_gemeente=vorige,
    )
    if regel is None:
        assert termijn is None
        return
    assert (termijn.start, termijn.einde_exclusief, termijn.regel.id) == (start, einde, regel)
    assert zin in termijn.uitleg
    assert ("previous municipality" in termijn.uitleg_en) == ("vorige gemeente" in zin)


@pytest.mark.parametrize(
    ("verzonden", "commissie", "verdaagd", "laatste_dag", "verschoven"),
    [
        pytest.param(D("2025-06-02"), False, False, D("2025-08-25"), False, id="R67-6-weken"),
        pytest.param(D("2025-06-02"), True, False, D("2025-10-06"), False, id="R67-commissie"),
        pytest.param(D("2025-06-02"), False, True, D("2025-10-06"), False, id="R67-verdaagd"),
        pytest.param(D("2025-11-13"), False, False, D("2026-02-09"), False, id="R67-na-kerst"),
        pytest.param(D("2025-02-10"), False, False, D("2025-05-06"), True, id="R67-op-5-mei"),
    ],
)
def test_r67_beslistermijn_bezwaar(verzonden, commissie, verdaagd, laatste_dag, verschoven):
    from openinburgering.regels.termijnen import beslistermijn_bezwaar

    termijn = beslistermijn_bezwaar(verzonden, adviescommissie=commissie, verdaagd=verdaagd)
    assert termijn.laatste_dag == laatste_dag
    assert termijn.regel.id == "R67"
    assert termijn.start == bezwaartermijn(verzonden).laatste_dag + timedelta(days=1)
    assert termijn.verschoven is verschoven
    assert ("verdaagd" in termijn.uitleg) is verdaagd
