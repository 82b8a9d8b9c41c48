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


# --- Bijstand, besluit, betalen (issue 19; R83–R89) ------------------------------------------

#: Hoeveel maanden een verlenging van het ontzorgen per besluit hoogstens duurt (Pw art. 57).
#: De wet noemt geen maximum; de veiligste lezing is een korte verlenging die opnieuw wordt
#: afgewogen, omdat ontzorgen ingrijpt in de eigen regie over geld (Nationale ombudsman 2022).
VERLENGING_MAX_MAANDEN = 6

#: Zoveel dagen vóór de laatste dag van het ontzorgen komt het einde op de werklijst (R87):
#: genoeg tijd om de afbouw af te ronden en de nieuwkomer zelf te laten betalen.
SIGNAAL_EINDE_DAGEN = 42

#: Hoeveel maanden één betaling dekt, per frequentie van een vaste last.
FREQUENTIE_MAANDEN = {"maandelijks": 1, "per_kwartaal": 3, "per_jaar": 12}

R83 = definieer_regel(
    id="R83",
    titel="Bijstandsperiodes: einde niet vóór start en geen overlap",
    titel_en="Assistance periods: no end before start and no overlap",
    bron="Pw art. 43–45 (toekenning van bijstand); Pw art. 56a (start ontzorgen)",
    tekst="""Een periode met recht op bijstand eindigt niet vóór zij begint, en de periodes van
    één persoon overlappen elkaar niet. Het ontzorgen begint op de startdatum van de bijstand;
    met twee overlappende periodes is die datum niet eenduidig.""",
    tekst_en="""A period with a right to social assistance does not end before it starts, and
    one person's periods do not overlap. Relief starts on the first day of assistance; with two
    overlapping periods that date is ambiguous.""",
    onderwerp="ontzorgen",
    zekerheid="M",
)
R84 = definieer_regel(
    id="R84",
    titel="Ontzorgen eerder stoppen of verlengen: met reden",
    titel_en="Stopping relief early or extending it: with a reason",
    bron="Pw art. 56a (eerder stoppen); Pw art. 57 (langer ontzorgen)",
    tekst="""Het ontzorgen stopt eerder als de bijstand stopt (R35) of als de gemeente met een
    reden besluit te stoppen. Verlengen kan op grond van Pw art. 57, met een reden, hoogstens 6
    maanden per besluit en nooit voorbij het einde van de bijstand: de vaste lasten worden uit
    de bijstand betaald.""",
    tekst_en="""Relief stops earlier when assistance ends (R35) or when the municipality decides
    to stop, with a reason. It can be extended under Pw art. 57, with a reason, by at most 6
    months per decision and never past the end of assistance: the fixed costs are paid from
    the benefit.""",
    onderwerp="ontzorgen",
    zekerheid="M",
    aanname="Pw art. 57 noemt geen maximum; 6 maanden per besluit is de veiligste lezing.",
    aanname_en="Pw art. 57 sets no maximum; 6 months per decision is the safest reading.",
)
R85 = definieer_regel(
    id="R85",
    titel="Een vaste last: begunstigde, geldige IBAN en een bedrag boven nul",
    titel_en="A fixed cost: payee, valid IBAN and an amount above zero",
    bron="Pw art. 56a; SEPA-verordening (EU) 260/2012 art. 5 (IBAN)",
    tekst="""Elke vaste last die de gemeente betaalt heeft een begunstigde, een geldige IBAN en
    een bedrag groter dan nul.""",
    tekst_en="""Every fixed cost the municipality pays has a payee, a valid IBAN and an amount
    greater than zero.""",
    onderwerp="ontzorgen",
    zekerheid="H",
)
R86 = definieer_regel(
    id="R86",
    titel="Toestemming van de nieuwkomer als het beleid dat vraagt",
    titel_en="The newcomer's consent where policy asks for it",
    bron="Pw art. 56a; gemeentelijke beleidsregels ontzorgen; Pw art. 18 (weigeren)",
    tekst="""Vraagt het beleid van de gemeente een machtiging of toestemming van de nieuwkomer,
    dan wordt het ontzorgen pas vastgesteld als de datum van die toestemming is vastgelegd.""",
    tekst_en="""Where the municipality's policy asks for an authorisation or the newcomer's
    consent, relief is only decided once the date of that consent is recorded.""",
    onderwerp="ontzorgen",
    zekerheid="M",
)
R87 = definieer_regel(
    id="R87",
    titel="Het einde van het ontzorgen op tijd op de werklijst",
    titel_en="The end of relief on the worklist in time",
    bron="Pw art. 56a (R35); beleid: 6 weken vooraf",
    tekst="""Zes weken vóór de laatste dag van het ontzorgen komt het einde op de werklijst,
    zodat de afbouw is afgerond en de nieuwkomer zelf kan gaan betalen.""",
    tekst_en="""Six weeks before the last day of relief its end shows on the worklist, so the
    phase-out is done and the newcomer can start paying themselves.""",
    onderwerp="ontzorgen",
    zekerheid="M",
)
R88 = definieer_regel(
    id="R88",
    titel="Welke maanden een vaste last wordt betaald",
    titel_en="Which months a fixed cost is paid for",
    bron="Pw art. 56a; gemeentelijke beleidsregels ontzorgen",
    tekst="""Een vaste last wordt betaald voor elke maand die in de ontzorgperiode valt, ook als
    die maand er maar gedeeltelijk in valt; bij een betaling per kwartaal of per jaar alleen in de
    eerste maand van elk kwartaal of jaar vanaf de start.""",
    tekst_en="""A fixed cost is paid for every month within the relief period, also a month only
    partly within it; with a quarterly or yearly payment only in the first month of each quarter
    or year from the start.""",
    onderwerp="ontzorgen",
    zekerheid="M",
    aanname="Een gedeeltelijke maand wordt helemaal betaald (veiligste lezing).",
    aanname_en="A partial month is paid in full (the safest reading).",
)
R89 = definieer_regel(
    id="R89",
    titel="Vier ogen: wie een betaalrun maakt, keurt hem niet goed",
    titel_en="Four eyes: who makes a payment run does not approve it",
    bron="Gemeentewet art. 212 (financiële verordening, interne controle)",
    tekst="""Een betaalrun wordt goedgekeurd door een andere medewerker dan die hem maakte.""",
    tekst_en="""A payment run is approved by another staff member than the one who made it.""",
    onderwerp="ontzorgen",
    zekerheid="H",
)


