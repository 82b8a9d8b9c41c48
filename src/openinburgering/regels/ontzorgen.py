"""Ontzorgen: de gemeente betaalt vaste lasten uit de bijstand (Pw art. 56a; R34, R35)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from .base import Resultaat, Termijn, Uitkomst, datum_nl, definieer_regel
from .kalender import plus_maanden

#: Duur van het verplichte ontzorgen vanaf de start van het recht op bijstand.
ONTZORGEN_MAANDEN = 6

#: Vaste lasten die de gemeente betaalt (Schulinck, gemeentelijke beleidsregels; art. 56a zelf
#: niet gelezen: [H] volgens twee bronnen).
ONTZORGEN_POSTEN = ("huur", "energie", "water", "zorgverzekering")

R34 = definieer_regel(
    id="R34",
    titel="Ontzorgen: wie, hoe lang en wat",
    titel_en="Financial relief: who, how long and what",
    bron="Pw art. 56a (ingevoegd bij de Wi2021); Pw art. 57 (langer)",
    tekst="""De gemeente moet ontzorgen bij een inburgeringsplichtige met een tijdelijke
    asielvergunning en recht op bijstand. Zij betaalt dan 6 maanden lang de huur, energie, water en
    de zorgverzekering uit de bijstand, vanaf de start van het recht op bijstand. Gezinsmigranten
    krijgen dit niet standaard. Langer ontzorgen kan op grond van Pw art. 57.""",
    tekst_en="""The municipality must provide financial relief to an obliged person with a
    temporary asylum permit and a right to social assistance: for 6 months from the start of that
    right it pays rent, energy, water and health insurance from the benefit. Family migrants do not
    get it by default. Longer relief is possible under Pw art. 57.""",
    onderwerp="ontzorgen",
    zekerheid="H",
    aanname="De tekst van Pw art. 56a is niet zelf gelezen; kosten en 6 maanden volgen Schulinck.",
    aanname_en=(
        "We have not read the text of Pw art. 56a ourselves; costs and 6 months follow Schulinck."
    ),
)
R35 = definieer_regel(
    id="R35",
    titel="Ontzorgen stopt als de bijstand stopt",
    titel_en="Relief stops when assistance stops",
    bron="Pw art. 56a",
    tekst="""Stopt de bijstand binnen de 6 maanden, dan stopt het ontzorgen op dezelfde dag.""",
    tekst_en="If social assistance ends within the 6 months, relief ends on the same day.",
    onderwerp="ontzorgen",
    zekerheid="H",
)


def ontzorgen_verplicht(
    *, inburgeringsplichtig: bool, tijdelijke_asielvergunning: bool, recht_op_bijstand: bool
) -> Resultaat[bool]:
    """R34: moet de gemeente deze persoon ontzorgen?"""
    redenen = []
    if not inburgeringsplichtig:
        redenen.append(("niet inburgeringsplichtig", "not obliged to integrate"))
    if not tijdelijke_asielvergunning:
        redenen.append(("geen tijdelijke asielvergunning", "no temporary asylum permit"))
    if not recht_op_bijstand:
        redenen.append(("geen recht op bijstand", "no right to social assistance"))
    if redenen:
        return Resultaat(
            False,
            R34,
            "Ontzorgen is niet verplicht: " + ", ".join(nl for nl, _ in redenen) + ".",
            "Relief is not mandatory: " + ", ".join(en for _, en in redenen) + ".",
        )
    return Resultaat(
        True,
        R34,
        "Ontzorgen is verplicht: inburgeringsplichtig, tijdelijke asielvergunning en bijstand.",
        "Relief is mandatory: obliged, temporary asylum permit and social assistance.",
    )


def ontzorgperiode(bijstand_start: date, bijstand_einde: date | None = None) -> Termijn:
    """R34/R35: de periode van ontzorgen, met laatste dag inclusief.

    6 maanden vanaf de start van de bijstand (10-02-2025 → tot en met 09-08-2025); eerder als de
    bijstand eerder eindigt (``bijstand_einde`` = laatste dag met bijstand).
    """
    einde = plus_maanden(bijstand_start, ONTZORGEN_MAANDEN) - timedelta(days=1)
    if bijstand_einde is not None and bijstand_einde < einde:
        return Termijn(
            start=bijstand_start,
            einde=bijstand_einde,
            einde_inclusief=True,
            regel=R35,
            uitleg=f"De bijstand stopt op {datum_nl(bijstand_einde)}; het ontzorgen stopt dan ook.",
            uitleg_en=f"Social assistance ends on {datum_nl(bijstand_einde)}; relief ends too.",
        )
    return Termijn(
        start=bijstand_start,
        einde=einde,
        einde_inclusief=True,
        regel=R34,
        uitleg=f"Ontzorgen duurt 6 maanden vanaf de start van de bijstand "
        f"({datum_nl(bijstand_start)}): tot en met {datum_nl(einde)}.",
        uitleg_en=f"Relief lasts 6 months from the start of assistance "
        f"({datum_nl(bijstand_start)}): until {datum_nl(einde)} inclusive.",
    )


def toets_ontzorgposten(posten: Iterable[str]) -> Uitkomst:
    """R34: dekt het ontzorgen alle verplichte vaste lasten?"""
    gekozen = {p.strip().lower() for p in posten}
    ontbrekend = [p for p in ONTZORGEN_POSTEN if p not in gekozen]
    if not ontbrekend:
        return Uitkomst()
    return Uitkomst.fout(
        R34,
        "Bij ontzorgen betaalt de gemeente ook: " + ", ".join(ontbrekend) + ".",
        "Relief must also cover: " + ", ".join(ontbrekend) + ".",
        veld="posten",
    )
