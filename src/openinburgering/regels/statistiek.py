"""De levering aan het CBS voor de Statistiek Wet Inburgering (SWI): kwartaal, termijn, wie erin.

Bronnen (gelezen 2026-12-07):

- [CBS-SWI] CBS, "Wet Inburgering" (deelnemers enquêtes, decentrale overheden):
  https://www.cbs.nl/nl-nl/deelnemers-enquetes/decentrale-overheden/overzicht/wet-inburgering
  — levering per kwartaal, "uiterlijk binnen 4 weken" na afloop van het kwartaal, via
  https://databestanden.cbs.nl/; de inhoud staat in CBS' richtlijnen voor gemeenten.
- [CBS-FAQ] CBS, "FAQ Statistiek Wet Inburgering" en de FAQ "Dient een gemeente alle kenmerken …
  aan te leveren?": niet elk kenmerk is verplicht; een kenmerk dat nog niet gevuld kan worden of
  niet van toepassing is (type statushouder, leerroute), blijft weg.
- [CBS-BG] CBS, "Webformulier dataverzameling SWI" (https://www.cbs.nl/dataverzamelingswi): een
  berichtgever levert voor een gemeente; dat kan de gemeente zelf zijn, een andere gemeente of een
  andere organisatie.
"""

from __future__ import annotations

from datetime import date, timedelta

from .base import Resultaat, Termijn, datum_nl, definieer_regel

# --- Onzekere of periodiek te actualiseren feiten (één constante per feit) ---------------------

#: "Uiterlijk binnen 4 weken" na afloop van het kwartaal [CBS-SWI]. Wij lezen 4 weken als 28
#: dagen na de laatste dag van het kwartaal, zonder verschuiving door de Algemene termijnenwet
#: (het is een afspraak van het CBS, geen wettelijke termijn; dat laatste is onze aanname).
CBS_AANLEVERTERMIJN_DAGEN = 28

R80 = definieer_regel(
    id="R80",
    titel="CBS-levering (SWI) uiterlijk 4 weken na het kwartaal",
    titel_en="CBS delivery (SWI) at the latest 4 weeks after the quarter",
    bron="CBS, Statistiek Wet Inburgering: gegevens aanleveren op kwartaalbasis (cbs.nl, "
    "deelnemers enquêtes, Wet Inburgering); de rol van het CBS staat in lagere regelgeving bij de "
    "Wi2021",
    tekst="""Na afloop van elk kwartaal levert de gemeente (of de berichtgever die voor haar
    levert) de gegevens voor de Statistiek Wet Inburgering over dat kwartaal uiterlijk binnen 4
    weken aan het CBS, via het uploadportaal van het CBS.""",
    tekst_en="""After each quarter the municipality (or the party that delivers for it) sends
    the data for the Statistiek Wet Inburgering about that quarter to CBS within 4 weeks at the
    latest, through CBS's upload portal.""",
    onderwerp="cbs",
    zekerheid="H",
    aanname="4 weken = 28 dagen na de laatste dag van het kwartaal, zonder Algemene termijnenwet.",
    aanname_en="4 weeks = 28 days after the quarter's last day, without the Algemene termijnenwet.",
)
R81 = definieer_regel(
    id="R81",
    titel="Wie in de CBS-levering staat",
    titel_en="Who is in the CBS delivery",
    bron="CBS, FAQ Statistiek Wet Inburgering (vraag 6: gemeenten zonder inburgeraars onder de "
    "Wi2021; vraag 14: meerdere gemeenten in één bestand); CBS, webformulier dataverzameling SWI",
    tekst="""In de levering over een kwartaal staat elke inburgeraar onder de Wet inburgering
    2021 die in dat kwartaal bij de gemeente in behandeling was: aangemeld vóór het einde van het
    kwartaal en niet afgerond vóór het begin ervan. Inburgeraars onder de Wi2013 horen er niet in.
    Een berichtgever kan de gemeenten waarvoor hij levert in één bestand leveren; elke persoon
    draagt dan de code van zijn gemeente.""",
    tekst_en="""A quarter's delivery holds every person under the Wet inburgering 2021 whom the
    municipality handled in that quarter: registered before the quarter's end and not closed
    before its start. People under the Wi2013 are left out. A party delivering for several
    municipalities may put them in one file; each person then carries the code of their
    municipality.""",
    onderwerp="cbs",
    zekerheid="M",
    aanname="Het antwoord op FAQ-vraag 14 (meerdere gemeenten in één bestand) is niet zelf "
    "gelezen; de vraag en het begrip berichtgever wel.",
    aanname_en="We have not read the answer to FAQ question 14 (several municipalities in one "
    "file) ourselves; we did read the question and the notion of berichtgever.",
)
R82 = definieer_regel(
    id="R82",
    titel="Een kenmerk dat niet van toepassing is blijft leeg, een ontbrekend verplicht niet",
    titel_en="A characteristic that does not apply is left out; a missing mandatory one is not",
    bron="CBS, FAQ 'Dient een gemeente alle kenmerken in de Statistieken Wet inburgering, "
    "richtlijnen 2021 aan te leveren?' (Tabel 1 en p. 18-19 van de richtlijnen)",
    tekst="""Niet elk kenmerk is verplicht. Een kenmerk blijft weg als het nog niet gevuld kan
    worden, niet van toepassing is, of niet past bij het type statushouder of de leerroute. Is
    een kenmerk wel van toepassing maar ontbreekt het (bijvoorbeeld een vastgesteld PIP zonder
    leerroute), dan meldt het controleverslag dat vóór de levering.""",
    tekst_en="""Not every characteristic is mandatory. One is left out when it cannot be filled
    yet, does not apply, or does not fit the type of status holder or the learning route. When
    one applies but is missing (a decided PIP without a learning route, say), the check report
    says so before delivery.""",
    onderwerp="cbs",
    zekerheid="H",
)


