"""Alle termijnen: PIP-termijn (R9, R10, R51), inburgeringstermijn (R7, R8), schakelen (R20),
bezwaar (R23), beslissen op bezwaar (R67) en verlenging wegens ziekte (R42). De AOW-datum staat
in :mod:`.aow` (R1).

Lees bij elke :class:`~.base.Termijn` ``einde_inclusief``: de inburgeringstermijn heeft een
exclusief einde (zoals DUO ``einddatum`` opslaat), alle andere termijnen een inclusieve laatste dag.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from .aow import aow_datum  # noqa: F401  (hoort bij "alle termijnen"; hier opnieuw beschikbaar)
from .base import Resultaat, Termijn, Uitkomst, datum_nl, definieer_regel
from .codes import Familierelatie, Leerroute
from .kalender import atw_einddatum, plus_jaren, plus_maanden, reden_niet_werkdag

#: Termijn om het PIP (de leerroute) vast te stellen na DUO-gebeurtenis SS139 (Bi2021; [M]).
PIP_TERMIJN_WEKEN = 10

#: KPI: een eerste PIP binnen zoveel dagen na SS139 telt als "op tijd" (R51, afgeleid).
PIP_OP_TIJD_DAGEN = 70

#: Lengte van de inburgeringstermijn (Wi2021 art. 11 lid 1).
INBURGERINGSTERMIJN_JAREN = 3

#: Schakelen naar een andere leerroute kan tot zoveel maanden na de start van de termijn
#: (Bi2021, onder Wi2021 art. 17 lid 2; artikel niet bevestigd: [M]).
SCHAKEL_TERMIJN_MAANDEN = 18

#: Bezwaartermijn van elke beschikking (Awb art. 6:7), vanaf de dag na de bekendmaking (art. 6:8).
BEZWAAR_TERMIJN_WEKEN = 6

#: Awb art. 6:9 lid 2: per post op tijd als vóór het einde verstuurd en binnen zoveel dagen na
#: het einde ontvangen.
BEZWAAR_POST_MARGE_DAGEN = 7

#: Beslistermijn op bezwaar (Awb art. 7:10 lid 1): zonder adviescommissie 6 weken, met een
#: commissie (Awb 7:13) 12 weken, te rekenen vanaf de dag na het einde van de bezwaartermijn.
BESLISTERMIJN_BEZWAAR_WEKEN = 6
BESLISTERMIJN_BEZWAAR_COMMISSIE_WEKEN = 12
#: Verdaging met ten hoogste zoveel weken (Awb art. 7:10 lid 3).
BESLISTERMIJN_VERDAGING_WEKEN = 6

#: Verlenging wegens ziekte: de ziekte moet langer duren dan zoveel maanden (inburgeren.nl).
VERLENGING_ZIEKTE_MIN_MAANDEN = 3

#: Verlenging aanvragen kan pas als de termijn zoveel maanden geleden begon (2,5 jaar).
VERLENGING_AANVRAAG_VANAF_MAANDEN = 30

#: Familieleden wier ziekte telt voor verlenging (naast de persoon zelf).
VERLENGING_FAMILIE = frozenset(
    {
        Familierelatie.ZELF,
        Familierelatie.PARTNER,
        Familierelatie.KIND,
        Familierelatie.SCHOONKIND,
        Familierelatie.OUDER,
        Familierelatie.SCHOONOUDER,
    }
)

R7 = definieer_regel(
    id="R7",
    titel="Start inburgeringstermijn: dag na het eerste PIP",
    titel_en="Start of the integration term: day after the first PIP",
    bron="Wi2021 art. 11 lid 2 en 3",
    tekst="""De termijn van 3 jaar begint op de dag na de dagtekening van het eerste PIP. Een
    later PIP verandert die start niet: ook niet als het PIP wordt ingetrokken of vernietigd en
    vervangen, of opnieuw wordt vastgesteld.""",
    tekst_en="""The 3-year term starts on the day after the date of the first PIP. A later PIP
    does not move that start, not even when the PIP is revoked or annulled and replaced, or set
    anew.""",
    onderwerp="termijnen",
    zekerheid="H",
)

R8 = definieer_regel(
    id="R8",
    titel="Inburgeringstermijn duurt 3 jaar, zonder verschuiving",
    titel_en="The integration term lasts 3 years, without a shift",
    bron="Wi2021 art. 11 lid 1; Atw art. 1; DUO Inburgeringstermijn API (einddatum exclusief)",
    tekst="""De inburgeringstermijn duurt 3 jaar. De einddatum slaan we op zoals DUO: de eerste dag
    ná de termijn. Valt het einde in een weekend of op een feestdag, dan schuift het niet op: de
    Algemene termijnenwet geldt niet voor termijnen van meer dan 3 maanden.""",
    tekst_en="""The integration term lasts 3 years. The end date is stored as DUO does: the first
    day after the term. It is not moved when it falls on a weekend or holiday: the General Time
    Limits Act does not apply to terms over 3 months.""",
    onderwerp="termijnen",
    zekerheid="H",
    aanname="""Begint de termijn op 29 februari (PIP gedagtekend 28 februari in een schrikkeljaar),
    dan is de laatste dag 28 februari drie jaar later (dagtekening + 3 jaar) en het einde
    (exclusief) 1 maart. DUO's opgave van de termijn gaat voor.""",
    aanname_en=(
        "If the term starts on 29 February (PIP dated 28 February in a leap year), the "
        "last day is 28 February three years later (date + 3 years) and the end "
        "(exclusive) is 1 March. DUO's statement of the term takes precedence."
    ),
)

