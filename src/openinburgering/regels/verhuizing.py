"""Verhuizing naar een andere gemeente: welk PIP geldt (R75), wat de oude gemeente overdraagt
(R76) en welk overdrachtsbestand de nieuwe gemeente mag inlezen (R77)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .base import Resultaat, Uitkomst, datum_nl, definieer_regel
from .codes import Leerroute

#: De versie van het overdrachtsbestand die deze code schrijft en leest (R77).
OVERDRACHT_SCHEMAVERSIE = 1

R75 = definieer_regel(
    id="R75",
    titel="Na verhuizing: PIP van de vorige gemeente tot het nieuwe PIP",
    titel_en="After a move: the previous municipality's PIP until the new one",
    bron="Wi2021 art. 17 (nieuw PIP na verhuizing, zelfde leerroute); Wi2021 art. 11 lid 3 "
    "(de termijn schuift niet); DUO PIP API (huidig PIP, ook van een vorige gemeente)",
    tekst="""Verhuist de inburgeringsplichtige, dan wordt de nieuwe gemeente verantwoordelijk en
    stelt zij een nieuw PIP vast, met dezelfde leerroute (R22). Tot dat nieuwe PIP er is, werkt de
    nieuwe gemeente verder op het PIP van de vorige gemeente zoals DUO het kent: dezelfde
    leerroute en dezelfde inburgeringstermijn, die door het nieuwe PIP niet opnieuw begint. Met
    het overdrachtsbestand van de vorige gemeente of zonder: het PIP bij DUO is genoeg om verder
    te gaan.""",
    tekst_en="""When the person moves, the new municipality becomes responsible and sets a new
    PIP with the same learning route (R22). Until that new PIP exists, it works on the previous
    municipality's PIP as DUO holds it: the same route and the same integration term, which the
    new PIP does not restart. With or without the previous municipality's handover file: DUO's
    PIP is enough to go on.""",
    onderwerp="verhuizing",
    zekerheid="M",
    aanname=(
        "Dat het oude PIP geldt tot het nieuwe er is, leiden we af: de wet verplicht tot een nieuw "
        "PIP maar trekt het oude niet in, en DUO geeft het als huidig PIP terug (SS121). Geen "
        "termijn voor het nieuwe PIP gevonden; de taak van DUO's melding loopt een maand (R71)."
    ),
    aanname_en=(
        "That the old PIP applies until the new one exists is inferred: the law requires a new "
        "PIP but does not revoke the old one, and DUO returns it as the current PIP (SS121). No "
        "term for the new PIP was found; the task of DUO's notice runs one month (R71)."
    ),
)

R76 = definieer_regel(
    id="R76",
    titel="Overdracht bij vertrek: dossier sluiten, werk stoppen, gegevens mee",
    titel_en="Handover on departure: close the case, stop the work, pass the data on",
    bron="Wi2021 art. 17 (de nieuwe gemeente stelt het PIP vast); AVG art. 5 lid 1 onder c "
    "(minimale gegevens) en art. 9 (gezondheid)",
    tekst="""Is de persoon naar een andere gemeente verhuisd, dan sluit de oude gemeente het
    dossier met de reden ‘verhuisd’. Lopend werk stopt: taken, werkitems en geplande gesprekken.
    De oude gemeente maakt een overdrachtsdossier voor de nieuwe gemeente: een document voor
    mensen en een bestand voor haar systeem, met het PIP en zijn versies, een samenvatting van de
    brede intake, de leerroute, uren, examens, PVT en MAP, de stappen van de begeleiding en de
    contactgegevens. Gegevens over gezondheid en financiën gaan niet mee: die vraagt de nieuwe
    gemeente zelf, als ze nodig zijn.""",
    tekst_en="""When the person has moved to another municipality, the old municipality closes
    the case with the reason ‘moved’. Open work stops: tasks, work items and planned talks. It
    makes a handover for the new municipality: a document for people and a file for its system,
    with the PIP and its versions, a summary of the intake, the route, hours, exams, PVT and MAP,
    the guidance steps and the contact details. Health and financial data are not passed on: the
    new municipality asks for them itself if it needs them.""",
    onderwerp="verhuizing",
    zekerheid="L",
    aanname=(
        "Geen wettelijke regeling gevonden voor wat gemeenten elkaar bij een verhuizing geven. "
        "We geven wat de nieuwe gemeente nodig heeft om het PIP en de route voort te zetten, en "
        "laten gezondheid en financiën weg (bijzondere en gevoelige gegevens)."
    ),
    aanname_en=(
        "No statutory rule was found on what municipalities pass on after a move. We pass on "
        "what the new municipality needs to continue the PIP and the route, and leave out health "
        "and finances (special and sensitive data)."
    ),
)

R77 = definieer_regel(
    id="R77",
    titel="Overdrachtsbestand alleen voor deze gemeente en deze persoon",
    titel_en="Handover file only for this municipality and this person",
    bron="Wabb art. 12 (het BSN hoort bij de persoon wiens gegevens worden verwerkt); AVG art. 5 "
    "lid 1 onder d (juistheid)",
    tekst="""De nieuwe gemeente leest een overdrachtsbestand alleen in als het aan haar is
    gericht, van een andere gemeente komt, over dezelfde persoon gaat (hetzelfde BSN) en een
    versie heeft die het systeem kent. Anders wordt niets overgenomen.""",
    tekst_en="""The new municipality reads a handover file only when it is addressed to it,
    comes from another municipality, is about the same person (the same BSN) and has a version
    the system knows. Otherwise nothing is taken over.""",
    onderwerp="verhuizing",
    zekerheid="H",
)


@dataclass(frozen=True)
class VorigPip:
    """Het PIP van de vorige gemeente, zoals DUO of het overdrachtsbestand het geeft."""

    dagtekening: date
    leerroute: Leerroute
    gemeentecode: str = ""


def geldend_pip_na_verhuizing(
    *, vorig: VorigPip | None, eigen_dagtekening: date | None
) -> Resultaat[str]:
    """R75: welk PIP geldt na een verhuizing: ``"eigen"`` (het nieuwe PIP van deze gemeente),
    ``"vorige_gemeente"`` (tot dat er is) of ``"geen"``."""
    if eigen_dagtekening is not None:
        return Resultaat(
            "eigen",
            R75,
            f"Deze gemeente stelde op {datum_nl(eigen_dagtekening)} een nieuw PIP vast; dat geldt.",
            f"This municipality set a new PIP on {eigen_dagtekening}; that one applies.",
        )
    if vorig is not None:
        return Resultaat(
            "vorige_gemeente",
            R75,
            f"Het PIP van de vorige gemeente ({datum_nl(vorig.dagtekening)}, "
            f"{vorig.leerroute.label}) geldt tot deze gemeente een nieuw PIP vaststelt, met "
            "dezelfde leerroute; de inburgeringstermijn loopt door.",
            f"The previous municipality's PIP ({vorig.dagtekening}, {vorig.leerroute}) applies "
            "until this municipality sets a new PIP with the same route; the term runs on.",
        )
    return Resultaat(
        "geen",
        R75,
        "Er is geen PIP bekend, van deze of van een vorige gemeente.",
        "No PIP is known, of this or of a previous municipality.",
    )


#: Wat de oude gemeente niet meegeeft (R76): velden van de brede intake.
NIET_OVERDRAGEN_INTAKE = frozenset({"gezondheid", "financien"})


def mag_overdragen(veld: str) -> bool:
    """R76: gaat dit veld van de brede intake mee in het overdrachtsdossier?"""
    return veld not in NIET_OVERDRAGEN_INTAKE


def toets_overdrachtsbestand(
    *,
    schemaversie: object,
    naar_gemeentecode: str,
    van_gemeentecode: str,
    eigen_gemeentecode: str,
    zelfde_persoon: bool,
) -> Uitkomst:
    """R77: mag deze gemeente dit overdrachtsbestand inlezen? Geeft alle redenen waarom niet."""
    uitkomst = Uitkomst()
    if schemaversie != OVERDRACHT_SCHEMAVERSIE:
        uitkomst += Uitkomst.fout(
            R77,
            f"Dit overdrachtsbestand heeft versie {schemaversie}; dit systeem leest versie "
            f"{OVERDRACHT_SCHEMAVERSIE}.",
            f"This handover file has version {schemaversie}; this system reads version "
            f"{OVERDRACHT_SCHEMAVERSIE}.",
            veld="bestand",
        )
    if naar_gemeentecode != eigen_gemeentecode:
        uitkomst += Uitkomst.fout(
            R77,
            f"Dit overdrachtsbestand is bestemd voor gemeente {naar_gemeentecode}, niet voor "
            f"deze gemeente ({eigen_gemeentecode}).",
            f"This handover file is meant for municipality {naar_gemeentecode}, not for this "
            f"one ({eigen_gemeentecode}).",
            veld="bestand",
        )
    if van_gemeentecode == eigen_gemeentecode:
        uitkomst += Uitkomst.fout(
            R77,
            "Dit overdrachtsbestand komt van deze gemeente zelf.",
            "This handover file comes from this municipality itself.",
            veld="bestand",
        )
    if not zelfde_persoon:
        uitkomst += Uitkomst.fout(
            R77,
            "Dit overdrachtsbestand gaat over een andere persoon (een ander BSN) dan dit dossier.",
            "This handover file is about another person (another BSN) than this case.",
            veld="bestand",
        )
    return uitkomst
