"""Bewaartermijnen: het afgeronde dossier (R69) en het verwerkingenlogboek (R70)."""

from datetime import date, timedelta

import pytest

from openinburgering.regels.bewaren import (
    BEWAARTERMIJN_DOSSIER_JAREN,
    BEWAARTERMIJN_LOGBOEK_JAREN,
    Beletsel,
    bewaartermijn_dossier,
    bewaartermijn_logregel,
    laatste_afronding_te_vernietigen,
    logboek_grens,
    logregel_vernietigen,
    toets_vernietigen,
)

D = date.fromisoformat


def test_termijnen_zijn_de_gekozen_waarden():
    # Een wijziging hier is een juridische keuze: pas ADR 0060 en de regeltekst mee aan.
    assert BEWAARTERMIJN_DOSSIER_JAREN == 10
    assert BEWAARTERMIJN_LOGBOEK_JAREN == 10


@pytest.mark.parametrize(
    ("afgerond_op", "peildatum", "beletsels", "toegestaan"),
    [
        pytest.param(D("2014-05-01"), D("2024-05-01"), (), False, id="R69-laatste-dag-bewaren"),
        pytest.param(D("2014-05-01"), D("2024-05-02"), (), True, id="R69-dag-erna-vernietigen"),
        pytest.param(D("2016-02-29"), D("2026-02-28"), (), False, id="R69-schrikkeldag-bewaren"),
        pytest.param(D("2016-02-29"), D("2026-03-01"), (), True, id="R69-schrikkeldag-weg"),
        pytest.param(None, D("2040-01-01"), (), False, id="R69-niet-afgerond"),
        pytest.param(
            D("2010-01-01"), D("2030-01-01"), (Beletsel.BEZWAAR,), False, id="R69-bezwaar-loopt"
        ),
    ],
)
def test_r69_toets_vernietigen(afgerond_op, peildatum, beletsels, toegestaan):
    uitkomst = toets_vernietigen(afgerond_op, peildatum, beletsels)
    assert uitkomst.toegestaan is toegestaan
    assert set(uitkomst.regel_ids) <= {"R69"}


def test_r69_elk_beletsel_eenmaal_met_uitleg_in_beide_talen():
    uitkomst = toets_vernietigen(
        D("2014-05-01"),
        D("2024-05-01"),
        [Beletsel.HANDHAVING, Beletsel.MELDING_DUO, Beletsel.HANDHAVING],
    )
    assert len(uitkomst.schendingen) == 3  # de termijn en twee verschillende beletsels
    assert "loopt nog" in uitkomst.meldingen[0] and "01-05-2024" in uitkomst.meldingen[0]
    assert "handhavingszaak" in uitkomst.meldingen[1]
    assert "DUO" in uitkomst.meldingen[2]
    assert "enforcement" in uitkomst.schendingen[1].melding_en
    for beletsel in Beletsel:
        assert beletsel.uitleg and beletsel.uitleg_en


def test_r69_termijn_uitleg():
    termijn = bewaartermijn_dossier(D("2015-03-31"))
    assert termijn.laatste_dag == D("2025-03-31")
    assert "31-03-2025" in termijn.uitleg and "10 years" in termijn.uitleg_en


@pytest.mark.parametrize(
    "peildatum",
    [D("2024-05-02"), D("2026-02-28"), D("2026-03-01"), D("2024-02-29"), D("2025-01-01")],
)
def test_r69_laatste_afronding_klopt_met_de_toets(peildatum):
    grens = laatste_afronding_te_vernietigen(peildatum)
    assert toets_vernietigen(grens, peildatum).toegestaan
    assert not toets_vernietigen(grens + timedelta(days=1), peildatum).toegestaan


@pytest.mark.parametrize(
    ("tijdstip", "peildatum", "bewaard", "weg"),
    [
        pytest.param(D("2014-05-01"), D("2024-05-01"), False, False, id="R70-laatste-dag"),
        pytest.param(D("2014-05-01"), D("2024-05-02"), False, True, id="R70-dag-erna"),
        pytest.param(D("2000-01-01"), D("2030-01-01"), True, False, id="R70-dossier-bewaard"),
    ],
)
def test_r70_logregel_vernietigen(tijdstip, peildatum, bewaard, weg):
    assert logregel_vernietigen(tijdstip, peildatum, dossier_bewaard=bewaard) is weg


@pytest.mark.parametrize(
    ("peildatum", "grens"),
    [
        (D("2024-05-02"), D("2014-05-02")),
        # 28-02-2014 + 10 jaar = 28-02-2024: op 29-02-2024 voorbij, dus de grens schuift op.
        (D("2024-02-29"), D("2014-03-01")),
    ],
)
def test_r70_logboek_grens(peildatum, grens):
    assert logboek_grens(peildatum) == grens
    assert logregel_vernietigen(grens - timedelta(days=1), peildatum, dossier_bewaard=False)
    assert not logregel_vernietigen(grens, peildatum, dossier_bewaard=False)
    assert "without a kept dossier" in bewaartermijn_logregel(grens).uitleg_en
