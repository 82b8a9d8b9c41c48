"""DUO's acceptance rules, written from DUO's own documentation (README of
duonl/gemeente-m2m-inburgering, kept in ``specs/duo-m2m/README.md``).

Deliberately independent of the product's ``openinburgering.regels``: if both implement a rule
differently, the tests of the product against this simulator show it. Every function is pure: it
takes the person's state (a dict as stored by the simulator) and returns a list of Dutch error
texts (``fouttekst``), all violations at once; an empty list means accepted.
"""

from datetime import date

from .datums import dag_erna, jaren_erbij, maanden_erbij, parse_datum

ASIEL = "Asielstatushouder"
GEZIN_OVERIG = "Gezinsmigrant en overige migrant"
# DUO's detailed groups that fall under the asylum regime (nareizigers follow the status holder).
ASIEL_GEDETAILLEERD = {
    "Asielstatushouder",
    "Gezinshereniger met Asielstatushouder",
    "Gezinsvormer met Asielstatushouder",
}


# --- helpers on the stored person ----------------------------------------------------------------
def huidige_pip(persoon: dict) -> dict | None:
    pips = persoon.get("pips") or []
    return pips[-1] if pips else None


def is_asiel(persoon: dict) -> bool:
    return (persoon.get("doelgroep") or {}).get("indeling") == ASIEL


def termijn_data(persoon: dict) -> tuple[date, date] | None:
    """(start, end exclusive) of the inburgeringstermijn, or None when not yet set."""
    termijn = persoon.get("termijn")
    if not termijn:
        return None
    return parse_datum(termijn["startdatum"]), parse_datum(termijn["einddatum"])


def termijn_voor_eerste_pip(dagtekening: date) -> tuple[date, date]:
    """Wi2021 art. 11: the term starts the day after the first PIP's dagtekening; 3 years."""
    start = dag_erna(dagtekening)
    return start, jaren_erbij(start, 3)


# --- scope ------------------------------------------------------------------------------------
def is_relevant(persoon: dict, bron: str, vandaag: date) -> bool:
    """DUO's scope: may this gemeente (bron OIN) see and change this person?

    Resident and not in a COA location; or in a COA location and linked by COA to the gemeente;
    or the current PIP is the gemeente's; or the current PIP is less than a month old (by its
    dagtekening) and the previous PIP was the gemeente's.
    """
    if not persoon.get("inCoa") and persoon.get("woongemeenteOin") == bron:
        return True
    if persoon.get("inCoa") and persoon.get("coaGemeenteOin") == bron:
        return True
    pips = persoon.get("pips") or []
    if pips and pips[-1]["gemeenteOin"] == bron:
        return True
    if len(pips) >= 2 and pips[-2]["gemeenteOin"] == bron:
        dagtekening = parse_datum(pips[-1]["pip"]["dagtekeningPip"])
        if dagtekening and vandaag < maanden_erbij(dagtekening, 1):
            return True
    return False


# --- PIP --------------------------------------------------------------------------------------
def pip_fouten(persoon: dict, pip: dict, bron: str) -> list[str]:
    fouten: list[str] = []
    dagtekening = parse_datum(pip.get("dagtekeningPip"))
    leerroute = pip.get("leerroute")
    niveau = pip.get("niveau")
    pips = persoon.get("pips") or []

    plicht_start = parse_datum((persoon.get("inburgeringsplicht") or {}).get("begindatum"))
    if dagtekening and plicht_start and dagtekening < plicht_start:
        fouten.append(
            "De datum dagtekening van het PIP ligt voor de start van de inburgeringsplicht."
        )
    vestiging = parse_datum(persoon.get("vestigingsdatum"))
    if (
        dagtekening
        and vestiging
        and persoon.get("woongemeenteOin") == bron
        and dagtekening < vestiging
    ):
        fouten.append(
            "De datum dagtekening van het PIP ligt voor de vestiging van de inburgeraar "
            "bij de gemeente."
        )
    if dagtekening and pips:
        initieel = parse_datum(pips[0]["pip"]["dagtekeningPip"])
        actueel = parse_datum(pips[-1]["pip"]["dagtekeningPip"])
        if dagtekening < initieel or dagtekening < actueel:
            fouten.append(
                "De datum dagtekening van het gewijzigde PIP ligt voor de datum dagtekening van "
                "het initiële PIP of van het actuele PIP."
            )
    if leerroute == "O" and niveau == "A2":
        fouten.append("Niveau A2 mag niet in combinatie met de onderwijsroute worden aangeleverd.")
    if leerroute == "Z" and niveau == "B1":
        fouten.append("Niveau B1 mag niet in combinatie met de Z-route worden aangeleverd.")
    if leerroute == "B" and niveau == "A2" and not pips:
        fouten.append(
            "Niveau A2 mag niet in combinatie met de B1-route worden aangeleverd bij het eerste "
            "PIP van deze persoon."
        )
    if "geschatteIntensiteitB1Route" in pip:
        if leerroute != "B":
            fouten.append(
                "Geschatte intensiteit B1-route mag alleen bij de B1-route worden aangeleverd."
            )
        if not is_asiel(persoon):
            fouten.append(
                "Geschatte intensiteit B1-route mag alleen bij een asielstatushouder worden "
                "aangeleverd."
            )
        waarde = pip["geschatteIntensiteitB1Route"]
        if not isinstance(waarde, int) or isinstance(waarde, bool) or not 1 <= waarde <= 9999:
            fouten.append("Geschatte intensiteit B1-route moet tussen 1 en 9999 uur liggen.")
    return fouten