R9 = definieer_regel(
    id="R9",
    titel="PIP binnen 10 weken na SS139",
    titel_en="PIP within 10 weeks after SS139",
    bron="Bi2021 (onder Wi2021 art. 15 lid 5–6); DUO SS139; Atw art. 1",
    tekst="""De gemeente moet de leerroute (het PIP) vaststellen binnen 10 weken nadat DUO met
    gebeurtenis SS139 heeft gemeld dat die termijn loopt. Valt de laatste dag in een weekend of op
    een feestdag, dan is de eerstvolgende werkdag de laatste dag. Is de termijn voorbij zonder PIP,
    dan volgt een signaal.""",
    tekst_en="""The municipality must set the learning route (the PIP) within 10 weeks after DUO
    reported with event SS139 that this term is running. If the last day is on a weekend or
    holiday, the next working day is the last day. Past the term without a PIP, an alert
    follows.""",
    onderwerp="termijnen",
    zekerheid="M",
    aanname=(
        "10 weken (de PIP-termijn), gerekend vanaf de dag na SS139; het exacte "
        "Bi2021-artikel en het startmoment per doelgroep zijn niet bevestigd."
    ),
    aanname_en=(
        "10 weeks (the PIP term), counted from the day after SS139; the exact Bi2021 "
        "article and the starting moment per target group are not confirmed."
    ),
)

R10 = definieer_regel(
    id="R10",
    titel="Nieuwe SS139 start de 10 weken opnieuw",
    titel_en="A new SS139 restarts the 10 weeks",
    bron="DUO Gebeurtenissen SS139",
    tekst="""Stuurt DUO opnieuw SS139 (bijvoorbeeld omdat de persoon het AZC heeft verlaten en nu
    in de gemeente woont), dan begint de termijn van 10 weken opnieuw vanaf die nieuwe melding.""",
    tekst_en="""If DUO sends SS139 again (for example because the person left the reception
    centre and now lives in the municipality), the 10-week term restarts from that notice.""",
    onderwerp="termijnen",
    zekerheid="H",
)

R20 = definieer_regel(
    id="R20",
    titel="Schakelen alleen binnen 18 maanden",
    titel_en="Switching route only within 18 months",
    bron="Wi2021 art. 17 lid 2; Bi2021 (artikel niet bevestigd)",
    tekst="""De gemeente kan de persoon naar een andere leerroute laten overstappen (schakelen),
    maar alleen binnen 18 maanden na de start van de inburgeringstermijn.""",
    tekst_en="""The municipality can switch the person to another learning route, but only within
    18 months after the start of the integration term.""",
    onderwerp="termijnen",
    zekerheid="M",
    aanname=(
        "18 maanden (de schakeltermijn), gerekend vanaf de start van de termijn; de "
        "laatste dag is de dag vóór start + 18 maanden. Het besluit (de dagtekening van "
        "het nieuwe PIP) moet in die periode vallen."
    ),
    aanname_en=(
        "18 months (the switching period), counted from the start of the term; the last "
        "day is the day before start + 18 months. The decision (the date of the new PIP) "
        "must fall within that period."
    ),
)

