"""The public specifications the project works against, carried in the repository.

Each folder holds an unchanged copy with its source line (``SOURCE.md``) and a checksum manifest
(``SHA256SUMS``), so that a plain clone, an editable install and a wheel need nothing beside the
repository. ``duo_simulator`` finds the DUO folder on its own (it imports nothing from the product).
"""

from pathlib import Path

MAP = Path(__file__).resolve().parent

#: DUO's OpenAPI files for the gemeente exchange, one folder per API (``<API>/openapi.yml``).
DUO_M2M = MAP / "duo-m2m"

#: The BRP API Personen (Haal Centraal, RvIG).
BRP = MAP / "brp"
BRP_PERSONEN = BRP / "brp-api-personen-2.7.0.yaml"

#: DUO's fifteen APIs, as folder names under ``DUO_M2M``.
DUO_APIS = (
    "Boete",
    "Contactpersoon",
    "Examen",
    "Gebeurtenis",
    "GevolgdeUren",
    "Inburgeringsaanbod",
    "Inburgeringsplicht",
    "Inburgeringstermijn",
    "Leerbaarheidstoets",
    "MAP-PVT-Zroute",
    "Notificatie",
    "Ontheffing",
    "PIP",
    "Verlenging",
    "Vrijstelling",
)


def duo_spec(api: str) -> Path:
    """The OpenAPI file of one of DUO's APIs (folder name as in ``DUO_APIS``)."""
    return DUO_M2M / api / "openapi.yml"