def pip_normaliseren(pip: dict) -> dict:
    """A missing level becomes B1 for the B1-route and the onderwijsroute."""
    uit = dict(pip)
    if "niveau" not in uit and uit.get("leerroute") in ("B", "O"):
        uit["niveau"] = "B1"
    return uit


def pip_verwijderen_fouten(persoon: dict, bron: str) -> list[str]:
    fouten = []
    actueel = huidige_pip(persoon)
    if actueel and actueel["gemeenteOin"] != bron:
        fouten.append("Alleen de gemeente van het actuele PIP kan dit PIP verwijderen.")
    if persoon.get("termijn"):
        fouten.append(
            "Het PIP kan niet worden verwijderd: de inburgeringstermijn is al vastgesteld."
        )
    if any(
        (u.get("ParticipatieAlsTaalles") or {}).get("uren", 0) > 0
        for u in (persoon.get("uren") or {}).values()
    ):
        fouten.append(
            "Het PIP kan niet worden verwijderd: er zijn al cursusdeelnameuren geregistreerd."
        )
    return fouten


# --- Inburgeringsaanbod -----------------------------------------------------------------------
AANBOD_DATUMS = {
    "datumInburgeringsaanbod": "datum inburgeringsaanbod",
    "verwachteStartdatumOpleiding": "verwachte startdatum opleiding",
    "verwachteEinddatumOpleiding": "verwachte einddatum opleiding",
}


def aanbod_fouten(persoon: dict, instelling: dict | None, aanbod: dict) -> list[str]:
    fouten: list[str] = []
    if not is_asiel(persoon):
        fouten.append(
            "Een inburgeringsaanbod kan alleen voor een asielstatushouder worden geregistreerd."
        )
    actueel = huidige_pip(persoon)
    if not actueel:
        fouten.append("De persoon heeft geen PIP; registreer eerst het PIP.")
    if instelling is None:
        fouten.append("De instelling is niet bekend bij DUO als erkende cursusinstelling.")
    else:
        onderwijsroute = bool(actueel) and actueel["pip"].get("leerroute") == "O"
        bow = bool(instelling.get("indicatieBowKeurmerk"))
        tst = bool(instelling.get("indicatieTstKeurmerk"))
        if not (bow or (tst and onderwijsroute)):
            if onderwijsroute:
                fouten.append(
                    "De instelling heeft geen Blik op Werk-keurmerk en is geen erkende "
                    "taalschakelinstelling (TST)."
                )
            else:
                fouten.append("De instelling heeft geen Blik op Werk-keurmerk.")

    datums = {veld: parse_datum(aanbod.get(veld)) for veld in AANBOD_DATUMS}
    if actueel:
        dagtekening = parse_datum(actueel["pip"]["dagtekeningPip"])
        for veld, label in AANBOD_DATUMS.items():
            if datums[veld] and datums[veld] < dagtekening:
                fouten.append(f"De {label} ligt voor de datum dagtekening van het actuele PIP.")
    aanmelding = datums["datumInburgeringsaanbod"]
    start = datums["verwachteStartdatumOpleiding"]
    eind = datums["verwachteEinddatumOpleiding"]
    if start and aanmelding and start < aanmelding:
        fouten.append("De verwachte startdatum opleiding ligt voor de datum inburgeringsaanbod.")
    if start and eind and eind < start:
        fouten.append(
            "De verwachte einddatum opleiding ligt voor de verwachte startdatum opleiding."
        )
    termijn = termijn_data(persoon)
    if termijn:
        t_start, t_eind = termijn
        if start and not t_start <= start < t_eind:
            fouten.append("De verwachte startdatum opleiding ligt buiten de inburgeringstermijn.")
        if eind and not t_start < eind <= t_eind:
            fouten.append("De verwachte einddatum opleiding ligt buiten de inburgeringstermijn.")
    return fouten


