"""A realistic flow against a running simulator and application, for demos.

Seeds a few fictional newcomers (generated 11-proef-valid BSNs in the test range 9999xxxxx,
invented names), sends SS101 and SS139 (the 10-week term to set the PIP starts), SS137 and SS131
(learnability test registered / result known), and once the gemeente has registered a PIP at the
simulator: SS102 (term started) and SS199 (exam result). It keeps going when the application does
not process events yet, and prints what it sent and what came back.

    python -m openinburgering.duo_simulator scenario --gemeente-oin OIN [--aantal 5] [--wacht 60]
"""

import argparse
import json
import random
import sys
import time
import urllib.error
import urllib.request
from datetime import date, timedelta

from .bsn import genereer_bsn

VOORNAMEN = (
    "Amira", "Berhane", "Dilan", "Farah", "Goitom", "Hasan", "Ilham", "Jamal", "Kidane", "Layla",
    "Mehmet", "Nour", "Omid", "Rahel", "Samir", "Tesfay", "Yara", "Zainab",
)  # fmt: skip
ACHTERNAMEN = (
    "Abrehet", "Bakari", "Darwish", "Eskander", "Ghebre", "Haddad", "Idris", "Khalil", "Mansour",
    "Nasser", "Osman", "Rahimi", "Saleh", "Tekle", "Yousef", "Zaher",
)  # fmt: skip
ONDERDELEN = ("KNM", "LE", "LU", "SC", "SP")
STRATEN = ("Kastanjelaan", "Molenweg", "Havenstraat", "Lindeplein", "Beukenhof", "Dijkstraat")


class SimulatorFout(RuntimeError):
    pass


class Client:
    def __init__(self, url: str, timeout: float = 15.0):
        self.url = url.rstrip("/")
        self.timeout = timeout

    def aanroep(self, methode: str, pad: str, body=None):
        data = json.dumps(body).encode() if body is not None else None
        verzoek = urllib.request.Request(
            self.url + pad, data=data, method=methode, headers={"Content-Type": "application/json"}
        )
        try:
            with urllib.request.urlopen(verzoek, timeout=self.timeout) as antwoord:  # noqa: S310
                return antwoord.status, json.loads(antwoord.read() or b"null")
        except urllib.error.HTTPError as fout:
            inhoud = fout.read()
            try:
                return fout.code, json.loads(inhoud or b"null")
            except ValueError:
                return fout.code, inhoud.decode(errors="replace")
        except (urllib.error.URLError, OSError) as fout:
            raise SimulatorFout(f"simulator niet bereikbaar op {self.url}: {fout}") from fout


# What each notification means, in the words the gemeente's timeline uses.
BETEKENIS = {
    "SS101": "inburgeringsplichtig",
    "SS139": "termijn van 10 weken voor het PIP gestart",
    "SS137": "aangemeld voor de leerbaarheidstoets",
    "SS131": "uitslag leerbaarheidstoets bekend",
    "SS102": "inburgeringstermijn gestart",
    "SS199": "examenuitslag bekend",
}


def _uit(tekst: str) -> None:
    print(tekst, flush=True)


def _kort(antwoord) -> str:
    tekst = antwoord if isinstance(antwoord, str) else json.dumps(antwoord, ensure_ascii=False)
    return tekst if len(tekst) <= 160 else tekst[:157] + "..."


def _wie(persoon: dict) -> str:
    """How the gemeente's caseload shows the person: DUO's notifications carry no name."""
    return f"V-nummer {persoon['vNummer']}" if persoon.get("vNummer") else "(zonder V-nummer)"


