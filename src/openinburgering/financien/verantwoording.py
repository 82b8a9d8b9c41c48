"""The yearly accountability figures in the shape of a SiSa annex (ADR 0084).

The indicators are ours (codes ``OI-…``), chosen to hold the figures a gemeente reports for
the specific grant in its SiSa annex, and nothing a file from elsewhere would have to supply.
Every figure is read from the one :class:`~.selectors.Jaaroverzicht`, so the page, the XLSX and
these figures are the same numbers.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from openinburgering.regels.financiering import Bekostigingsbron, Kostensoort

from .models import Bijdragesoort
from .selectors import Jaaroverzicht

BEDRAG = "bedrag"
AANTAL = "aantal"

#: The provisions of the specific grant (R92), in the order of the Bi2021's list.
VOORZIENINGEN = [
    (Kostensoort.CURSUS, _("leerroutes (cursussen)")),
    (Kostensoort.MAP, _("MAP")),
    (Kostensoort.BEGELEIDING, _("maatschappelijke begeleiding")),
    (Kostensoort.PVT, _("PVT")),
    (Kostensoort.TOLK, _("tolken")),
]


@dataclass(frozen=True)
class Indicator:
    code: str
    omschrijving: str | Promise
    soort: str
    waarde: int
    regeling: str


def indicatoren(overzicht: Jaaroverzicht) -> list[Indicator]:
    spuk = overzicht.bron(Bekostigingsbron.SPUK)
    wi2013 = overzicht.bron(Bekostigingsbron.WI2013)
    spuk_regeling = "SPUK Wi2021 (Bi2021, hoofdstuk financiering)"
    uit = [
        Indicator(
            "OI-01",
            _("Beschikte specifieke uitkering Wi2021 voor het jaar"),
            BEDRAG,
            spuk.bijdrage_cent,
            spuk_regeling,
        ),
        Indicator(
            "OI-02",
            _("Besteding in het jaar ten laste van de specifieke uitkering"),
            BEDRAG,
            spuk.besteed_cent,
            spuk_regeling,
        ),
    ]
    for i, (soort, naam) in enumerate(VOORZIENINGEN, start=1):
        uit.append(
            Indicator(
                f"OI-02.{i}",
                _("waarvan %(voorziening)s") % {"voorziening": naam},
                BEDRAG,
                overzicht.besteed(Bekostigingsbron.SPUK, soort),
                spuk_regeling,
            )
        )
    uit += [
        Indicator(
            "OI-03",
            _("Niet bestede specifieke uitkering (beschikt min besteed; negatief is tekort)"),
            BEDRAG,
            spuk.saldo_cent,
            spuk_regeling,
        ),
        Indicator(
            "OI-04",
            _("Aantal inburgeraars met kosten ten laste van de specifieke uitkering"),
            AANTAL,
            overzicht.personen_spuk,
            spuk_regeling,
        ),
        Indicator(
            "OI-05",
            _("Wi2013: aantal inburgeringsplichtige statushouders"),
            AANTAL,
            overzicht.wi2013_statushouders,
            "Wi2013-middelen (R91)",
        ),
        Indicator(
            "OI-06",
            _("Wi2013: middelen voor begeleiding en PVT (aantal × € 2.370)"),
            BEDRAG,
            overzicht.wi2013_middelen_cent,
            "Wi2013-middelen (R91)",
        ),
        Indicator(
            "OI-07",
            _("Wi2013: besteding aan begeleiding en PVT in het jaar"),
            BEDRAG,
            wi2013.besteed_cent,
            "Wi2013-middelen (R91)",
        ),
        Indicator(
            "OI-08",
            _("Ter informatie: uitvoeringskosten ten laste van de algemene uitkering"),
            BEDRAG,
            overzicht.bron(Bekostigingsbron.ALGEMENE_UITKERING).besteed_cent,
            "Gemeentefonds, algemene uitkering (R92)",
        ),
    ]
    return uit


def bijdrage_label(soort: str) -> str:
    return str(Bijdragesoort(soort).label)
