"""The messages this app sends to DUO, shaped exactly as DUO's OpenAPI files describe them.

- Inburgeringsaanbod API: ``POST /personen/{bsn}/Inburgeringsaanbod/{instellingsnummer}``
  (schema ``Inburgeringsaanbod``) and ``GET /instellingen`` (schema ``Instelling``).
- Gevolgde Uren API: ``PUT /personen/{bsn}/uren/participatietaalles`` (``ParticipatieAlsTaalles``).

Paths keep ``{bsn}`` as a template: the DUO outbox fills it in only when it sends. The functions
here are pure; ``services`` writes them to the outbox in the caller's transaction.
"""

from dataclasses import dataclass, field

AANBOD_PAD = "/personen/{bsn}/Inburgeringsaanbod/{instellingsnummer}"
UREN_PAD = "/personen/{bsn}/uren/participatietaalles"


@dataclass(frozen=True)
class Bericht:
    soort: str  # the DUO outbox's MeldingSoort value
    methode: str
    pad: str
    inhoud: dict | None
    pad_parameters: dict = field(default_factory=dict)


def aanbod_bericht(verwijzing) -> Bericht:
    """R36–R38 are checked before this is called; this only shapes the message."""
    inhoud = {
        "datumInburgeringsaanbod": verwijzing.datum_inburgeringsaanbod.isoformat(),
        "verwachteStartdatumOpleiding": verwijzing.verwachte_startdatum.isoformat(),
        "indicatorAlfabetiseringsonderwijs": verwijzing.alfabetisering,
    }
    if verwijzing.verwachte_einddatum is not None:
        inhoud["verwachteEinddatumOpleiding"] = verwijzing.verwachte_einddatum.isoformat()
    return Bericht(
        soort="aanbod_registreren",
        methode="POST",
        pad=AANBOD_PAD,
        inhoud=inhoud,
        pad_parameters={"instellingsnummer": verwijzing.instelling.instellingsnummer},
    )


def uren_bericht(uren: int) -> Bericht:
    """The person's total language and KNM hours at course providers (R68)."""
    return Bericht(
        soort="uren_participatie_taalles", methode="PUT", pad=UREN_PAD, inhoud={"uren": uren}
    )


def instelling_uit_duo(gegevens: dict) -> dict:
    """One item of ``GET /instellingen`` as fields of our ``Instelling``."""
    return {
        "instellingsnummer": gegevens["instellingsnummer"],
        "naam": gegevens["naam"],
        "postcode": gegevens["postcode"],
        "huisnummer": gegevens["huisnummer"],
        "huisnummertoevoeging": gegevens.get("huisnummertoevoeging", ""),
        "plaatsnaam": gegevens["plaatsnaam"],
        "bow_nummer": gegevens.get("bow", ""),
        "brin": gegevens.get("brin", ""),
        "keurmerk_bow": bool(gegevens.get("indicatieBowKeurmerk", False)),
        "keurmerk_tst": bool(gegevens.get("indicatieTstKeurmerk", False)),
    }


def instellingen_ophalen(gemeente) -> list[dict]:
    """DUO's list of recognised institutions, through the DUO integration's client.

    Returns the items as DUO's JSON field names, so :func:`instelling_uit_duo` reads both this
    and a file or fixture in DUO's format.
    """
    from openinburgering.integrations.duo.client import InburgeringsaanbodClient

    return [
        {
            "instellingsnummer": i.instellingsnummer,
            "naam": i.naam,
            "postcode": i.postcode,
            "huisnummer": i.huisnummer,
            "huisnummertoevoeging": i.huisnummertoevoeging,
            "plaatsnaam": i.plaatsnaam,
            "bow": i.bow,
            "brin": i.brin,
            "indicatieBowKeurmerk": i.keurmerk_bow,
            "indicatieTstKeurmerk": i.keurmerk_tst,
        }
        for i in InburgeringsaanbodClient(gemeente).instellingen()
    ]
