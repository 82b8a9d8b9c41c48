"""The finance export: one XLSX with the year's budget, categories, grants, cohorts and the
accountability figures (ADR 0084). Aggregates only: no person is in it."""

from __future__ import annotations

import io

from django.utils.translation import gettext as _

from openinburgering.core.tabellen import cel_onschadelijk

from .models import BRONNEN, KOSTENSOORTEN, Bijdragesoort
from .selectors import Cohortregel, Jaaroverzicht
from .verantwoording import BEDRAG, indicatoren

EURO_FORMAAT = "#,##0.00"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _euro(cent: int) -> float:
    # cent / 100 as a float is exact to the cent for any amount a gemeente handles (< 2^53).
    return cent / 100


def _blad(boek, titel: str, kop: list, rijen: list[list], euro_kolommen: set[int]):
    blad = boek.create_sheet(titel[:31])
    blad.append([cel_onschadelijk(str(k)) for k in kop])
    for rij in rijen:
        blad.append([cel_onschadelijk(c) for c in rij])
    for kolom in euro_kolommen:
        for (cel,) in blad.iter_rows(min_row=2, min_col=kolom + 1, max_col=kolom + 1):
            cel.number_format = EURO_FORMAAT
    return blad


def werkboek(overzicht: Jaaroverzicht, cohorten: list[Cohortregel]) -> bytes:
    from openpyxl import Workbook

    bronnen = dict(BRONNEN)
    boek = Workbook()
    boek.remove(boek.active)
    _blad(
        boek,
        _("Budget %(jaar)s") % {"jaar": overzicht.jaar},
        [_("Bekostigd uit"), _("Rijksbijdrage"), _("Besteed"), _("Saldo"), _("Prognose jaar")],
        [
            [
                str(bronnen[r.bron]),
                _euro(r.bijdrage_cent),
                _euro(r.besteed_cent),
                _euro(r.saldo_cent),
                _euro(r.prognose.bedrag_cent),
            ]
            for r in overzicht.bronnen
        ]
        + [[_("Totaal"), None, _euro(overzicht.totaal_besteed_cent), None, None]],
        {1, 2, 3, 4},
    )
    soorten = dict(KOSTENSOORTEN)
    _blad(
        boek,
        _("Kostensoorten"),
        [_("Bekostigd uit"), _("Kostensoort"), _("Besteed")],
        [
            [str(bronnen[bron]), str(soorten[soort]), _euro(overzicht.besteed(bron, soort))]
            for bron, _l in BRONNEN
            for soort, _k in KOSTENSOORTEN
            if overzicht.besteed(bron, soort)
        ],
        {2},
    )
    _blad(
        boek,
        _("Rijksbijdragen"),
        [_("Jaar"), _("Soort"), _("Bedrag"), _("Aantal personen"), _("Grondslag"), _("Regeling")],
        [
            [
                b.jaar,
                str(Bijdragesoort(b.soort).label),
                _euro(b.bedrag_cent),
                b.aantal_personen,
                b.grondslag,
                b.regeling,
            ]
            for b in overzicht.bijdragen
        ],
        {2},
    )
    _blad(
        boek,
        _("Cohorten"),
        [
            _("Cohort"),
            _("Personen"),
            _("Specifieke uitkering van het jaar"),
            _("Besteed specifieke uitkering"),
            _("Besteed Wi2013-middelen"),
            _("Besteed algemene uitkering"),
            _("Totaal besteed"),
        ],
        [
            [
                c.cohort if c.cohort is not None else _("onbekend"),
                c.personen,
                _euro(c.spuk_bijdrage_cent),
                _euro(c.spuk_besteed_cent),
                _euro(c.wi2013_besteed_cent),
                _euro(c.algemeen_besteed_cent),
                _euro(c.totaal_cent),
            ]
            for c in cohorten
        ],
        {2, 3, 4, 5, 6},
    )
    rijen = [
        [
            i.code,
            str(i.omschrijving),
            _euro(i.waarde) if i.soort == BEDRAG else i.waarde,
            i.regeling,
        ]
        for i in indicatoren(overzicht)
    ]
    blad = _blad(
        boek,
        _("Verantwoording %(jaar)s") % {"jaar": overzicht.jaar},
        [_("Indicator"), _("Omschrijving"), _("Waarde"), _("Regeling")],
        rijen,
        set(),
    )
    for rij, indicator in zip(blad.iter_rows(min_row=2), indicatoren(overzicht), strict=True):
        if indicator.soort == BEDRAG:
            rij[2].number_format = EURO_FORMAAT
    uit = io.BytesIO()
    boek.save(uit)
    return uit.getvalue()
