from collections.abc import Iterable

from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

import structlog

from openinburgering.accounts.bereiken import STANDAARD
from openinburgering.accounts.bereiken import alle as alle_bereiken
from openinburgering.core.exceptions import Conflict, Geweigerd

from .models import ApiToken, Gemeente, hash_token
from .toegang import gemeente_gewijzigd

logger = structlog.get_logger(__name__)

# What the functioneel beheerder may change. ``code`` and ``oin`` identify the gemeente to DUO
# and are set once, by ``gemeente_aanmaken``.
INSTELLINGEN = ("naam", "koppeling", "adres", "bezwaar_adres", "telefoonnummer", "email")


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
def apitoken_aanmaken(
    *, gemeente: Gemeente, naam: str, bereiken: Iterable[str] | None = None
) -> tuple[ApiToken, str]:
    """Create a token; the plain key is returned once and only its hash is stored.

    ``bereiken``: its scopes (accounts.bereiken); none given: ``STANDAARD``, what a token could
    do before scopes existed.
    """
    sleutel = ApiToken.nieuwe_sleutel()
    token = ApiToken(
        gemeente=gemeente,
        naam=naam,
        sleutel_hash=hash_token(sleutel),
        bereiken=_geordend(STANDAARD if bereiken is None else bereiken),
    )
    token.full_clean(exclude=["sleutel_hash"])
    token.save()
    logger.info("apitoken_aangemaakt", gemeente=gemeente.code, bereiken=token.bereiken)
    return token, sleutel


def _geordend(bereiken: Iterable[str]) -> list[str]:
    """Catalogue order, each once; unknown ones stay (at the end) so validation names them."""
    gekozen = set(bereiken)
    bekend = alle_bereiken()
    return [b for b in bekend if b in gekozen] + sorted(gekozen - set(bekend))


@transaction.atomic
def apitoken_wijzigen(
    *, gemeente: Gemeente, token: ApiToken, versie: int, bereiken: Iterable[str], actief: bool
) -> ApiToken:
    """Change a token's scopes and whether it works; ``versie`` is what the beheerder saw."""
    if token.gemeente_id != gemeente.pk:
        raise Geweigerd(_("Dit token hoort bij een andere gemeente."))
    nieuw = _geordend(bereiken)
    kandidaat = ApiToken(gemeente=gemeente, naam=token.naam, bereiken=nieuw)
    kandidaat.clean_fields(exclude=["sleutel_hash", "gemeente", "naam"])
    if not ApiToken.objects.filter(pk=token.pk, gemeente=gemeente, versie=versie).update(
        bereiken=nieuw, actief=actief, versie=F("versie") + 1
    ):
        raise Conflict()
    token.refresh_from_db()
    logger.info(
        "apitoken_gewijzigd", gemeente=gemeente.code, token=str(token.uuid), bereiken=nieuw,
        actief=actief,
    )  # fmt: skip
    return token


@transaction.atomic
def gemeente_instellingen_wijzigen(
    *, gemeente: Gemeente, versie: int, naam: str, koppeling: str, adres: str = "",
    telefoonnummer: str = "", email: str = "", bezwaar_adres: str = "",
) -> Gemeente:  # fmt: skip
    """Change the settings of one gemeente; ``versie`` is the version the user saw.

    A save based on an older version raises ``Conflict``, so two beheerders never silently
    overwrite each other. Not personal data, so no processing-log record.
    """
    nieuw = {
        "naam": naam.strip(), "koppeling": koppeling, "adres": adres.strip(),
        "bezwaar_adres": bezwaar_adres.strip(), "telefoonnummer": telefoonnummer.strip(),
        "email": email.strip(),
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
    gemeente_gewijzigd(gemeente=gemeente)
    gemeente.refresh_from_db()
    logger.info("gemeente_instellingen_gewijzigd", gemeente=gemeente.code, velden=gewijzigd)
    return gemeente


#: Upload limits for the logo; the stored PNG is scaled to fit the letter's header.
LOGO_MAX_BYTES = 2 * 1024 * 1024
LOGO_MAX_PIXELS = (800, 320)


def _logo_png(inhoud: bytes) -> bytes:
    """The upload as a clean PNG: only PNG or JPEG, scaled down, without metadata."""
    from io import BytesIO

    from PIL import Image, UnidentifiedImageError

    fout = _("Kies een afbeelding in PNG- of JPEG-formaat van hoogstens 2 MB.")
    if not inhoud or len(inhoud) > LOGO_MAX_BYTES:
        raise Geweigerd(fout, veld="logo")
    beeld: Image.Image
    try:
        with Image.open(BytesIO(inhoud)) as beeld:
            if beeld.format not in ("PNG", "JPEG"):
                raise Geweigerd(fout, veld="logo")
            if beeld.width * beeld.height > 40_000_000:
                raise Geweigerd(fout, veld="logo")
            beeld.load()
            beeld = beeld.convert("RGBA")
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError):
        raise Geweigerd(fout, veld="logo") from None
    beeld.thumbnail(LOGO_MAX_PIXELS)
    uit = BytesIO()
    beeld.save(uit, format="PNG", optimize=True)
    return uit.getvalue()


@transaction.atomic
def gemeente_logo_wijzigen(*, gemeente: Gemeente, inhoud: bytes | None) -> Gemeente:
    """Set the logo printed on letters from an uploaded file, or remove it (``inhoud=None``)."""
    logo = b"" if inhoud is None else _logo_png(inhoud)
    Gemeente.objects.filter(pk=gemeente.pk).update(logo=logo, versie=F("versie") + 1)
    gemeente_gewijzigd(gemeente=gemeente)
    gemeente.refresh_from_db()
    logger.info("gemeente_logo_gewijzigd", gemeente=gemeente.code, verwijderd=inhoud is None)
    return gemeente
