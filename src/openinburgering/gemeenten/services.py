from django.db import transaction
from django.db.models import F

import structlog

from openinburgering.core.exceptions import Conflict

from .models import ApiToken, Gemeente, hash_token

logger = structlog.get_logger(__name__)

# What the functioneel beheerder may change. ``code`` and ``oin`` identify the gemeente to DUO
# and are set once, by ``gemeente_aanmaken``.
INSTELLINGEN = ("naam", "koppeling", "adres", "telefoonnummer", "email")


@transaction.atomic
def gemeente_aanmaken(
    *, code: str, naam: str, oin: str, koppeling: str = "m2m", adres: str = "",
    telefoonnummer: str = "", email: str = "",
) -> Gemeente:  # fmt: skip
    """A tenant; ``adres``, ``telefoonnummer`` and ``email`` are printed on letters."""
    gemeente = Gemeente(
        code=code, naam=naam, oin=oin, koppeling=koppeling, adres=adres,
        telefoonnummer=telefoonnummer, email=email,
    )  # fmt: skip
    gemeente.full_clean()
    gemeente.save()
    return gemeente


@transaction.atomic
def apitoken_aanmaken(*, gemeente: Gemeente, naam: str) -> tuple[ApiToken, str]:
    """Create a token; the plain key is returned once and only its hash is stored."""
    sleutel = ApiToken.nieuwe_sleutel()
    token = ApiToken(gemeente=gemeente, naam=naam, sleutel_hash=hash_token(sleutel))
    token.full_clean(exclude=["sleutel_hash"])
    token.save()
    return token, sleutel


@transaction.atomic
def gemeente_instellingen_wijzigen(
    *, gemeente: Gemeente, versie: int, naam: str, koppeling: str, adres: str = "",
    telefoonnummer: str = "", email: str = "",
) -> Gemeente:  # fmt: skip
    """Change the settings of one gemeente; ``versie`` is the version the user saw.

    A save based on an older version raises ``Conflict``, so two beheerders never silently
    overwrite each other. Not personal data, so no processing-log record.
    """
    nieuw = {
        "naam": naam.strip(), "koppeling": koppeling, "adres": adres.strip(),
        "telefoonnummer": telefoonnummer.strip(), "email": email.strip(),
    }  # fmt: skip
    kandidaat = Gemeente.objects.get(pk=gemeente.pk)
    gewijzigd = [veld for veld in INSTELLINGEN if getattr(kandidaat, veld) != nieuw[veld]]
    for veld, waarde in nieuw.items():
        setattr(kandidaat, veld, waarde)
    kandidaat.full_clean(exclude=["code", "oin"], validate_unique=False)
    bijgewerkt = Gemeente.objects.filter(pk=gemeente.pk, versie=versie).update(
        versie=F("versie") + 1, **nieuw
    )
    if not bijgewerkt:
        raise Conflict()
    gemeente.refresh_from_db()
    logger.info("gemeente_instellingen_gewijzigd", gemeente=gemeente.code, velden=gewijzigd)
    return gemeente