R23 = definieer_regel(
    id="R23",
    titel="Elke beschikking: bezwaar binnen 6 weken na bekendmaking",
    titel_en="Every formal decision: objection within 6 weeks of notification",
    bron="Awb art. 6:7, 6:8 lid 1, 6:9, 3:41 lid 1; Wi2021 art. 15, 22, 23; Atw art. 1",
    tekst="""Het PIP, een boete en het besluit over ontzorgen zijn besluiten (beschikkingen). In de
    brief staat dat de persoon bezwaar kan maken, tot wanneer en waar. De bezwaartermijn is 6 weken
    en begint op de dag na de bekendmaking: de dag na verzending van de brief. Is de laatste dag een
    zaterdag, zondag of feestdag, dan is de eerstvolgende werkdag de laatste dag. Een bezwaar per
    post is op tijd als het vóór het einde is verstuurd en uiterlijk een week later binnenkomt.""",
    tekst_en="""The PIP, a fine and the ontzorgen decision are formal decisions. The letter says
    that the person can object, until when and where. The objection term is 6 weeks and starts the
    day after notification: the day after the letter was sent. If the last day is a Saturday,
    Sunday or holiday, the next working day is the last day. An objection sent by post is on time
    if posted before the end and received at most a week later.""",
    onderwerp="termijnen",
    zekerheid="H",
)

R67 = definieer_regel(
    id="R67",
    titel="Beslissen op bezwaar binnen 6 of 12 weken",
    titel_en="Decide on an objection within 6 or 12 weeks",
    bron="Awb art. 7:10 lid 1 en 3, 7:13; Atw art. 1",
    tekst="""Op een bezwaar tegen een beschikking beslist de gemeente binnen 6 weken, of binnen 12
    weken als een bezwaarcommissie advies geeft. Die tijd begint op de dag na het einde van de
    bezwaartermijn. De gemeente kan de beslissing één keer met hoogstens 6 weken uitstellen
    (verdagen) en meldt dat schriftelijk. Is de laatste dag een zaterdag, zondag of feestdag, dan
    is de eerstvolgende werkdag de laatste dag.""",
    tekst_en="""The municipality decides on an objection to a decision within 6 weeks, or within
    12 weeks when an objections committee advises. The time starts the day after the objection term
    ends. The decision can be postponed once by at most 6 weeks, in writing. If the last day is a
    Saturday, Sunday or public holiday, the next working day is the last day.""",
    onderwerp="pip",
    zekerheid="H",
    aanname="""De Atw-verschuiving wordt ook op de beslistermijn toegepast (een termijn bij wet,
    korter dan 3 maanden). De bezwaartermijn wordt gerekend vanaf de verzending van het besluit
    (R23), ook als het bezwaar eerder binnenkwam.""",
    aanname_en=(
        "The Atw shift is also applied to the decision term (a statutory term shorter "
        "than 3 months). The objection term is counted from the sending of the decision "
        "(R23), even if the objection arrived earlier."
    ),
)

R42 = definieer_regel(
    id="R42",
    titel="Verlenging wegens ziekte: voorwaarden",
    titel_en="Extension for illness: conditions",
    bron="Wi2021 art. 12; Bi2021 art. 4.3–4.4; Ri2021 art. 4.1; inburgeren.nl Extra tijd",
    tekst="""DUO kan de termijn verlengen als de persoon zelf, of zijn partner, kind of schoonkind,
    ouder of schoonouder, langer dan 3 maanden ziek was, onder behandeling van een arts in
    Nederland, en daardoor niet kon inburgeren. De aanvraag kan pas als de termijn minstens 2,5
    jaar geleden begon, en vóór het einde van de termijn. Voor dezelfde periode kan maar één keer
    verlenging worden gevraagd.""",
    tekst_en="""DUO can extend the term if the person, or their partner, child or child-in-law,
    parent or parent-in-law, was ill for more than 3 months, treated by a doctor in the
    Netherlands, and could not integrate because of it. The request can be made only when the term
    started at least 2.5 years ago, and before it ends. Only one extension per period.""",
    onderwerp="termijnen",
    zekerheid="H",
    aanname="""Hoe lang DUO verlengt is niet bekend (open vraag 7); DUO's nieuwe einddatum gaat
    voor. "Langer dan 3 maanden" lezen we als: laatste ziektedag op of na begin + 3 maanden.""",
    aanname_en=(
        "How long DUO extends is not known (open question 7); DUO's new end date takes "
        'precedence. We read "longer than 3 months" as: last day of illness on or after '
        "start + 3 months."
    ),
)