class Scenario:
    def __init__(
        self,
        sim: Client,
        gemeente_url: str,
        gemeente_oin: str,
        rng: random.Random,
        *,
        brp: Client | None = None,
        gemeentecode: str | None = None,
        gemeentenaam: str = "Demodam",
    ):
        self.sim = sim
        self.gemeente_url = gemeente_url
        self.gemeente_oin = gemeente_oin
        self.rng = rng
        #: The BRP stand-in (``python -m openinburgering.brp_simulator``): it learns each new
        #: person's name, birth date and address before DUO announces them.
        self.brp = brp
        self.gemeentecode = gemeentecode
        self.gemeentenaam = gemeentenaam
        self.verstuurd: list[tuple[str, str, object]] = []
        self.fouten: list[str] = []

    def vandaag(self) -> date:
        _, klok = self.sim.aanroep("GET", "/_sim/klok")
        return date.fromisoformat(klok["vandaag"])

    def notificeer(self, gebeurtenis: str, persoon: dict) -> None:
        status, antwoord = self.sim.aanroep(
            "POST",
            "/_sim/notificaties",
            {
                "gebeurtenisId": gebeurtenis,
                "bsn": persoon["bsn"],
                "doelGemeenteOin": self.gemeente_oin,
                "gemeenteUrl": self.gemeente_url,
            },
        )
        if status == 200 and 200 <= (antwoord["status"] or 0) < 300:
            uitkomst = f"aangenomen ({antwoord['status']})"
            gemeente_status = antwoord["status"]
        elif status == 200:
            uitkomst = f"GEWEIGERD door de gemeente ({antwoord['status']}): "
            uitkomst += _kort(antwoord["antwoord"])
            gemeente_status = antwoord["status"]
        elif status == 502:
            uitkomst = f"NIET AFGELEVERD: {_kort(antwoord['antwoord'])}"
            gemeente_status = None
        else:
            uitkomst = f"simulator weigerde ({status}): {_kort(antwoord)}"
            gemeente_status = None
        regel = f"  {gebeurtenis} ({BETEKENIS.get(gebeurtenis, gebeurtenis)}), {_wie(persoon)}"
        _uit(f"{regel}: {uitkomst}")
        if gemeente_status is None or not 200 <= gemeente_status < 300:
            self.fouten.append(f"{regel}: {uitkomst}")
        self.verstuurd.append((gebeurtenis, persoon["bsn"], gemeente_status))

    def nieuwe_persoon(self, vandaag: date, index: int) -> dict:
        plicht = vandaag - timedelta(days=self.rng.randint(20, 60))
        gedetailleerd = "Gezinsvormer" if index % 4 == 3 else "Asielstatushouder"
        invoer = {
            "bsn": genereer_bsn(self.rng),
            "vNummer": self.rng.randint(1_000_000_000, 9_999_999_999),
            "naam": f"{self.rng.choice(VOORNAMEN)} {self.rng.choice(ACHTERNAMEN)}",
            "gedetailleerdeDoelgroep": gedetailleerd,
            "woongemeenteOin": self.gemeente_oin,
            "vestigingsdatum": (plicht + timedelta(days=self.rng.randint(0, 10))).isoformat(),
            "plichtBegindatum": plicht.isoformat(),
            "datumKennisgeving": plicht.isoformat(),
            "lbt": {"examennummer": f"LBT{self.rng.randint(100000, 999999)}"},
            "gratisPogingen": [{"onderdeel": o, "gratisPogingenTegoed": 3} for o in ONDERDELEN],
        }
        status, persoon = self.sim.aanroep("POST", "/_sim/personen", invoer)
        if status not in (200, 201):
            raise SimulatorFout(f"persoon aanmaken mislukt ({status}): {_kort(persoon)}")
        extra = self.in_de_brp(invoer, index, vestiging=invoer["vestigingsdatum"])
        _uit(f"  {_wie(persoon)}: {gedetailleerd.lower()}, plichtig sinds {plicht:%d-%m-%Y}{extra}")
        return persoon

    def in_de_brp(self, invoer: dict, index: int, *, vestiging: str) -> str:
        """The person in the BRP stand-in, with the name DUO's seed gave them; the third one's
        address is under investigation (a letter shows a warning)."""
        if self.brp is None:
            return ""
        eigen = random.Random(invoer["bsn"])  # the DUO part of the run stays as it was
        voornaam, achternaam = invoer["naam"].split(" ", 1)
        persoon = {
            "bsn": invoer["bsn"],
            "voornamen": voornaam,
            "geslachtsnaam": achternaam,
            "geboortedatum": date(
                eigen.randint(1965, 2004), eigen.randint(1, 12), eigen.randint(1, 28)
            ).isoformat(),  # fmt: skip
            "adres": {
                "straat": eigen.choice(STRATEN),
                "huisnummer": eigen.randint(1, 120),
                "postcode": f"99{eigen.randint(10, 99)} {chr(65 + eigen.randint(0, 25))}"
                f"{chr(65 + eigen.randint(0, 25))}",
                "woonplaats": self.gemeentenaam,
            },
            "datumInschrijvingInGemeente": vestiging,
        }
        if self.gemeentecode:
            persoon["gemeenteVanInschrijving"] = {
                "code": self.gemeentecode, "omschrijving": self.gemeentenaam
            }  # fmt: skip
        if index == 2:
            persoon["adresInOnderzoek"] = vestiging
        status, antwoord = self.brp.aanroep("POST", "/_sim/personen", persoon)
        if status not in (200, 201):
            raise SimulatorFout(f"persoon in de BRP-stand-in mislukt ({status}): {_kort(antwoord)}")
        return f"; in de BRP: {invoer['naam']}" + (" (adres in onderzoek)" if index == 2 else "")

    def lbt_uitslag(self, persoon: dict, vandaag: date) -> None:
        score = self.rng.randint(18, 40)
        resultaat = {
            "resultaat": "B1-route haalbaar" if score >= 28 else "B1-route niet haalbaar",
            "behaaldeScore": f"{score},00",
            "benodigdeScore": "28,00",
            "datumAfname": vandaag.isoformat(),
        }
        self.sim.aanroep(
            "POST", "/_sim/personen", {"bsn": persoon["bsn"], "lbt": {"resultaten": [resultaat]}}
        )

    def examenuitslag(self, persoon: dict, vandaag: date) -> None:
        _, staat = self.sim.aanroep("GET", f"/_sim/personen/{persoon['bsn']}")
        resultaten = list(staat.get("examenresultaten") or [])
        resultaten.append(
            {"examendatum": vandaag.isoformat(), "resultaat": "Geslaagd", "onderdeel": "KNM"}
        )
        self.sim.aanroep(
            "POST", "/_sim/personen", {"bsn": persoon["bsn"], "examenresultaten": resultaten}
        )

    def start(self, aantal: int) -> list[dict]:
        vandaag = self.vandaag()
        _uit(f"\nDUO kent {aantal} nieuwe inburgeraars in deze gemeente:")
        personen = [self.nieuwe_persoon(vandaag, i) for i in range(aantal)]
        _uit("\nDUO meldt de inburgeringsplicht en de start van de 10-wekentermijn voor het PIP:")
        for persoon in personen:
            self.notificeer("SS101", persoon)
            self.notificeer("SS139", persoon)
        _uit("\nLeerbaarheidstoets: aangemeld en afgenomen:")
        for persoon in personen:
            self.notificeer("SS137", persoon)
            self.lbt_uitslag(persoon, vandaag)
            self.notificeer("SS131", persoon)
        return personen

    def wachtend_op_vervolg(self) -> list[dict]:
        """People DUO announced to this gemeente (SS101) whose PIP DUO now has, but who did not
        hear SS102 yet: the gemeente set their PIP since an earlier run."""
        _, lijst = self.sim.aanroep("GET", f"/_sim/personen?gemeente={self.gemeente_oin}")
        _, verstuurd = self.sim.aanroep("GET", f"/_sim/notificaties?doel={self.gemeente_oin}")
        per_soort: dict[str, set] = {}
        for n in verstuurd:
            per_soort.setdefault(n["gebeurtenisId"], set()).add(n["body"].get("bsn"))
        uit = []
        for p in lijst:
            gemeld = p["bsn"] in per_soort.get("SS101", set())
            if p["heeftPip"] and gemeld and p["bsn"] not in per_soort.get("SS102", set()):
                _, staat = self.sim.aanroep("GET", f"/_sim/personen/{p['bsn']}")
                uit.append(staat)
        return uit

    def vervolg(self, personen: list[dict], wacht: float) -> tuple[list[dict], list[dict]]:
        """SS102 and SS199 for each person with a PIP at DUO; waits at most ``wacht`` seconds
        for the others. Returns (done, still without PIP)."""
        open_ = {p["bsn"]: p for p in personen}
        klaar: list[dict] = []
        einde = time.monotonic() + wacht
        if open_ and wacht > 0:
            _uit(f"\nWachten (max. {wacht:.0f} s) tot de gemeente een PIP registreert bij DUO...")
        while open_:
            for bsn, persoon in list(open_.items()):
                _, staat = self.sim.aanroep("GET", f"/_sim/personen/{bsn}")
                if staat.get("pips") and staat.get("termijn"):
                    termijn = staat["termijn"]
                    _uit(
                        f"\nPIP van {_wie(persoon)} is bij DUO geregistreerd; "
                        f"inburgeringstermijn {termijn['startdatum']} t/m {termijn['einddatum']} "
                        "(exclusief):"
                    )
                    self.notificeer("SS102", persoon)
                    self.examenuitslag(persoon, self.vandaag())
                    self.notificeer("SS199", persoon)
                    klaar.append(persoon)
                    del open_[bsn]
            if not open_ or time.monotonic() >= einde:
                break
            time.sleep(1.0)
        return klaar, list(open_.values())


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m openinburgering.duo_simulator scenario",
        description="Speelt een realistisch verloop tegen een draaiende simulator en applicatie.",
    )
    p.add_argument("--gemeente-url", default="http://127.0.0.1:8000")
    p.add_argument("--gemeente-oin", required=True, help="OIN van de gemeente (20 cijfers)")
    p.add_argument("--gemeentecode", help="gemeentecode (4 cijfers) voor GET PIP en uren")
    p.add_argument("--simulator-url", default="http://127.0.0.1:8001")
    p.add_argument("--aantal", type=int, default=5)
    p.add_argument(
        "--wacht",
        type=float,
        default=0.0,
        help="seconden wachten tot de gemeente een PIP registreert (standaard 0: dat doet een "
        "klantregisseur, later; een volgende run stuurt dan SS102 en SS199)",
    )
    p.add_argument(
        "--vervolg",
        action="store_true",
        help="geen nieuwe personen; alleen SS102/SS199 voor eerder gemelde personen met een PIP",
    )
    p.add_argument("--seed", type=int, help="vaste random seed (reproduceerbaar)")
    p.add_argument(
        "--brp-url",
        help="URL van de BRP-stand-in (bv. http://127.0.0.1:8002): de nieuwe personen komen daar "
        "eerst in, zodat de gemeente hun naam, geboortedatum en adres uit de BRP haalt",
    )
    p.add_argument("--gemeentenaam", default="Demodam", help="woonplaats en gemeente in de BRP")
    return p


