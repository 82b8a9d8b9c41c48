"""Openbare cijfers zonder kleine aantallen: primaire (R78) en secundaire onderdrukking (R79).

Het raadsinformatie-dashboard is openbaar en zonder inloggen. Een klein aantal (minder dan
:data:`DREMPEL_KLEINE_AANTALLEN`) kan in een kleine gemeente naar een persoon wijzen; zo'n getal
verschijnt als "<5" (R78). Dat is niet genoeg: waar een totaal en zijn delen allebei gepubliceerd
worden, geeft "totaal min de zichtbare delen" het verborgen getal terug. R79 onderdrukt daarom
net zo lang extra cellen tot geen enkele optelrelatie een klein aantal verraadt.

Pure functies: :func:`onderdrukken` krijgt de waarden (sleutel -> aantal) en de optelrelaties
(totaal = som van delen) en geeft per sleutel of hij verborgen is en waarom.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from .base import definieer_regel

#: Een gepubliceerd aantal onder deze grens verschijnt als "<5" (R78); ook een verschil van
#: gepubliceerde aantallen mag geen aantal onder deze grens opleveren (R79).
DREMPEL_KLEINE_AANTALLEN = 5

#: Zo staat een onderdrukt aantal in de tabel, de grafiek, het PDF en het CSV-bestand.
ONDERDRUKT_TEKST = f"<{DREMPEL_KLEINE_AANTALLEN}"

R78 = definieer_regel(
    id="R78",
    titel="Openbare cijfers: aantallen onder 5 verschijnen als <5",
    titel_en="Public figures: counts under 5 are shown as <5",
    bron="AVG art. 89 lid 1 (waarborgen bij statistiek); CBS, Statistische beveiliging (afgeleid)",
    tekst="""In openbare cijfers (raadsinformatie) verschijnt elk aantal kleiner dan 5, ook 0,
    als "<5": een klein aantal in een kleine gemeente kan naar een persoon wijzen.""",
    tekst_en="""In public figures (council information) every count below 5, zero included, is
    shown as "<5": a small count in a small municipality can point to a person.""",
    onderwerp="openbare cijfers",
    zekerheid="M",
    aanname="""De grens 5 is gangbaar bij CBS en gemeentelijke monitors, geen wettelijk getal;
    ook 0 wordt verborgen, zodat "geen" niet te onderscheiden is van "een of twee".""",
    aanname_en="""The threshold 5 is common practice at CBS and in municipal monitors, not a
    statutory number; zero is hidden too, so that "none" cannot be told from "one or two".""",
)

R79 = definieer_regel(
    id="R79",
    titel="Openbare cijfers: geen klein aantal via een verschil (secundaire onderdrukking)",
    titel_en="Public figures: no small count through a difference (secondary suppression)",
    bron="AVG art. 89 lid 1; CBS, Statistische beveiliging: secundaire onderdrukking (afgeleid)",
    tekst="""Staan een totaal en zijn delen allebei in de openbare cijfers, dan mag het totaal
    min de zichtbare delen geen aantal onder 5 opleveren. Is in zo'n optelling iets verborgen,
    dan is de som van de verborgen delen minstens 5; is het totaal verborgen, dan ook minstens
    één deel. Zo nodig wordt daarvoor het kleinste nog zichtbare getal ook verborgen.""",
    tekst_en="""Where a total and its parts are both published, the total minus the visible
    parts may not yield a count below 5. If anything in such a sum is hidden, the hidden parts
    add up to at least 5; if the total is hidden, at least one part is hidden too. Where needed
    the smallest still visible figure is hidden as well.""",
    onderwerp="openbare cijfers",
    zekerheid="M",
    aanname="""Elke optelling wordt apart bewaakt, tot niets meer verandert; een verband tussen
    tabellen dat niet als optelling is opgegeven, wordt niet bewaakt.""",
    aanname_en="""Each sum is guarded separately until nothing changes any more; a link between
    tables that is not declared as a sum is not guarded.""",
)


@dataclass(frozen=True)
class Relatie[S: Hashable]:
    """Een optelling in de gepubliceerde cijfers: ``totaal`` = som van ``delen``."""

    totaal: S
    delen: tuple[S, ...]


@dataclass(frozen=True)
class Onderdrukking:
    """Waarom een aantal verborgen is: de regel (R78 of R79) en een zin uitleg."""

    regel: str
    uitleg: str
    uitleg_en: str


def klein(waarde: int) -> bool:
    """R78: is dit aantal te klein om te publiceren?"""
    return waarde < DREMPEL_KLEINE_AANTALLEN


def onderdrukken[K: Hashable](
    waarden: Mapping[K, int], relaties: Iterable[Relatie[K]] = ()
) -> dict[K, Onderdrukking]:
    """De verborgen sleutels met de reden: eerst elk klein aantal (R78), dan zoveel extra
    cellen als de optelrelaties vragen (R79). Sleutels die niet terugkomen, zijn zichtbaar."""
    verborgen: dict[K, Onderdrukking] = {
        sleutel: Onderdrukking(
            "R78",
            f"Minder dan {DREMPEL_KLEINE_AANTALLEN}.",
            f"Less than {DREMPEL_KLEINE_AANTALLEN}.",
        )
        for sleutel, waarde in waarden.items()
        if klein(waarde)
    }
    lijst: Sequence[Relatie[K]] = list(relaties)
    gewijzigd = True
    while gewijzigd:
        gewijzigd = False
        for relatie in lijst:
            extra = _extra_cel(waarden, relatie, verborgen)
            if extra is not None:
                verborgen[extra] = Onderdrukking(
                    "R79",
                    "Verborgen omdat een ander verborgen getal anders uit een verschil volgt.",
                    "Hidden because another hidden figure would follow from a difference.",
                )
                gewijzigd = True
    return verborgen


def _extra_cel[K: Hashable](
    waarden: Mapping[K, int], relatie: Relatie[K], verborgen: Mapping[K, object]
) -> K | None:
    """The one more cell this sum needs hidden (the smallest visible one), or None."""
    delen = [d for d in relatie.delen if d in waarden]
    if relatie.totaal not in waarden or not delen:
        return None
    verborgen_delen = [d for d in delen if d in verborgen]
    zichtbare_delen = sorted((d for d in delen if d not in verborgen), key=lambda d: waarden[d])
    if relatie.totaal in verborgen:
        # The total would be the sum of the visible parts: hide one part as well.
        if not verborgen_delen and zichtbare_delen:
            return zichtbare_delen[0]
        return None
    if not verborgen_delen:
        return None
    # Total minus the visible parts is the sum of the hidden parts: it must not be small.
    if klein(sum(waarden[d] for d in verborgen_delen)) and zichtbare_delen:
        return zichtbare_delen[0]
    return None


def weergave(waarde: int, verborgen: bool) -> str:
    """Het aantal zoals het openbaar verschijnt: het getal, of "<5"."""
    return ONDERDRUKT_TEKST if verborgen else str(waarde)