def _label(start: date, einde: date | None) -> str:
    return f"{datum_nl(start)} – {datum_nl(einde) if einde else '…'}"


def toets_bijstandsperiodes(periodes: Iterable[tuple[date, date | None]]) -> Uitkomst:
    """R83: geen einde vóór de start, geen overlap tussen de periodes van één persoon."""
    uitkomst = Uitkomst()
    geldig = []
    for start, einde in periodes:
        if einde is not None and einde < start:
            uitkomst += Uitkomst.fout(
                R83,
                f"De einddatum {datum_nl(einde)} ligt vóór de startdatum {datum_nl(start)}.",
                f"The end date {datum_nl(einde)} is before the start date {datum_nl(start)}.",
                veld="einde",
            )
        else:
            geldig.append((start, einde))
    geldig.sort(key=lambda p: (p[0], p[1] or date.max))
    for (s1, e1), (s2, e2) in zip(geldig, geldig[1:], strict=False):
        if e1 is None or e1 >= s2:
            uitkomst += Uitkomst.fout(
                R83,
                f"De periodes {_label(s1, e1)} en {_label(s2, e2)} overlappen elkaar.",
                f"The periods {_label(s1, e1)} and {_label(s2, e2)} overlap.",
                veld="start",
            )
    return uitkomst


def ontzorgperiode_besluit(
    bijstand_start: date,
    bijstand_einde: date | None = None,
    *,
    gestopt_op: date | None = None,
    verlengd_tot: date | None = None,
) -> Termijn:
    """R34/R35/R84: de ontzorgperiode zoals besloten: eerder gestopt (laatste dag
    ``gestopt_op``) of verlengd (tot en met ``verlengd_tot``), nooit voorbij de bijstand."""
    basis = ontzorgperiode(bijstand_start, bijstand_einde)
    einde = basis.laatste_dag
    if verlengd_tot is not None and verlengd_tot > einde:
        einde = verlengd_tot if bijstand_einde is None else min(verlengd_tot, bijstand_einde)
    if gestopt_op is not None and gestopt_op < einde:
        einde = max(gestopt_op, bijstand_start)
    if einde == basis.laatste_dag:
        return basis
    return Termijn(
        start=bijstand_start,
        einde=einde,
        einde_inclusief=True,
        regel=R84,
        uitleg=f"Ontzorgen tot en met {datum_nl(einde)} (eerder gestopt of verlengd).",
        uitleg_en=f"Relief until {datum_nl(einde)} inclusive (stopped early or extended).",
    )