R51 = definieer_regel(
    id="R51",
    titel="KPI: eerste PIP binnen 70 dagen na SS139",
    titel_en="KPI: first PIP within 70 days after SS139",
    bron="DUO SS139 (afgeleid); CBS Statistiek Wet inburgering",
    tekst="""Voor de sturing telt een eerste PIP als "op tijd" als de dagtekening uiterlijk 70
    dagen na de laatste SS139 vóór het PIP ligt.""",
    tekst_en="""For reporting, a first PIP counts as "on time" if it is dated at most 70 days after
    the last SS139 before the PIP.""",
    onderwerp="termijnen",
    zekerheid="M",
    aanname="Zonder verschuiving door de Atw: precies 70 dagen (een PIP op tijd).",
    aanname_en="Without a shift by the Atw: exactly 70 days (a PIP on time).",
)


# --- PIP-termijn (R9, R10, R51) ---------------------------------------------------------------


def pip_termijn(ss139_datums: Iterable[date]) -> Termijn | None:
    """De lopende termijn om het PIP vast te stellen, na de laatste melding (R9, R10).

    Geef de datums van alle meldingen die de termijn (opnieuw) starten: SS139, en SS129
    (tijdelijke vrijstelling ingetrokken zonder PIP, R46). ``None`` als er nog geen is. De
    termijn begint de dag na de melding; de laatste dag is melding + 10 weken, verschoven naar
    een werkdag volgens de Atw (R58).
    """
    datums = sorted(ss139_datums)
    if not datums:
        return None
    melding = datums[-1]
    start = melding + timedelta(days=1)
    zonder = melding + timedelta(weeks=PIP_TERMIJN_WEKEN)
    einde = atw_einddatum(start, zonder)
    herstart = len(datums) > 1
    uitleg = (
        f"DUO meldde op {datum_nl(melding)} (SS139) dat de termijn loopt"
        + (" (een nieuwe SS139 start de termijn opnieuw)" if herstart else "")
        + f". Het PIP moet uiterlijk op {datum_nl(einde)} zijn vastgesteld"
    )
    uitleg_en = (
        f"DUO reported on {datum_nl(melding)} (SS139) that the term is running"
        + (" (a new SS139 restarts the term)" if herstart else "")
        + f". The PIP must be set on {datum_nl(einde)} at the latest"
    )
    if einde != zonder:
        uitleg += f" ({datum_nl(zonder)} is een {reden_niet_werkdag(zonder)})"
        uitleg_en += f" ({datum_nl(zonder)} is not a working day)"
    return Termijn(
        start=start,
        einde=einde,
        einde_inclusief=True,
        regel=R10 if herstart else R9,
        uitleg=uitleg + ".",
        uitleg_en=uitleg_en + ".",
        einde_zonder_verschuiving=zonder,
    )


@dataclass(frozen=True)
class PipTermijnStatus:
    termijn: Termijn | None
    #: Is de termijn verstreken zonder PIP? (signaal, R9)
    te_laat: bool
    #: Is er een PIP gedagtekend binnen de termijn?
    op_tijd_vastgesteld: bool | None


def pip_termijn_status(
    ss139_datums: Iterable[date], peildatum: date, pip_dagtekening: date | None = None
) -> PipTermijnStatus:
    """Status van de PIP-termijn op ``peildatum``: loopt hij nog, of is er een signaal nodig?"""
    termijn = pip_termijn(ss139_datums)
    if termijn is None:
        return PipTermijnStatus(None, te_laat=False, op_tijd_vastgesteld=None)
    if pip_dagtekening is not None:
        return PipTermijnStatus(
            termijn, te_laat=False, op_tijd_vastgesteld=pip_dagtekening <= termijn.laatste_dag
        )
    return PipTermijnStatus(
        termijn, te_laat=termijn.verstreken(peildatum), op_tijd_vastgesteld=None
    )


