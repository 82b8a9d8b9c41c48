"""Fictional people for demos and tests: invented names and generated, 11-proef-valid BSNs."""

import hashlib
import random
from datetime import date, timedelta

VOORNAMEN = [
    "Amira",
    "Yonas",
    "Lina",
    "Samir",
    "Noor",
    "Dawit",
    "Hana",
    "Omar",
    "Selam",
    "Rami",
    "Oksana",
    "Taras",
    "Mariam",
    "Yusuf",
    "Aster",
    "Bilal",
    "Rahel",
    "Karim",
    "Iryna",
    "Tesfay",
    "Layla",
    "Hamza",
    "Senait",
    "Dmytro",
    "Farah",
    "Nabil",
    "Miriam",
    "Adil",
    "Zahra",
    "Elias",
]
ACHTERNAMEN = [
    "Testpersoon",
    "Voorbeeldvrouw",
    "Demoman",
    "Fictief",
    "Proefdijk",
    "Oefenberg",
    "Verzinsel",
    "Schijnhoven",
    "Nepstra",
    "Denkbeeld",
    "Modelaar",
    "Proefhout",
    "Droomveld",
    "Fantasma",
    "Bedenkelaar",
    "Sjabloon",
    "Steekproef",
    "Testerveld",
    "Demostra",
    "Verbeeldink",
]
# ISO 3166-1 alpha-2 codes, as regels.plicht needs them.
NATIONALITEITEN = ["SY", "ER", "UA", "TR", "AF", "MA", "IR", "YE"]
TALEN = ["Arabisch", "Tigrinya", "Oekraïens", "Turks", "Dari", "Tamazight", "Farsi", "Engels"]


def genereer_bsn(rng: random.Random) -> str:
    """A random nine-digit number that passes the 11-proef (fictional: generated, not looked up)."""
    while True:
        cijfers = [rng.randint(0, 9) for _ in range(8)]
        if cijfers[0] == 0:
            continue
        # The 11-proef weighs the digits 9..2 and the last one -1: the sum must divide by 11.
        laatste = sum(c * w for c, w in zip(cijfers, range(9, 1, -1), strict=True)) % 11
        if laatste <= 9:
            return "".join(map(str, cijfers)) + str(laatste)


#: Invented streets for demo addresses (letters need one); postcodes in the unused 99xx range.
STRATEN = ["Kastanjelaan", "Molenweg", "Havenstraat", "Lindeplein", "Beukenhof", "Dijkstraat"]


def genereer_adres(sleutel: str, *, woonplaats: str = "Demodam") -> dict:
    """A fictional address derived from ``sleutel``, so the person's other random data stay
    the same with or without it."""
    n = int(hashlib.sha256(sleutel.encode()).hexdigest()[:8], 16)
    return {
        "straat_huisnummer": f"{STRATEN[n % len(STRATEN)]} {n % 97 + 1}",
        "postcode": f"99{n % 90 + 10:02d} {chr(65 + n % 26)}{chr(65 + n // 26 % 26)}",
        "woonplaats": woonplaats,
    }


def genereer_persoon(rng: random.Random, *, peildatum: date) -> dict:
    geboren = peildatum - timedelta(days=rng.randint(18 * 365 + 5, 64 * 365))
    persoon = {
        "voornamen": rng.choice(VOORNAMEN),
        "achternaam": rng.choice(ACHTERNAMEN),
        "geboortedatum": geboren,
        "nationaliteit": rng.choice(NATIONALITEITEN),
        "talen": ", ".join(sorted(set(rng.sample(TALEN, k=rng.randint(1, 2))))),
        "vnummer": "".join(str(rng.randint(0, 9)) for _ in range(10)),
        "telefoon": "06" + "".join(str(rng.randint(0, 9)) for _ in range(8)),
    }
    return {**persoon, **genereer_adres(persoon["vnummer"])}