def _samenvatting(args, scenario: Scenario, nieuw, klaar, zonder_pip) -> None:
    _uit("\n=== Samenvatting ===")
    if scenario.fouten:
        _uit(
            f"LET OP: {len(scenario.fouten)} van {len(scenario.verstuurd)} notificaties kwamen "
            "niet aan of werden geweigerd:"
        )
        for fout in scenario.fouten:
            _uit(fout)
        _uit("Draait `make demo` (met dezelfde PORT en SIMULATOR_PORT)?")
    elif scenario.verstuurd:
        _uit(f"DUO stuurde {len(scenario.verstuurd)} notificaties; de gemeente nam ze alle aan.")
    else:
        _uit("Er viel niets te melden: geen nieuwe personen en geen PIP's die op DUO wachten.")
    basis = args.gemeente_url.rstrip("/")
    if nieuw and args.brp_url:
        nummers = ", ".join(str(p["vNummer"]) for p in nieuw)
        _uit(
            f"\n{len(nieuw)} nieuwe inburgeraars (V-nummers {nummers}). Wat u nu ziet, ingelogd "
            "als klantregisseur (wachtwoord demo-wachtwoord-2026):\n"
            f"  - {basis}/inburgeraars/ : de nieuwe dossiers met naam, geboortedatum en adres uit "
            "de BRP (de gemeente haalde ze op\n    bij de melding van DUO; de tijdlijn zegt dat). "
            "Bij de derde staat het adres in onderzoek:\n    het dossier en elke brief "
            "waarschuwen daarvoor.\n"
            f"  - {basis}/werklijst/ (Niet toegewezen): per persoon ‘PIP vaststellen binnen 10 "
            "weken’ (SS139) en ‘Brede intake afronden’.\n"
            f"  - {basis}/koppeling/duo/werkitems/ : per persoon ‘Uitslag leerbaarheidstoets "
            "verwerken in het PIP’.\n"
            "  - de tijdlijn van elk dossier: de meldingen van DUO hierboven, met de uitslag van "
            "de leerbaarheidstoets."
        )
    elif nieuw:
        nummers = ", ".join(str(p["vNummer"]) for p in nieuw)
        _uit(
            f"\n{len(nieuw)} nieuwe inburgeraars (V-nummers {nummers}). Wat u nu ziet, ingelogd "
            "als klantregisseur (wachtwoord demo-wachtwoord-2026):\n"
            f"  - {basis}/inburgeraars/ : de nieuwe dossiers met V-nummer en ‘Naam nog onbekend’; "
            "status ‘Brede intake’\n    zodra de gemeente de uitslag van de leerbaarheidstoets "
            "(SS131) heeft verwerkt.\n"
            "    DUO geeft geen naam door (ADR 0041): de klantregisseur vult naam en geboortedatum "
            "aan (uit de BRP)\n    via ‘Gegevens wijzigen’; daarna kan de intake en het PIP.\n"
            f"  - {basis}/werklijst/ (Niet toegewezen): per persoon ‘PIP vaststellen binnen 10 "
            "weken’ (SS139) en ‘Brede intake afronden’.\n"
            f"  - {basis}/koppeling/duo/werkitems/ : per persoon ‘Naam en geboortedatum "
            "aanvullen’ en ‘Uitslag leerbaarheidstoets verwerken in het PIP’.\n"
            "  - de tijdlijn van elk dossier: de meldingen van DUO hierboven, met de uitslag van "
            "de leerbaarheidstoets."
        )
    if klaar:
        _uit(
            f"\n{len(klaar)} personen kregen hun inburgeringstermijn (SS102) en een examenuitslag "
            f"(SS199): zie hun tijdlijn en {basis}/koppeling/duo/ (beheer, inloggen als beheer)."
        )
    if zonder_pip:
        _uit(
            f"\nVolgende stap: stel als klantregisseur voor {len(zonder_pip)} nieuwe personen het "
            "PIP vast (na naam, intake en leerbaarheidstoets). De gemeente meldt het PIP aan DUO; "
            "draai daarna `make demo-scenario` opnieuw: DUO stuurt dan de start van de "
            "inburgeringstermijn (SS102) en een examenuitslag (SS199)."
        )


