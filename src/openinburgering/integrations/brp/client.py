"""The client for the BRP API Personen 2.x (Haal Centraal, ``specs/brp``), on ``requests``.

One operation: ``POST BRP_API_ROOT + "/personen"`` with ``type`` ``RaadpleegMetBurgerservicenummer``
(up to 20 BSNs per request) and a minimal ``fields`` list (:data:`VELDEN`): what a gemeente needs
to run the Wet inburgering 2021 and to send letters, nothing more (data minimisation, the RvIG's
terms of use). ``geheimhoudingPersoonsgegevens`` and the ``inOnderzoek`` markers are not asked
for: the API delivers them with the groups asked for, and the spec refuses them in ``fields``.

Every read is one record per person in the processing log (``brp_opgevraagd``) with its purpose
(``Doel``). A 5xx, a timeout or no connection is tried again (``BRP_POGINGEN`` times, backoff
from ``BRP_BACKOFF_SECONDS``); whatever still goes wrong is a ``core.brp.BrpFout`` with a Dutch
text and never a BSN (the request body holds BSNs: nothing of it is logged).
"""

from __future__ import annotations

import json
import time
from datetime import date

from django.conf import settings
from django.utils.translation import gettext as _

import requests
import structlog

from openinburgering.accounts.context import Actor
from openinburgering.core import bsn as bsn_tools
from openinburgering.core.brp import Adres, BrpFout, BrpNietGevonden, BrpPersoon
from openinburgering.inburgeraars.models import postcode_normaliseren
from openinburgering.logboek.models import Activiteit, Resultaat
from openinburgering.logboek.services import verwerkingen_vastleggen

from .nationaliteiten import landcode

logger = structlog.get_logger(__name__)

#: The ``fields`` the gemeente asks for; a test checks each against the spec and this list.
VELDEN = (
    # To tell the people in one answer apart (up to 20 per request); it is what we sent.
    "burgerservicenummer",
    "naam.voornamen",
    "naam.voorvoegsel",
    "naam.geslachtsnaam",
    "geboorte.datum",
    # The address as a letter prints it (adresregel1: street and number), and postcode and place.
    "adressering.adresregel1",
    "verblijfplaats.verblijfadres.postcode",
    "verblijfplaats.verblijfadres.woonplaats",
    "nationaliteiten.nationaliteit",
    "gemeenteVanInschrijving",
    "datumInschrijvingInGemeente",
    "overlijden.datum",
)


def gateway_headers() -> list[tuple[str, str]]:
    """The gateway's purpose-binding headers that are set (``BRP_DOELBINDING``,
    ``BRP_VERWERKING``, ``BRP_ORIGIN_OIN``), as (header, value)."""
    return [
        (kop, waarde)
        for kop, waarde in (
            ("x-doelbinding", settings.BRP_DOELBINDING),
            ("x-verwerking", settings.BRP_VERWERKING),
            ("x-origin-oin", settings.BRP_ORIGIN_OIN),
        )
        if waarde
    ]


#: The API takes at most this many BSNs in one request (``RaadpleegMetBurgerservicenummer``).
PER_VERZOEK = 20
TIJDELIJK = frozenset({408, 429, 500, 502, 503, 504})
CONTENT_TYPE = "application/json; charset=utf-8"


def _datum(waarde) -> date | None:
    """A full date (``VolledigeDatum``); None for a date that is partly or wholly unknown."""
    if isinstance(waarde, dict) and waarde.get("type") == "Datum" and waarde.get("datum"):
        return date.fromisoformat(waarde["datum"])
    return None


def _in_onderzoek(*delen) -> tuple[bool, date | None]:
    sinds = None
    gevonden = False
    for deel in delen:
        onderzoek = (deel or {}).get("inOnderzoek") if isinstance(deel, dict) else None
        if onderzoek:
            gevonden = True
            sinds = sinds or _datum(
                onderzoek.get("datumIngangOnderzoek")
                or onderzoek.get("datumIngangOnderzoekVerblijfplaats")
            )
    return gevonden, sinds


