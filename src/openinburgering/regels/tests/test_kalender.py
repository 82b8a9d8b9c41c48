"""Datumrekenen en de Algemene termijnenwet (R58)."""

from datetime import date

import pytest

from openinburgering.regels.kalender import (
    atw_einddatum,
    atw_feestdag,
    eerstvolgende_werkdag,
    is_atw_feestdag,
    is_werkdag,
    plus_jaren,
    plus_maanden,
    reden_niet_werkdag,
    werkdagen_tussen,
)

D = date.fromisoformat


@pytest.mark.parametrize(
    ("dag", "maanden", "verwacht"),
    [
        (D("2025-01-31"), 1, D("2025-02-28")),
        (D("2024-01-31"), 1, D("2024-02-29")),
        (D("2025-03-31"), -1, D("2025-02-28")),
        (D("2024-02-29"), 12, D("2025-02-28")),
        (D("2024-12-15"), 1, D("2025-01-15")),
        (D("2025-01-15"), -1, D("2024-12-15")),
    ],
)
def test_plus_maanden(dag, maanden, verwacht):
    assert plus_maanden(dag, maanden) == verwacht


def test_plus_jaren_schrikkeldag():
    assert plus_jaren(D("2024-02-29"), 4) == D("2028-02-29")
    assert plus_jaren(D("2024-02-29"), 3) == D("2027-02-28")


@pytest.mark.parametrize(
    ("dag", "feestdag"),
    [
        pytest.param(D("2025-01-01"), True, id="R58-nieuwjaarsdag"),
        pytest.param(D("2025-04-18"), True, id="R58-goede-vrijdag-art3-lid2"),
        pytest.param(D("2025-04-21"), True, id="R58-tweede-paasdag"),
        pytest.param(D("2025-04-26"), True, id="R58-koningsdag-op-zaterdag-26-april"),
        pytest.param(D("2026-05-05"), True, id="R58-5-mei-ook-buiten-lustrumjaar"),
        pytest.param(D("2025-05-29"), True, id="R58-hemelvaartsdag"),
        pytest.param(D("2025-06-09"), True, id="R58-tweede-pinksterdag"),
        pytest.param(D("2025-12-26"), True, id="R58-tweede-kerstdag"),
        pytest.param(D("2026-01-02"), True, id="R58-gelijkgestelde-dag-art3-lid3"),
        pytest.param(D("2025-05-30"), True, id="R58-vrijdag-na-hemelvaart-2025"),
        pytest.param(D("2025-12-24"), False, id="R58-kerstavond-geen-feestdag"),
        pytest.param(D("2025-05-04"), False, id="R58-4-mei-geen-feestdag"),
    ],
)
def test_atw_feestdagen(dag, feestdag):
    assert is_atw_feestdag(dag) is feestdag


@pytest.mark.parametrize(
    ("eerste", "laatste", "verwacht"),
    [
        pytest.param(D("2025-11-14"), D("2025-12-25"), D("2025-12-29"), id="R58-kerst-weekend"),
        pytest.param(D("2025-06-03"), D("2025-07-14"), D("2025-07-14"), id="R58-maandag-blijft"),
        pytest.param(D("2025-01-05"), D("2025-03-15"), D("2025-03-17"), id="R58-zaterdag-naar-ma"),
        pytest.param(D("2025-02-08"), D("2025-04-18"), D("2025-04-22"), id="R58-pasen-4-dagen"),
        pytest.param(
            D("2025-12-20"), D("2025-12-22"), D("2025-12-23"), id="R58-art2-twee-werkdagen"
        ),
        pytest.param(
            D("2025-12-26"), D("2025-12-27"), D("2025-12-29"), id="R58-korte-termijn-art1"
        ),
    ],
)
def test_atw_einddatum(eerste, laatste, verwacht):
    assert atw_einddatum(eerste, laatste) == verwacht


def test_werkdagen_en_redenen():
    assert is_werkdag(D("2025-12-29"))
    assert not is_werkdag(D("2025-12-27"))
    assert eerstvolgende_werkdag(D("2025-12-25")) == D("2025-12-29")
    assert werkdagen_tussen(D("2025-12-22"), D("2025-12-28")) == 3
    assert werkdagen_tussen(D("2025-12-22"), D("2025-12-28"), hoogstens=2) == 2
    assert reden_niet_werkdag(D("2025-12-25")) == "Eerste kerstdag"
    assert reden_niet_werkdag(D("2025-12-27")) == "zaterdag"
    assert reden_niet_werkdag(D("2025-12-28")) == "zondag"
    assert reden_niet_werkdag(D("2025-12-29")) == ""
    assert atw_feestdag(D("2025-12-29")) is None


def test_r58_bevrijdingsdag_alleen_lustrum_als_constante_uit(monkeypatch):
    from openinburgering.regels import kalender

    monkeypatch.setattr(kalender, "ATW_BEVRIJDINGSDAG_ELK_JAAR", False)
    kalender._feestdagen.cache_clear()
    try:
        assert not kalender.is_atw_feestdag(D("2026-05-05"))
        assert kalender.is_atw_feestdag(D("2025-05-05"))  # lustrumjaar (pakket holidays)
    finally:
        monkeypatch.undo()
        kalender._feestdagen.cache_clear()
    assert kalender.is_atw_feestdag(D("2026-05-05"))
