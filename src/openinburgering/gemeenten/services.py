from django.db import transaction

from .models import ApiToken, Gemeente, hash_token


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