def persoon_uit_json(persoon: dict) -> BrpPersoon:
    """One ``Persoon`` of the API as our own data class."""
    naam = persoon.get("naam") or {}
    geboorte = persoon.get("geboorte") or {}
    verblijfplaats = persoon.get("verblijfplaats") or {}
    verblijfadres = verblijfplaats.get("verblijfadres") or {}
    adressering = persoon.get("adressering") or {}
    adres = None
    if verblijfplaats.get("type") == "Adres" and adressering.get("adresregel1"):
        try:
            postcode = postcode_normaliseren(verblijfadres.get("postcode") or "")
        except ValueError:
            postcode = ""
        if postcode and verblijfadres.get("woonplaats"):
            adres = Adres(
                straat_huisnummer=adressering["adresregel1"][:200],
                postcode=postcode,
                woonplaats=verblijfadres["woonplaats"][:100],
            )
    adres_onderzoek, sinds = _in_onderzoek(verblijfplaats, verblijfadres, adressering)
    gemeente = persoon.get("gemeenteVanInschrijving") or {}
    nationaliteiten = tuple(
        (n.get("nationaliteit") or {}).get("omschrijving") or n.get("type", "")
        for n in persoon.get("nationaliteiten") or []
        if isinstance(n, dict)
    )
    overlijden = persoon.get("overlijden") or {}
    return BrpPersoon(
        voornamen=(naam.get("voornamen") or "")[:200],
        voorvoegsel=(naam.get("voorvoegsel") or "")[:20],
        achternaam=(naam.get("geslachtsnaam") or "")[:200],
        geboortedatum=_datum(geboorte.get("datum")),
        adres=adres,
        adres_in_onderzoek=adres_onderzoek,
        adres_in_onderzoek_sinds=sinds,
        naam_in_onderzoek=bool(naam.get("inOnderzoek")),
        geboorte_in_onderzoek=bool(geboorte.get("inOnderzoek")),
        geheimhouding=bool(persoon.get("geheimhoudingPersoonsgegevens")),
        overleden=bool(overlijden),
        overlijdensdatum=_datum(overlijden.get("datum")),
        nationaliteiten=nationaliteiten,
        nationaliteit=landcode(nationaliteiten),
        gemeente_van_inschrijving=gemeente.get("code") or "",
        gemeente_van_inschrijving_naam=gemeente.get("omschrijving") or "",
        datum_inschrijving_in_gemeente=_datum(persoon.get("datumInschrijvingInGemeente")),
    )