def pip_op_tijd(
    ss139_datums: Iterable[date], eerste_pip_dagtekening: date
) -> Resultaat[bool | None]:
    """KPI R51: ligt het eerste PIP binnen 70 dagen na de laatste SS139 ervóór?

    ``waarde`` is ``None`` als er vóór het PIP geen SS139 was (dan telt het PIP niet mee).
    """
    ervoor = [d for d in ss139_datums if d <= eerste_pip_dagtekening]
    if not ervoor:
        return Resultaat(
            None,
            R51,
            "Geen SS139 vóór het eerste PIP: telt niet mee.",
            "No SS139 before the first PIP: not counted.",
        )
    dagen = (eerste_pip_dagtekening - max(ervoor)).days
    op_tijd = dagen <= PIP_OP_TIJD_DAGEN
    return Resultaat(
        op_tijd,
        R51,
        f"Eerste PIP {dagen} dagen na SS139 van {datum_nl(max(ervoor))}: "
        + ("op tijd." if op_tijd else "te laat (meer dan 70 dagen)."),
        f"First PIP {dagen} days after SS139 of {datum_nl(max(ervoor))}: "
        + ("on time." if op_tijd else "late (more than 70 days)."),
    )


# --- Inburgeringstermijn (R7, R8) -------------------------------------------------------------


def inburgeringstermijn(pip_dagtekeningen: Iterable[date]) -> Termijn | None:
    """De inburgeringstermijn volgens R7 en R8, of ``None`` zonder PIP.

    Alleen het eerste (vroegste) PIP telt. ``einde`` is exclusief, zoals bij DUO.
    """
    datums = sorted(pip_dagtekeningen)
    if not datums:
        return None
    eerste = datums[0]
    start = eerste + timedelta(days=1)
    laatste_dag = plus_jaren(eerste, INBURGERINGSTERMIJN_JAREN)
    einde = laatste_dag + timedelta(days=1)
    uitleg = (
        f"Het eerste PIP is gedagtekend op {datum_nl(eerste)}, dus de termijn begint op "
        f"{datum_nl(start)} en duurt 3 jaar: de laatste dag is {datum_nl(laatste_dag)} "
        f"(einde exclusief {datum_nl(einde)}). Er is geen verschuiving voor weekend of feestdag."
    )
    uitleg_en = (
        f"The first PIP is dated {datum_nl(eerste)}, so the term starts on {datum_nl(start)} and "
        f"lasts 3 years: the last day is {datum_nl(laatste_dag)} (exclusive end "
        f"{datum_nl(einde)}). There is no shift for weekends or holidays."
    )
    if len(datums) > 1:
        uitleg += " Latere PIP's veranderen de start niet."
        uitleg_en += " Later PIPs do not change the start."
    return Termijn(
        start=start,
        einde=einde,
        einde_inclusief=False,
        regel=R7 if len(datums) > 1 else R8,
        uitleg=uitleg,
        uitleg_en=uitleg_en,
    )


def inburgeringstermijn_van_duo(
    startdatum: date, einddatum: date, *, verlengingsgrond: str = ""
) -> Termijn:
    """De inburgeringstermijn zoals DUO hem geeft (``einddatum`` exclusief); DUO gaat voor.

    Langer dan 3 jaar: verlengd door DUO (R42, SS103/SS104); anders R8.
    """
    laatste_dag_standaard = plus_jaren(startdatum - timedelta(days=1), INBURGERINGSTERMIJN_JAREN)
    verlengd = einddatum > laatste_dag_standaard + timedelta(days=1)
    uitleg = (
        f"Volgens DUO loopt de termijn van {datum_nl(startdatum)} tot {datum_nl(einddatum)} "
        "(exclusief)"
    )
    uitleg_en = (
        f"According to DUO the term runs from {datum_nl(startdatum)} until {datum_nl(einddatum)} "
        "(exclusive)"
    )
    if verlengd:
        grond = f" ({verlengingsgrond})" if verlengingsgrond else ""
        uitleg += f"; DUO heeft hem verlengd{grond}"
        uitleg_en += f"; DUO extended it{grond}"
    return Termijn(
        start=startdatum,
        einde=einddatum,
        einde_inclusief=False,
        regel=R42 if verlengd else R8,
        uitleg=uitleg + ".",
        uitleg_en=uitleg_en + ".",
    )


