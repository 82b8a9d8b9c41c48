"""Seeding and changing persons through the control API (``POST /_sim/personen``)."""

from datetime import date, timedelta

from . import acceptatie
from .apis import termijn_vastleggen
from .bsn import is_geldig_bsn
from .datums import parse_datum

DOELGROEPEN = {acceptatie.ASIEL, acceptatie.GEZIN_OVERIG}
GEDETAILLEERDE_DOELGROEPEN = {
    "Asielstatushouder",
    "Geestelijk bedienaar",
    "Gezinshereniger",
    "Gezinshereniger met Asielstatushouder",
    "Gezinsvormer",
    "Gezinsvormer met Asielstatushouder",
    "Overig",
}
#: DUO's ``AanvraagToekenningsstatus`` (Verlenging API).
BEOORDELINGEN = ("Toegekend", "Afgewezen", "InBehandeling")
DATUMVELDEN = (
    "vestigingsdatum",
    "plichtBegindatum",
    "plichtEinddatum",
    "datumKennisgeving",
    "doelgroepBegindatum",
)
LIJSTEN = (
    "examenresultaten",
    "gratisPogingen",
    "vrijstellingen",
    "ontheffingen",
    "verlengingen",
    "boetes",
)
TOEGESTAAN = {
    "bsn",
    "vNummer",
    "naam",
    "doelgroep",
    "gedetailleerdeDoelgroep",
    "asielrechtenWijzigingVerblijfsdoel",
    "woongemeenteOin",
    "gemeenteOin",
    "gemeentecode",
    "gemeentenaam",
    "vestigingsdatum",
    "inCoa",
    "coaGemeenteOin",
    "plichtig",
    "plichtBegindatum",
    "plichtEinddatum",
    "redenGeenInburgeringsplicht",
    "datumKennisgeving",
    "doelgroepBegindatum",
    "termijnAutomatisch",
    "termijn",
    "lbt",
    "pip",
    *LIJSTEN,
}


class OngeldigeInvoer(ValueError):
    pass


def _oin(waarde, veld):
    if waarde is not None and not (
        isinstance(waarde, str) and len(waarde) == 20 and waarde.isdigit()
    ):
        raise OngeldigeInvoer(f"'{veld}' moet een OIN van 20 cijfers zijn.")
    return waarde