def kwartaal_van(dag: date) -> tuple[int, int]:
    """Het kwartaal (jaar, 1-4) waarin ``dag`` valt."""
    return dag.year, (dag.month - 1) // 3 + 1


def kwartaal_periode(jaar: int, kwartaal: int) -> tuple[date, date]:
    """De eerste en de laatste dag van een kwartaal."""
    if kwartaal not in (1, 2, 3, 4):
        raise ValueError(f"Een kwartaal is 1, 2, 3 of 4, niet {kwartaal!r}.")
    eerste = date(jaar, 3 * kwartaal - 2, 1)
    volgende = date(jaar + 1, 1, 1) if kwartaal == 4 else date(jaar, 3 * kwartaal + 1, 1)
    return eerste, volgende - timedelta(days=1)


def vorig_kwartaal(dag: date) -> tuple[int, int]:
    """Het laatste kwartaal dat op ``dag`` al voorbij is: het kwartaal dat nu te leveren is."""
    jaar, kwartaal = kwartaal_van(dag)
    return (jaar - 1, 4) if kwartaal == 1 else (jaar, kwartaal - 1)


def cbs_aanlevertermijn(jaar: int, kwartaal: int) -> Termijn:
    """R80: van de dag na het kwartaal tot en met de laatste dag om aan het CBS te leveren."""
    _eerste, laatste = kwartaal_periode(jaar, kwartaal)
    start = laatste + timedelta(days=1)
    einde = laatste + timedelta(days=CBS_AANLEVERTERMIJN_DAGEN)
    return Termijn(
        start=start,
        einde=einde,
        einde_inclusief=True,
        regel=R80,
        uitleg=f"Kwartaal {kwartaal} van {jaar} eindigt op {datum_nl(laatste)}; lever uiterlijk "
        f"{datum_nl(einde)} aan het CBS (4 weken).",
        uitleg_en=f"Quarter {kwartaal} of {jaar} ends on {laatste.isoformat()}; deliver to CBS by "
        f"{einde.isoformat()} at the latest (4 weeks).",
    )


def in_levering(
    *,
    regime_wi2021: bool,
    aangemeld_op: date,
    afgerond_op: date | None,
    jaar: int,
    kwartaal: int,
) -> Resultaat[bool]:
    """R81: hoort deze persoon in de levering over dit kwartaal?"""
    eerste, laatste = kwartaal_periode(jaar, kwartaal)
    if not regime_wi2021:
        return Resultaat(
            False, R81, "Valt onder de Wi2013: niet in de SWI.", "Under the Wi2013: not in SWI."
        )
    if aangemeld_op > laatste:
        return Resultaat(
            False,
            R81,
            "Aangemeld na het einde van het kwartaal.",
            "Registered after the quarter ended.",
        )
    if afgerond_op is not None and afgerond_op < eerste:
        return Resultaat(
            False,
            R81,
            "Afgerond vóór het begin van het kwartaal.",
            "Closed before the quarter began.",
        )
    return Resultaat(True, R81, "In behandeling in het kwartaal.", "Handled during the quarter.")


def kenmerk_verplicht(*, van_toepassing: bool, gevuld: bool) -> Resultaat[bool]:
    """R82: ontbreekt een kenmerk dat wel van toepassing is? ``True`` = een bevinding."""
    if van_toepassing and not gevuld:
        return Resultaat(
            True,
            R82,
            "Het kenmerk is van toepassing maar ontbreekt.",
            "The characteristic applies but is missing.",
        )
    return Resultaat(False, R82, "In orde.", "In order.")