def geldende_inburgeringstermijn(
    pip_dagtekeningen: Iterable[date],
    *,
    duo_startdatum: date | None = None,
    duo_einddatum: date | None = None,
    verlengingsgrond: str = "",
    pip_vorige_gemeente: date | None = None,
) -> Termijn | None:
    """De inburgeringstermijn die geldt, uit één bron: DUO's opgave als die er is (met de
    verlengingen van SS103/SS104, R42), anders R7/R8 uit het eerste PIP.

    ``pip_vorige_gemeente`` is de dagtekening van het PIP dat DUO kent van een vorige gemeente
    (SS121): de termijn begon bij het eerste PIP in welke gemeente ook (R7), niet bij ons eerste.
    """
    if duo_startdatum is not None and duo_einddatum is not None:
        return inburgeringstermijn_van_duo(
            duo_startdatum, duo_einddatum, verlengingsgrond=verlengingsgrond
        )
    eigen = list(pip_dagtekeningen)
    if pip_vorige_gemeente in eigen:
        pip_vorige_gemeente = None  # DUO's PIP is our own one, not a previous gemeente's
    termijn = inburgeringstermijn(
        [*eigen, pip_vorige_gemeente] if pip_vorige_gemeente is not None else eigen
    )
    if pip_vorige_gemeente is None or any(d < pip_vorige_gemeente for d in eigen):
        return termijn
    assert termijn is not None, "a PIP of the previous gemeente was given, so there is a date"
    return replace(
        termijn,
        uitleg="Volgens DUO had de persoon al een PIP van een vorige gemeente; dat telt als "
        "eerste PIP (R7). " + termijn.uitleg,
        uitleg_en="According to DUO the person already had a PIP from a previous municipality; "
        "that counts as the first PIP (R7). " + termijn.uitleg_en,
    )


# --- Schakelen (R20) --------------------------------------------------------------------------


def schakeltermijn(termijn_start: date) -> Termijn:
    """De periode waarin schakelen naar een andere leerroute kan (R20); laatste dag inclusief."""
    einde = plus_maanden(termijn_start, SCHAKEL_TERMIJN_MAANDEN) - timedelta(days=1)
    return Termijn(
        start=termijn_start,
        einde=einde,
        einde_inclusief=True,
        regel=R20,
        uitleg=f"Schakelen kan tot en met {datum_nl(einde)}: 18 maanden na de start van de "
        f"inburgeringstermijn ({datum_nl(termijn_start)}).",
        uitleg_en=f"Switching is possible until {datum_nl(einde)} inclusive: 18 months after the "
        f"start of the integration term ({datum_nl(termijn_start)}).",
    )


def toets_schakelen(
    *,
    termijn_start: date | None,
    besluitdatum: date,
    van_route: Leerroute,
    naar_route: Leerroute,
) -> Uitkomst:
    """Mag de leerroute op ``besluitdatum`` van ``van_route`` naar ``naar_route`` (R20)?

    Zonder gestarte termijn (nog geen eerste PIP) of zonder routewissel is er niets te toetsen.
    """
    if termijn_start is None or van_route == naar_route:
        return Uitkomst()
    periode = schakeltermijn(termijn_start)
    if besluitdatum <= periode.laatste_dag:
        return Uitkomst()
    return Uitkomst.fout(
        R20,
        f"Schakelen van {van_route.label} naar {naar_route.label} kan niet meer: dat kon tot en "
        f"met {datum_nl(periode.laatste_dag)} (18 maanden na de start van de termijn op "
        f"{datum_nl(termijn_start)}); het besluit is van {datum_nl(besluitdatum)}.",
        f"Switching from route {van_route} to {naar_route} is no longer possible: the limit was "
        f"{datum_nl(periode.laatste_dag)} (18 months after the term started on "
        f"{datum_nl(termijn_start)}); the decision is dated {datum_nl(besluitdatum)}.",
        veld="leerroute",
    )


# --- Bezwaar (R23) ----------------------------------------------------------------------------