def controleer(invoer: dict) -> None:
    if not isinstance(invoer, dict):
        raise OngeldigeInvoer("De body moet een JSON-object zijn.")
    onbekend = sorted(set(invoer) - TOEGESTAAN)
    if onbekend:
        raise OngeldigeInvoer("Onbekende velden: " + ", ".join(onbekend))
    bsn = invoer.get("bsn")
    if not isinstance(bsn, str) or not is_geldig_bsn(bsn):
        raise OngeldigeInvoer("'bsn' moet een BSN van 9 cijfers zijn dat aan de 11-proef voldoet.")
    for veld in DATUMVELDEN:
        if invoer.get(veld) is not None and not parse_datum(invoer[veld]):
            raise OngeldigeInvoer(f"'{veld}' moet een datum (JJJJ-MM-DD) zijn.")
    for veld in ("woongemeenteOin", "gemeenteOin", "coaGemeenteOin"):
        _oin(invoer.get(veld), veld)
    if invoer.get("doelgroep") is not None and invoer["doelgroep"] not in DOELGROEPEN:
        raise OngeldigeInvoer(
            "'doelgroep' moet een van " + ", ".join(sorted(DOELGROEPEN)) + " zijn."
        )
    gedetailleerd = invoer.get("gedetailleerdeDoelgroep")
    if gedetailleerd is not None and gedetailleerd not in GEDETAILLEERDE_DOELGROEPEN:
        raise OngeldigeInvoer("Onbekende 'gedetailleerdeDoelgroep'.")
    v_nummer = invoer.get("vNummer")
    if v_nummer is not None and not (
        isinstance(v_nummer, int) and not isinstance(v_nummer, bool) and 0 <= v_nummer <= 9999999999
    ):
        raise OngeldigeInvoer("'vNummer' moet een geheel getal van hoogstens 10 cijfers zijn.")
    if invoer.get("gemeentecode") is not None and not (
        isinstance(invoer["gemeentecode"], str)
        and len(invoer["gemeentecode"]) == 4
        and invoer["gemeentecode"].isdigit()
    ):
        raise OngeldigeInvoer("'gemeentecode' moet 4 cijfers zijn.")
    for veld in LIJSTEN:
        if veld in invoer and not (
            isinstance(invoer[veld], list) and all(isinstance(x, dict) for x in invoer[veld])
        ):
            raise OngeldigeInvoer(f"'{veld}' moet een lijst van objecten zijn.")
    for i, aanvraag in enumerate(invoer.get("verlengingen") or []):
        if not (
            aanvraag.get("beoordelingAanvraag") in BEOORDELINGEN
            and parse_datum(aanvraag.get("ontvangstdatum"))
            and (
                aanvraag.get("datumBeoordeling") is None
                or parse_datum(aanvraag["datumBeoordeling"])
            )
            and set(aanvraag) <= {"beoordelingAanvraag", "ontvangstdatum", "datumBeoordeling"}
        ):
            raise OngeldigeInvoer(
                f"'verlengingen[{i}]' moet 'ontvangstdatum' (datum) en 'beoordelingAanvraag' ("
                + ", ".join(BEOORDELINGEN)
                + ") hebben, en mag 'datumBeoordeling' hebben."
            )
    for i, boete in enumerate(invoer.get("boetes") or []):
        bedrag = boete.get("bedrag")
        if not (
            isinstance(bedrag, int)
            and not isinstance(bedrag, bool)
            and 1 <= bedrag <= 9999
            and parse_datum(boete.get("datum"))
            and set(boete) == {"bedrag", "datum"}
        ):
            raise OngeldigeInvoer(
                f"'boetes[{i}]' moet 'bedrag' (hele euro's, 1–9999) en 'datum' hebben."
            )
    termijn = invoer.get("termijn")
    if termijn is not None and not (
        isinstance(termijn, dict)
        and parse_datum(termijn.get("einddatum"))
        and (termijn.get("startdatum") is None or parse_datum(termijn["startdatum"]))
    ):
        raise OngeldigeInvoer("'termijn' moet minstens een geldige 'einddatum' hebben.")
    pip = invoer.get("pip")
    if pip is not None and not (
        isinstance(pip, dict)
        and parse_datum(pip.get("dagtekeningPip"))
        and pip.get("leerroute") in ("B", "O", "Z")
        and _oin(pip.get("gemeenteOin"), "pip.gemeenteOin")
    ):
        raise OngeldigeInvoer("'pip' moet 'gemeenteOin', 'dagtekeningPip' en 'leerroute' hebben.")


def _indeling(gedetailleerd: str | None) -> str:
    if gedetailleerd is None or gedetailleerd in acceptatie.ASIEL_GEDETAILLEERD:
        return acceptatie.ASIEL
    return acceptatie.GEZIN_OVERIG


def _zet_doelgroep(persoon: dict, doelgroep: dict) -> None:
    historie = persoon.setdefault("doelgroepHistorie", [])
    if historie and "einddatum" not in historie[-1]:
        begin = parse_datum(doelgroep["begindatum"])
        historie[-1]["einddatum"] = (begin - timedelta(days=1)).isoformat()
    persoon["doelgroep"] = doelgroep
    historie.append(
        {k: doelgroep[k] for k in ("indeling", "begindatum") if doelgroep.get(k) is not None}
    )


def _zet_plicht(persoon: dict, plicht: dict) -> None:
    persoon["inburgeringsplicht"] = plicht
    historie = persoon.setdefault("inburgeringsplichtHistorie", [])
    historie.append(
        {
            k: plicht[k]
            for k in ("indicatorInburgeringsplicht", "begindatum", "einddatum", "wijzigingsdatum")
            if plicht.get(k) is not None
        }
    )