# --- MAP and PVT ---------------------------------------------------------------------------------
MAP_PVT = {
    "map": ("datumEindgesprekMap", "datum eindgesprek MAP"),
    "pvt": ("datumOndertekeningPvt", "datum ondertekening PVT"),
}


def map_pvt_fouten(persoon: dict, soort: str, body: dict, bron: str, vandaag: date) -> list[str]:
    """The same rules for MAP (eindgesprek) and PVT (ondertekening), from DUO's README."""
    veld, label = MAP_PVT[soort]
    fouten: list[str] = []
    datum = parse_datum(body.get(veld))
    verwijtbaar = body.get("verwijtbaar")

    bestaand = persoon.get(soort)
    if bestaand and bestaand.get("gemeenteOin") != bron:
        fouten.append(f"Bij een wijziging moet de {label} eerder door uw gemeente zijn geleverd.")
    actueel = huidige_pip(persoon)
    if not actueel or actueel["gemeenteOin"] != bron:
        fouten.append("Uw gemeente heeft geen actueel PIP voor deze inburgeraar.")
    zroute = parse_datum((persoon.get("zroute") or {}).get("datumAfrondingZroute"))
    plicht = persoon.get("inburgeringsplicht") or {}
    if zroute and plicht.get("redenGeenInburgeringsplicht") == "Inburgeringsplicht voldaan":
        fouten.append("De inburgeringsplicht is al voldaan via de Z-route.")

    termijn = termijn_data(persoon)
    if datum:
        if termijn is None:
            fouten.append(
                f"De {label} kan niet worden geleverd: er is nog geen inburgeringstermijn."
            )
        elif datum < termijn[0]:
            fouten.append(f"De {label} ligt voor de startdatum van de inburgeringstermijn.")
        if zroute and datum > zroute:
            fouten.append(f"De {label} ligt na de datum afronding Z-route.")
        if datum > vandaag:
            fouten.append(f"De {label} ligt in de toekomst.")
    elif zroute:
        fouten.append(
            f"De {label} mag niet leeg zijn als de datum afronding Z-route is geregistreerd."
        )

    if termijn:
        eind = termijn[1]
        overschreden = (datum >= eind) if datum else (vandaag >= eind)
        if verwijtbaar is None and overschreden:
            fouten.append(
                "'Verwijtbaar' ontbreekt, terwijl de inburgeringstermijn is overschreden."
            )
        if verwijtbaar is not None and datum and datum < eind:
            fouten.append(
                f"'Verwijtbaar' mag niet worden geleverd als de {label} voor de einddatum van de "
                "inburgeringstermijn ligt."
            )
        if verwijtbaar == "Nee" and vandaag < maanden_erbij(eind, -2):
            fouten.append(
                "'Verwijtbaar' mag alleen 'Nee' zijn als de einddatum van de inburgeringstermijn "
                "binnen twee maanden valt."
            )
        if verwijtbaar == "Ja" and not overschreden:
            fouten.append(
                "'Verwijtbaar' mag alleen 'Ja' zijn als de inburgeringstermijn is overschreden."
            )
    elif verwijtbaar is not None:
        fouten.append("'Verwijtbaar' kan niet worden geleverd: er is nog geen inburgeringstermijn.")
    return fouten


def zroute_fouten(persoon: dict, body: dict, bron: str, vandaag: date) -> list[str]:
    """Z-route completion. DUO's README gives no rules; these are inferred (own PIP with route Z,
    not in the future, not before the term)."""
    fouten: list[str] = []
    actueel = huidige_pip(persoon)
    if not actueel or actueel["gemeenteOin"] != bron:
        fouten.append("Uw gemeente heeft geen actueel PIP voor deze inburgeraar.")
    elif actueel["pip"].get("leerroute") != "Z":
        fouten.append("De datum afronding Z-route kan alleen bij een PIP met de Z-route.")
    datum = parse_datum(body.get("datumAfrondingZroute"))
    if datum:
        if datum > vandaag:
            fouten.append("De datum afronding Z-route ligt in de toekomst.")
        termijn = termijn_data(persoon)
        if termijn and datum < termijn[0]:
            fouten.append(
                "De datum afronding Z-route ligt voor de startdatum van de inburgeringstermijn."
            )
    return fouten