def bezwaartermijn(verzenddatum: date) -> Termijn:
    """De bezwaartermijn van een beschikking (PIP, boete, ontzorgen): 6 weken vanaf de dag na de
    bekendmaking, die bij een brief de verzenddatum is (R23, Awb 3:41 en 6:8; Atw R58)."""
    start = verzenddatum + timedelta(days=1)
    zonder = verzenddatum + timedelta(weeks=BEZWAAR_TERMIJN_WEKEN)
    einde = atw_einddatum(start, zonder)
    uitleg = (
        f"Het besluit is verzonden op {datum_nl(verzenddatum)}. De bezwaartermijn van "
        f"{BEZWAAR_TERMIJN_WEKEN} weken "
        f"begint op {datum_nl(start)} en eindigt op {datum_nl(einde)}"
    )
    uitleg_en = (
        f"The decision was sent on {datum_nl(verzenddatum)}. The {BEZWAAR_TERMIJN_WEKEN}-week "
        f"objection term starts on "
        f"{datum_nl(start)} and ends on {datum_nl(einde)}"
    )
    if einde != zonder:
        uitleg += (
            f": {datum_nl(zonder)} is een {reden_niet_werkdag(zonder)}, dus de termijn loopt door "
            f"tot de eerstvolgende werkdag (Algemene termijnenwet)"
        )
        uitleg_en += (
            f": {datum_nl(zonder)} is not a working day, so the term runs to the next working "
            f"day (General Time Limits Act)"
        )
    return Termijn(
        start=start,
        einde=einde,
        einde_inclusief=True,
        regel=R23,
        uitleg=uitleg + ".",
        uitleg_en=uitleg_en + ".",
        einde_zonder_verschuiving=zonder,
    )


def beslistermijn_bezwaar(
    verzenddatum: date, *, adviescommissie: bool = False, verdaagd: bool = False
) -> Termijn:
    """R67: uiterlijk wanneer de gemeente op een bezwaar tegen een besluit moet beslissen."""
    bezwaar = bezwaartermijn(verzenddatum)
    weken = (
        BESLISTERMIJN_BEZWAAR_COMMISSIE_WEKEN if adviescommissie else BESLISTERMIJN_BEZWAAR_WEKEN
    )
    if verdaagd:
        weken += BESLISTERMIJN_VERDAGING_WEKEN
    start = bezwaar.laatste_dag + timedelta(days=1)
    zonder = bezwaar.laatste_dag + timedelta(weeks=weken)
    einde = atw_einddatum(start, zonder)
    soort = "met advies van de bezwaarcommissie" if adviescommissie else "zonder bezwaarcommissie"
    soort_en = "with the objections committee" if adviescommissie else "without a committee"
    uitleg = (
        f"De bezwaartermijn eindigde op {datum_nl(bezwaar.laatste_dag)}. De beslistermijn "
        f"{soort} is {weken} weken"
        + (" (verdaagd)" if verdaagd else "")
        + f": beslis uiterlijk op {datum_nl(einde)}"
    )
    uitleg_en = (
        f"The objection term ended on {datum_nl(bezwaar.laatste_dag)}. The decision term "
        f"{soort_en} is {weken} weeks"
        + (" (postponed)" if verdaagd else "")
        + f": decide by {datum_nl(einde)}"
    )
    if einde != zonder:
        uitleg += f" ({datum_nl(zonder)} is een {reden_niet_werkdag(zonder)})"
        uitleg_en += f" ({datum_nl(zonder)} is not a working day)"
    return Termijn(
        start=start,
        einde=einde,
        einde_inclusief=True,
        regel=R67,
        uitleg=uitleg + ".",
        uitleg_en=uitleg_en + ".",
        einde_zonder_verschuiving=zonder,
    )


def toets_bezwaar_tijdig(
    *, verzenddatum: date, ontvangstdatum: date, datum_ter_post: date | None = None
) -> Uitkomst:
    """Is een bezwaarschrift op tijd (Awb 6:9)? Per post: vóór het einde verstuurd en binnen
    een week na het einde ontvangen."""
    termijn = bezwaartermijn(verzenddatum)
    if ontvangstdatum <= termijn.laatste_dag:
        return Uitkomst()
    if (
        datum_ter_post is not None
        and datum_ter_post <= termijn.laatste_dag
        and ontvangstdatum <= termijn.laatste_dag + timedelta(days=BEZWAAR_POST_MARGE_DAGEN)
    ):
        return Uitkomst()
    return Uitkomst.fout(
        R23,
        f"Het bezwaar is te laat: de termijn liep tot en met {datum_nl(termijn.laatste_dag)}, "
        f"het bezwaar kwam binnen op {datum_nl(ontvangstdatum)}.",
        f"The objection is late: the term ran until {datum_nl(termijn.laatste_dag)}, the "
        f"objection arrived on {datum_nl(ontvangstdatum)}.",
        veld="ontvangstdatum",
    )