def bijwerken(store, bestaand: dict | None, invoer: dict, vandaag: date) -> dict:
    """Create or change a person; only the fields given are changed."""
    controleer(invoer)
    nieuw = bestaand is None
    persoon = bestaand or {
        "bsn": invoer["bsn"],
        "pips": [],
        "aanbod": {},
        "uren": {},
        "lbt": {"resultaten": []},
        "termijnAutomatisch": True,
        "inCoa": False,
        **{veld: [] for veld in LIJSTEN},
    }
    for veld in (
        "vNummer",
        "naam",
        "vestigingsdatum",
        "inCoa",
        "coaGemeenteOin",
        "termijnAutomatisch",
        *LIJSTEN,
    ):
        if veld in invoer:
            persoon[veld] = invoer[veld]
    woongemeente = invoer.get("woongemeenteOin") or invoer.get("gemeenteOin")
    if woongemeente:
        persoon["woongemeenteOin"] = woongemeente
    if invoer.get("gemeentecode") and persoon.get("woongemeenteOin"):
        store.gemeente_opslaan(
            persoon["woongemeenteOin"], invoer["gemeentecode"], invoer.get("gemeentenaam")
        )

    plicht_start = invoer.get("plichtBegindatum") or (
        (persoon.get("inburgeringsplicht") or {}).get("begindatum") or vandaag.isoformat()
    )
    if nieuw or any(
        v in invoer
        for v in ("doelgroep", "gedetailleerdeDoelgroep", "asielrechtenWijzigingVerblijfsdoel")
    ):
        vorig = persoon.get("doelgroep") or {}
        gedetailleerd = invoer.get("gedetailleerdeDoelgroep", vorig.get("gedetailleerdeDoelgroep"))
        indeling = invoer.get("doelgroep") or (
            _indeling(gedetailleerd)
            if "gedetailleerdeDoelgroep" in invoer or nieuw
            else vorig.get("indeling")
        )
        if gedetailleerd is None and nieuw:
            gedetailleerd = (
                "Asielstatushouder" if indeling == acceptatie.ASIEL else "Gezinshereniger"
            )
        begindatum = invoer.get("doelgroepBegindatum") or (
            plicht_start if nieuw else vandaag.isoformat()
        )
        _zet_doelgroep(
            persoon,
            {
                "indeling": indeling,
                "begindatum": begindatum,
                "gedetailleerdeDoelgroep": gedetailleerd,
                "asielrechtenWijzigingVerblijfsdoel": invoer.get(
                    "asielrechtenWijzigingVerblijfsdoel",
                    vorig.get("asielrechtenWijzigingVerblijfsdoel"),
                ),
            },
        )
    if nieuw or any(
        v in invoer
        for v in (
            "plichtig",
            "plichtBegindatum",
            "plichtEinddatum",
            "redenGeenInburgeringsplicht",
            "datumKennisgeving",
        )
    ):
        vorig = persoon.get("inburgeringsplicht") or {}
        plichtig = invoer.get("plichtig", vorig.get("indicatorInburgeringsplicht", True))
        _zet_plicht(
            persoon,
            {
                "indicatorInburgeringsplicht": bool(plichtig),
                "begindatum": plicht_start,
                "einddatum": invoer.get("plichtEinddatum", vorig.get("einddatum")),
                "wijzigingsdatum": vandaag.isoformat(),
                "datumKennisgevingInburgeringsplicht": invoer.get(
                    "datumKennisgeving",
                    vorig.get("datumKennisgevingInburgeringsplicht", plicht_start),
                ),
                "redenGeenInburgeringsplicht": None
                if plichtig
                else invoer.get(
                    "redenGeenInburgeringsplicht",
                    vorig.get("redenGeenInburgeringsplicht", "Overig"),
                ),
            },
        )
    if "lbt" in invoer:
        lbt = persoon.setdefault("lbt", {"resultaten": []})
        for sleutel in ("examennummer", "resultaten", "overgeslagen"):
            if sleutel in invoer["lbt"]:
                lbt[sleutel] = invoer["lbt"][sleutel]
    if "pip" in invoer:
        pip = dict(invoer["pip"])
        oin = pip.pop("gemeenteOin")
        code = pip.pop("gemeentecode", None) or store.gemeentecode(oin) or "0000"
        eerste = not persoon.get("pips")
        persoon.setdefault("pips", []).append(
            {
                "gemeenteOin": oin,
                "gemeentecode": code,
                "pip": acceptatie.pip_normaliseren(pip),
                "registratiedatum": vandaag.isoformat(),
            }
        )
        if eerste and persoon.get("termijnAutomatisch", True) and not persoon.get("termijn"):
            start, eind = acceptatie.termijn_voor_eerste_pip(parse_datum(pip["dagtekeningPip"]))
            termijn_vastleggen(
                persoon, {"startdatum": start.isoformat(), "einddatum": eind.isoformat()}, vandaag
            )
    if "termijn" in invoer:
        termijn = dict(invoer["termijn"])
        if not termijn.get("startdatum") and not persoon.get("termijn"):
            raise OngeldigeInvoer("Een nieuwe 'termijn' heeft een 'startdatum' nodig.")
        termijn_vastleggen(persoon, termijn, vandaag)
    return persoon