def toets_wijziging(
    *, huidig_einde: date, bijstand_einde: date | None, nieuw_einde: date, reden: str
) -> Uitkomst:
    """R84: een vroegtijdige stop of verlenging heeft een reden; verlengen hoogstens
    :data:`VERLENGING_MAX_MAANDEN` en niet voorbij het einde van de bijstand."""
    uitkomst = Uitkomst()
    if not reden.strip():
        uitkomst += Uitkomst.fout(
            R84,
            "Geef de reden om het ontzorgen te stoppen of te verlengen.",
            "Give the reason to stop or extend relief.",
            veld="reden",
        )
    if nieuw_einde > plus_maanden(huidig_einde, VERLENGING_MAX_MAANDEN):
        uitkomst += Uitkomst.fout(
            R84,
            f"Verlengen kan hoogstens {VERLENGING_MAX_MAANDEN} maanden per besluit, tot en met "
            f"{datum_nl(plus_maanden(huidig_einde, VERLENGING_MAX_MAANDEN))}.",
            f"Relief can be extended by at most {VERLENGING_MAX_MAANDEN} months per decision.",
            veld="datum",
        )
    if bijstand_einde is not None and nieuw_einde > bijstand_einde:
        uitkomst += Uitkomst.fout(
            R84,
            f"De bijstand stopt op {datum_nl(bijstand_einde)}; ontzorgen kan niet langer.",
            f"Assistance ends on {datum_nl(bijstand_einde)}; relief cannot last longer.",
            veld="datum",
        )
    return uitkomst


def toets_vaste_last(*, begunstigde: str, iban_geldig: bool, bedrag_centen: int) -> Uitkomst:
    """R85: begunstigde, geldige IBAN (gecontroleerd door de aanroeper) en bedrag > 0."""
    uitkomst = Uitkomst()
    if not begunstigde.strip():
        uitkomst += Uitkomst.fout(
            R85, "Vul de begunstigde in.", "Fill in the payee.", veld="begunstigde"
        )
    if not iban_geldig:
        uitkomst += Uitkomst.fout(
            R85,
            "Dit is geen geldige IBAN. Controleer de landcode, het controlegetal en de lengte.",
            "This is not a valid IBAN.",
            veld="iban",
        )
    if bedrag_centen <= 0:
        uitkomst += Uitkomst.fout(
            R85,
            "Het bedrag moet groter zijn dan € 0,00.",
            "The amount must be greater than € 0.00.",
            veld="bedrag",
        )
    return uitkomst


def toets_toestemming(*, beleid_vraagt_toestemming: bool, toestemming_op: date | None) -> Uitkomst:
    """R86: zonder vastgelegde toestemming geen besluit, als het beleid erom vraagt."""
    if beleid_vraagt_toestemming and toestemming_op is None:
        return Uitkomst.fout(
            R86,
            "Het beleid van de gemeente vraagt de toestemming (machtiging) van de nieuwkomer. "
            "Leg de datum van de toestemming vast.",
            "The municipality's policy asks for the newcomer's consent. Record its date.",
            veld="toestemming_op",
        )
    return Uitkomst()


def signaal_einde_ontzorgen(laatste_dag: date) -> date:
    """R87: vanaf welke dag het einde van het ontzorgen op de werklijst staat."""
    return laatste_dag - timedelta(days=SIGNAAL_EINDE_DAGEN)


def eerste_van_maand(dag: date) -> date:
    return dag.replace(day=1)


def betaalmaanden(periode: Termijn, frequentie: str, *, tot_en_met: date) -> list[date]:
    """R88: de maanden (als eerste dag) waarvoor een vaste last betaald wordt, tot en met de
    maand van ``tot_en_met``. Een maand die maar gedeeltelijk in de periode valt, telt helemaal
    mee: de veiligste lezing, want een gemiste huur- of premiebetaling is juist de schade die
    ontzorgen moet voorkomen. Een onbekende frequentie is een programmeerfout."""
    stap = FREQUENTIE_MAANDEN[frequentie]
    maand = eerste_van_maand(periode.start)
    laatste = min(eerste_van_maand(periode.laatste_dag), eerste_van_maand(tot_en_met))
    maanden = []
    while maand <= laatste:
        maanden.append(maand)
        maand = plus_maanden(maand, stap)
    return maanden


def toets_vier_ogen(*, maker: int, goedkeurder: int) -> Uitkomst:
    """R89: de maker van een betaalrun keurt hem niet zelf goed."""
    if maker == goedkeurder:
        return Uitkomst.fout(
            R89,
            "U heeft deze betaalrun zelf gemaakt. Een collega moet hem goedkeuren (vier ogen).",
            "You made this payment run yourself. A colleague must approve it (four eyes).",
        )
    return Uitkomst()
