"""Eigenschappen van datums en termijnen, met hypothesis."""

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from openinburgering.regels.aow import aow_datum, leeftijd_op, verjaardag
from openinburgering.regels.kalender import is_werkdag, plus_maanden
from openinburgering.regels.termijnen import (
    bezwaartermijn,
    inburgeringstermijn,
    pip_termijn,
    schakeltermijn,
)

datums = st.dates(min_value=date(2013, 1, 1), max_value=date(2035, 12, 31))
geboortedatums = st.dates(min_value=date(1940, 1, 1), max_value=date(2010, 12, 31))


@settings(deadline=None)
@given(st.lists(datums, min_size=1, max_size=5))
def test_inburgeringstermijn_einde_na_start_en_drie_jaar(pips):
    termijn = inburgeringstermijn(pips)
    assert termijn.start == min(pips) + timedelta(days=1)
    assert termijn.einde_exclusief > termijn.start
    assert 3 * 365 <= (termijn.einde_exclusief - termijn.start).days <= 3 * 366
    assert not termijn.verschoven


@settings(deadline=None)
@given(st.lists(datums, min_size=1, max_size=5), datums)
def test_later_pip_verschuift_start_nooit(pips, later):
    eerst = inburgeringstermijn(pips)
    if later >= min(pips):
        assert inburgeringstermijn([*pips, later]).start == eerst.start


@settings(deadline=None)
@given(datums)
def test_bezwaartermijn_minstens_42_dagen_en_werkdag(verzonden):
    termijn = bezwaartermijn(verzonden)
    naief = verzonden + timedelta(days=42)
    assert termijn.laatste_dag >= naief
    assert is_werkdag(termijn.laatste_dag)
    # alle dagen tussen het naïeve einde en het echte einde zijn geen werkdag
    for n in range((termijn.laatste_dag - naief).days):
        assert not is_werkdag(naief + timedelta(days=n))


@settings(deadline=None)
@given(st.lists(datums, min_size=1, max_size=3))
def test_pip_termijn_70_dagen_en_werkdag(ss139):
    termijn = pip_termijn(ss139)
    assert termijn.laatste_dag >= max(ss139) + timedelta(days=70)
    assert (termijn.laatste_dag - max(ss139)).days <= 70 + 10
    assert is_werkdag(termijn.laatste_dag)
    assert termijn.start > max(ss139)


@settings(deadline=None)
@given(datums)
def test_schakeltermijn_binnen_18_maanden(start):
    termijn = schakeltermijn(start)
    assert termijn.laatste_dag < plus_maanden(start, 18)
    assert termijn.laatste_dag >= start


@settings(deadline=None)
@given(datums, st.integers(min_value=-240, max_value=240))
def test_plus_maanden_houdt_dag_of_einde_maand(dag, maanden):
    resultaat = plus_maanden(dag, maanden)
    assert resultaat.day <= dag.day
    assert (resultaat.year * 12 + resultaat.month) - (dag.year * 12 + dag.month) == maanden
    if resultaat.day < dag.day:
        assert (resultaat + timedelta(days=1)).day == 1


@settings(deadline=None)
@given(geboortedatums, geboortedatums)
def test_aow_datum_monotoon_en_minstens_65(a, b):
    eerst, later = sorted((a, b))
    assert aow_datum(eerst).waarde <= aow_datum(later).waarde
    assert aow_datum(a).waarde >= verjaardag(a, 65)
    assert leeftijd_op(a, aow_datum(a).waarde) >= 65


@settings(deadline=None)
@given(geboortedatums, datums)
def test_leeftijd_past_bij_verjaardag(geboren, peildatum):
    if peildatum >= geboren:
        jaren = leeftijd_op(geboren, peildatum)
        assert verjaardag(geboren, jaren) <= peildatum < verjaardag(geboren, jaren + 1)


@settings(deadline=None)
@given(datums, st.one_of(st.none(), datums))
def test_ontzorgen_nooit_langer_dan_zes_maanden(start, einde_bijstand):
    from openinburgering.regels.ontzorgen import ontzorgperiode

    if einde_bijstand is not None and einde_bijstand < start:
        return
    termijn = ontzorgperiode(start, einde_bijstand)
    assert start <= termijn.laatste_dag < plus_maanden(start, 6)
    if einde_bijstand is not None:
        assert termijn.laatste_dag <= einde_bijstand


@settings(deadline=None)
@given(datums, st.sampled_from(["Wi2021 art. 22", "Wi2021 art. 23"]))
def test_boetebevoegdheid_minstens_drie_jaar(overtreding, artikel):
    from openinburgering.regels.handhaving import vervaltermijn_boete

    termijn = vervaltermijn_boete(overtreding, artikel)
    jaren = 5 if artikel.endswith("23") else 3
    assert termijn.laatste_dag == plus_maanden(overtreding, 12 * jaren)


@settings(deadline=None)
@given(datums, datums, st.integers(min_value=1, max_value=3))
def test_later_voldoen_geeft_nooit_meer_kwijtschelding(a, b, te_laat):
    from openinburgering.regels.wi2013 import wi2013_kwijtschelding, wi2013_termijn

    termijn = wi2013_termijn(date(2019, 6, 1))
    eerder, later = sorted((a, b))

    def pct(dag):
        return wi2013_kwijtschelding(
            asielmigrant=True, termijn=termijn, voldaan_op=dag, te_late_examens=te_laat
        ).waarde

    assert pct(eerder) >= pct(later)