def main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    if not (len(args.gemeente_oin) == 20 and args.gemeente_oin.isdigit()):
        print("--gemeente-oin moet 20 cijfers zijn", file=sys.stderr)
        return 2
    sim = Client(args.simulator_url)
    scenario = Scenario(
        sim,
        args.gemeente_url,
        args.gemeente_oin,
        random.Random(args.seed),
        brp=Client(args.brp_url) if args.brp_url else None,
        gemeentecode=args.gemeentecode,
        gemeentenaam=args.gemeentenaam,
    )
    try:
        status, info = sim.aanroep("GET", "/_sim/status")
        if status != 200:
            raise SimulatorFout(f"onverwacht antwoord van /_sim/status: {status}")
        _uit(f"DUO-simulator op {args.simulator_url}; gemeente {args.gemeente_url}")
        if args.gemeentecode:
            sim.aanroep(
                "POST",
                "/_sim/gemeenten",
                {"oin": args.gemeente_oin, "gemeentecode": args.gemeentecode},
            )
        eerder = scenario.wachtend_op_vervolg()
        klaar: list[dict] = []
        if eerder:
            _uit(f"\n{len(eerder)} eerder gemelde personen hebben nu een PIP bij DUO:")
            klaar, _ = scenario.vervolg(eerder, 0)
        nieuw = [] if args.vervolg else scenario.start(args.aantal)
        klaar_nu, zonder_pip = scenario.vervolg(nieuw, args.wacht)
    except SimulatorFout as fout:
        print(f"FOUT: {fout}", file=sys.stderr)
        return 2
    _samenvatting(args, scenario, nieuw, klaar + klaar_nu, zonder_pip)
    return 0