class BrpClient:
    """Reads people from the BRP for one gemeente, on behalf of ``actor``."""

    def __init__(self, *, actor: Actor, session: requests.Session | None = None):
        self.actor = actor
        self.session = session or requests.Session()

    def _opties(self) -> dict:
        headers = {"Content-Type": CONTENT_TYPE, "Accept": "application/json"}
        if settings.BRP_API_KEY:
            headers["X-API-KEY"] = settings.BRP_API_KEY
        # Purpose binding for gateways that log every read against an authorisation (ADR 0065).
        headers.update(gateway_headers())
        opties: dict = {
            "headers": headers,
            "timeout": (settings.BRP_CONNECT_TIMEOUT, settings.BRP_READ_TIMEOUT),
        }
        if settings.BRP_CLIENT_CERT:
            opties["cert"] = (
                (settings.BRP_CLIENT_CERT, settings.BRP_CLIENT_KEY)
                if settings.BRP_CLIENT_KEY
                else settings.BRP_CLIENT_CERT
            )
        if settings.BRP_CA_BUNDLE:
            opties["verify"] = settings.BRP_CA_BUNDLE
        return opties

    def _post(self, body: bytes) -> requests.Response:
        """POST with retries on what is temporary; BrpFout(tijdelijk=True) when it stays so."""
        url = settings.BRP_API_ROOT.rstrip("/") + "/personen"
        pogingen = max(1, settings.BRP_POGINGEN)
        melding = ""
        for poging in range(1, pogingen + 1):
            begin = time.monotonic()
            try:
                response = self.session.post(url, data=body, **self._opties())
            except requests.Timeout:
                melding = _("De BRP antwoordde niet op tijd.")
                status = None
            except requests.RequestException:
                melding = _("Geen verbinding met de BRP.")
                status = None
            else:
                status = response.status_code
                logger.info(
                    "brp_verzoek",
                    status=status,
                    poging=poging,
                    duur_ms=round((time.monotonic() - begin) * 1000),
                    gemeente=self.actor.gemeente.code,
                )
                if status not in TIJDELIJK:
                    return response
                melding = _("De BRP is tijdelijk niet beschikbaar (status %(status)s).") % {
                    "status": status
                }
            logger.warning("brp_verzoek_mislukt", status=status, poging=poging)
            if poging < pogingen:
                time.sleep(settings.BRP_BACKOFF_SECONDS * 2 ** (poging - 1))
        raise BrpFout(melding, tijdelijk=True)

    def raadplegen(self, *, bsns: list[str], doel: str) -> dict[str, BrpPersoon]:
        """The people the BRP knows among ``bsns``, by BSN (an unknown BSN is absent)."""
        if not settings.BRP_API_ROOT:
            raise BrpFout(_("Er is geen koppeling met de BRP ingericht (BRP_API_ROOT)."))
        uit: dict[str, BrpPersoon] = {}
        uniek = list(dict.fromkeys(bsns))
        for begin in range(0, len(uniek), PER_VERZOEK):
            uit.update(self._raadplegen(uniek[begin : begin + PER_VERZOEK], doel))
        return uit

    def _raadplegen(self, bsns: list[str], doel: str) -> dict[str, BrpPersoon]:
        body = json.dumps(
            {
                "type": "RaadpleegMetBurgerservicenummer",
                "burgerservicenummer": bsns,
                "fields": list(VELDEN),
            }
        ).encode()
        response = self._post(body)
        status = response.status_code
        pseudoniemen = [bsn_tools.pseudoniem(b) for b in bsns]
        if status in (401, 403):
            verwerkingen_vastleggen(
                actor=self.actor,
                activiteit=Activiteit.BRP_OPGEVRAAGD,
                pseudoniemen=pseudoniemen,
                resultaat=Resultaat.GEWEIGERD,
                doel=doel,
            )
            if status == 401:
                raise BrpFout(_("De BRP herkent de gemeente niet (controleer de API-sleutel of "
                                "het certificaat)."))  # fmt: skip
            raise BrpFout(_("De BRP weigert deze vraag: de gemeente is er niet voor "
                            "geautoriseerd."))  # fmt: skip
        if status == 404:
            verwerkingen_vastleggen(
                actor=self.actor,
                activiteit=Activiteit.BRP_OPGEVRAAGD,
                pseudoniemen=pseudoniemen,
                doel=doel,
            )
            return {}
        if status != 200:
            raise BrpFout(
                _("De BRP vond de vraag ongeldig (status %(status)s).") % {"status": status}
            )
        try:
            inhoud = response.json()
            personen = {str(p.get("burgerservicenummer")): p for p in inhoud.get("personen") or []}
        except (ValueError, AttributeError, TypeError):
            raise BrpFout(
                _("De BRP gaf een antwoord dat niet aan de specificatie voldoet.")
            ) from None
        verwerkingen_vastleggen(
            actor=self.actor,
            activiteit=Activiteit.BRP_OPGEVRAAGD,
            pseudoniemen=pseudoniemen,
            doel=doel,
        )
        try:
            return {bsn: persoon_uit_json(p) for bsn, p in personen.items() if bsn in bsns}
        except (ValueError, AttributeError, TypeError):
            raise BrpFout(
                _("De BRP gaf een antwoord dat niet aan de specificatie voldoet.")
            ) from None

    def een(self, *, bsn: str, doel: str) -> BrpPersoon:
        persoon = self.raadplegen(bsns=[bsn], doel=doel).get(bsn)
        if persoon is None:
            raise BrpNietGevonden(_("De BRP kent dit BSN niet."))
        return persoon
