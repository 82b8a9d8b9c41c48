"""DUO's list of recognised institutions (Inburgeringsaanbod API ``GET /instellingen``).

Messages to DUO (the aanbod, the hours) are not shaped here: ``services`` states the facts
through ``core.keten.uitgaand``; the DUO integration owns DUO's formats.
"""

from openinburgering.core.keten import raadplegen


def instelling_uit_duo(gegevens: dict) -> dict:
    """One item of ``GET /instellingen`` (schema ``Instelling``) as fields of our ``Instelling``."""
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
    """DUO's list, asked through ``core.keten``, as DUO's JSON field names (so
    :func:`instelling_uit_duo` reads this, a file or a fixture in DUO's format alike)."""
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
        for i in raadplegen.raadpleging().instellingen(gemeente=gemeente)
    ]