# --- Verlenging wegens ziekte (R42) -----------------------------------------------------------


@dataclass(frozen=True)
class Ziekteperiode:
    begin: date
    #: Laatste ziektedag (inclusief); ``None`` = nog ziek.
    einde: date | None
    wie: Familierelatie
    behandeld_door_arts_in_nederland: bool


def vroegste_verlengingsaanvraag(termijn_start: date) -> date:
    """De eerste dag waarop een verlenging wegens ziekte kan worden aangevraagd (R42)."""
    return plus_maanden(termijn_start, VERLENGING_AANVRAAG_VANAF_MAANDEN)


def toets_verlenging_ziekte(
    *,
    termijn: Termijn,
    aanvraagdatum: date,
    ziekte: Ziekteperiode,
    eerder_verlengde_perioden: Sequence[tuple[date, date]] = (),
) -> Uitkomst:
    """Kan een verlenging wegens ziekte worden aangevraagd (R42)? Alle bezwaren samen."""
    uitkomst = Uitkomst()
    vroegst = vroegste_verlengingsaanvraag(termijn.start)
    if aanvraagdatum < vroegst:
        uitkomst += Uitkomst.fout(
            R42,
            f"Te vroeg: verlenging kan pas worden aangevraagd vanaf {datum_nl(vroegst)} "
            f"(2,5 jaar na de start van de termijn op {datum_nl(termijn.start)}).",
            f"Too early: an extension can be requested from {datum_nl(vroegst)} (2.5 years after "
            f"the term started on {datum_nl(termijn.start)}).",
            veld="aanvraagdatum",
        )
    if aanvraagdatum > termijn.laatste_dag:
        uitkomst += Uitkomst.fout(
            R42,
            f"Te laat: de termijn eindigde op {datum_nl(termijn.laatste_dag)}.",
            f"Too late: the term ended on {datum_nl(termijn.laatste_dag)}.",
            veld="aanvraagdatum",
        )
    if ziekte.wie not in VERLENGING_FAMILIE:
        uitkomst += Uitkomst.fout(
            R42,
            "Alleen ziekte van de persoon zelf, de partner, een (schoon)kind of een (schoon)ouder "
            "telt.",
            "Only illness of the person, the partner, a child (in-law) or a parent (in-law) "
            "counts.",
            veld="wie",
        )
    if not ziekte.behandeld_door_arts_in_nederland:
        uitkomst += Uitkomst.fout(
            R42,
            "De zieke moet onder behandeling zijn (geweest) van een arts in Nederland.",
            "The ill person must be (or have been) treated by a doctor in the Netherlands.",
            veld="behandeld_door_arts_in_nederland",
        )
    laatste_ziektedag = ziekte.einde if ziekte.einde is not None else aanvraagdatum
    drempel = plus_maanden(ziekte.begin, VERLENGING_ZIEKTE_MIN_MAANDEN)
    if laatste_ziektedag < drempel:
        uitkomst += Uitkomst.fout(
            R42,
            f"De ziekte duurde niet langer dan 3 maanden: van {datum_nl(ziekte.begin)} tot en met "
            f"{datum_nl(laatste_ziektedag)}.",
            f"The illness did not last more than 3 months: from {datum_nl(ziekte.begin)} to "
            f"{datum_nl(laatste_ziektedag)}.",
            veld="ziekte",
        )
    for begin, einde in eerder_verlengde_perioden:
        if ziekte.begin <= einde and begin <= laatste_ziektedag:
            uitkomst += Uitkomst.fout(
                R42,
                f"Voor (een deel van) deze periode is al verlenging gegeven ({datum_nl(begin)} "
                f"tot en met {datum_nl(einde)}).",
                f"An extension was already granted for (part of) this period ({datum_nl(begin)} "
                f"to {datum_nl(einde)}).",
                veld="ziekte",
            )
    return uitkomst