def volledige_staat(store, persoon: dict) -> dict:
    return {**persoon, "contactpersonen": store.koppelingen_van(persoon["bsn"])}


def zaaien(store, invoer: dict, vandaag: date) -> dict:
    """Seed what DUO knows before a demo starts: gemeenten and persons, as plain data.

    ``invoer`` is ``{"gemeenten": [{"oin", "gemeentecode", "naam"?}], "personen": [<person as
    for POST /_sim/personen>]}``. Everything is checked before anything is stored. A person the
    simulator already knows is left as it is: what the gemeente reported since the last seeding
    (PIPs, hours) is DUO's state now and must survive a restart of the demo.
    """
    if not isinstance(invoer, dict):
        raise OngeldigeInvoer("De body moet een JSON-object zijn.")
    onbekend = sorted(set(invoer) - {"gemeenten", "personen"})
    if onbekend:
        raise OngeldigeInvoer("Onbekende velden: " + ", ".join(onbekend))
    gemeenten = invoer.get("gemeenten") or []
    lijst = invoer.get("personen") or []
    if not (isinstance(gemeenten, list) and isinstance(lijst, list)):
        raise OngeldigeInvoer("'gemeenten' en 'personen' moeten lijsten zijn.")
    for gemeente in gemeenten:
        code = gemeente.get("gemeentecode") if isinstance(gemeente, dict) else None
        if not (isinstance(code, str) and len(code) == 4 and code.isdigit()):
            raise OngeldigeInvoer("Elke gemeente heeft een 'gemeentecode' van 4 cijfers nodig.")
        if gemeente.get("oin") is None:
            raise OngeldigeInvoer("Elke gemeente heeft een 'oin' nodig.")
        _oin(gemeente["oin"], "oin")
    for persoon in lijst:
        controleer(persoon)
    bsns = [p["bsn"] for p in lijst]
    if len(set(bsns)) != len(bsns):
        raise OngeldigeInvoer("Een BSN komt meer dan eens voor.")
    nieuw = bekend = 0
    with store.transactie():
        for gemeente in gemeenten:
            store.gemeente_opslaan(gemeente["oin"], gemeente["gemeentecode"], gemeente.get("naam"))
        for persoon in lijst:
            if store.persoon(persoon["bsn"]) is not None:
                bekend += 1
                continue
            store.persoon_opslaan(bijwerken(store, None, persoon, vandaag))
            nieuw += 1
    return {"gemeenten": len(gemeenten), "nieuw": nieuw, "alBekend": bekend}
