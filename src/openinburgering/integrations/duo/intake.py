"""Taking in DUO's notifications: validate the request, persist it, answer, process later.

The request is checked against DUO's Notificatie API 1.8.0 (``specs/duo-m2m/Notificatie``) by
hand, so the endpoint has no runtime dependency on the spec files; the contract tests validate every
answer against the spec.
"""

import hashlib
import json
import re
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

import structlog

from openinburgering.accounts.context import Actor
from openinburgering.core import bsn as bsn_tools
from openinburgering.core.teksten import vertaal as _  # gettext that keeps the msgid
from openinburgering.gemeenten.models import Gemeente
from openinburgering.logboek.models import Activiteit
from openinburgering.logboek.services import verwerkingen_vastleggen

from .models import IntegriteitsIncident, Notificatie

logger = structlog.get_logger(__name__)

#: The version of DUO's Notificatie API this endpoint implements (``info.version`` of the spec).
NOTIFICATIE_API_VERSIE = "1.8.0"

# Patterns from the spec. The spec's ``\d`` means the ASCII digits 0-9 (JSON Schema's ECMA-262
# regexes); Python's ``\d`` would also take Arabic-Indic and other Unicode digits (issue 15).
_GEBEURTENIS_ID = re.compile(r"^[0-9A-Z]{1,6}$")
_BSN = re.compile(r"[0-9]{9}")
#: DUO's notification is a flat object; a deeper body is refused before json.loads, whose
#: recursion would otherwise fail on a body nested tens of thousands deep (issue 15).
MAX_DIEPTE = 20
# RFC 3339 date-time (JSON Schema ``format: date-time``): a date, "T", a time and an offset.
_DATUM_TIJD = re.compile(
    r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$", re.ASCII
)
VNUMMER_MAX = 9_999_999_999


class OngeldigVerzoek(Exception):
    """The request does not follow DUO's spec: answer 400 with this ``fouttekst``."""

    def __init__(self, fouttekst: str):
        super().__init__(fouttekst)
        self.fouttekst = fouttekst


class NietToegestaan(Exception):
    """Right shape, wrong sender or receiver: answer 403 (or 401 without a certificate)."""

    def __init__(self, fouttekst: str, status: int = 403):
        super().__init__(fouttekst)
        self.fouttekst = fouttekst
        self.status = status


class BerichtIdHergebruikt(Exception):
    """The berichtId is known for a different message: refused and logged as an incident."""

    def __init__(self, incident: IntegriteitsIncident):
        super().__init__(str(incident.uuid))
        self.incident = incident


@dataclass(frozen=True)
class NotificatieVerzoek:
    """A valid notification request, parsed."""

    bron: str
    doel: str
    bericht_id: uuid.UUID
    registratie_datum_tijd: datetime
    gebeurtenis_id: str
    bsn: str
    vnummer: str


@dataclass(frozen=True)
class Ontvangst:
    notificatie: Notificatie
    #: False when the same message came before: nothing new happened.
    nieuw: bool


def controleer_certificaat(meta) -> None:
    """mTLS: with ``DUO_MTLS_REQUIRED`` the proxy must have verified the certificate (ADR 0008)."""
    if not settings.DUO_MTLS_REQUIRED:
        return
    subject = meta.get(settings.DUO_MTLS_SUBJECT_HEADER, "")
    if not subject:
        raise NietToegestaan(_("Geen geverifieerd clientcertificaat."), status=401)
    if settings.DUO_OIN not in subject:
        raise NietToegestaan(_("Het clientcertificaat hoort niet bij DUO."))


def lees_verzoek(*, headers, content_type: str, body: bytes) -> NotificatieVerzoek:
    """Check headers and body against the spec; raise OngeldigVerzoek with a Dutch reason."""
    waarden = {}
    for naam in ("bron", "doel"):
        waarde = headers.get(naam)
        if waarde is None:
            raise OngeldigVerzoek(_("De header %(naam)s ontbreekt.") % {"naam": naam})
        if len(waarde) != 20:
            raise OngeldigVerzoek(
                _("De header %(naam)s moet een OIN van 20 tekens zijn.") % {"naam": naam}
            )
        waarden[naam] = waarde
    ruwe_id = headers.get("berichtId")
    if ruwe_id is None:
        raise OngeldigVerzoek(_("De header berichtId ontbreekt."))
    try:
        bericht_id = uuid.UUID(ruwe_id)
    except ValueError:
        raise OngeldigVerzoek(_("De header berichtId is geen UUID.")) from None

    if content_type.split(";")[0].strip().lower() != "application/json":
        raise OngeldigVerzoek(_("Het bericht moet JSON zijn (application/json)."))
    if _diepte(body) > MAX_DIEPTE:
        raise OngeldigVerzoek(_("Het bericht is te diep genest."))
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise OngeldigVerzoek(_("Het bericht is geen geldige JSON.")) from None
    if not isinstance(data, dict):
        raise OngeldigVerzoek(_("Het bericht moet een JSON-object zijn."))

    ruwe_tijd = data.get("registratieDatumTijd")
    if not isinstance(ruwe_tijd, str) or not _DATUM_TIJD.match(ruwe_tijd):
        raise OngeldigVerzoek(_("registratieDatumTijd ontbreekt of is geen datum-tijd."))
    try:
        # Stored in UTC: PostgreSQL keeps no offsets beyond ±15:59, RFC 3339 allows ±23:59.
        tijdstip = datetime.fromisoformat(ruwe_tijd.upper().replace("Z", "+00:00")).astimezone(UTC)
    except (ValueError, OverflowError):
        raise OngeldigVerzoek(_("registratieDatumTijd is geen bestaande datum-tijd.")) from None

    gebeurtenis_id = data.get("gebeurtenisId")
    if not isinstance(gebeurtenis_id, str) or not _GEBEURTENIS_ID.match(gebeurtenis_id):
        raise OngeldigVerzoek(_("gebeurtenisId ontbreekt of is ongeldig."))

    bsn = data.get("bsn")
    if bsn is not None and (not isinstance(bsn, str) or not _BSN.fullmatch(bsn)):
        raise OngeldigVerzoek(_("bsn moet uit 9 cijfers bestaan."))

    vnummer = data.get("vNummer")
    if vnummer is not None:
        if isinstance(vnummer, float) and vnummer.is_integer():
            vnummer = int(vnummer)
        if isinstance(vnummer, bool) or not isinstance(vnummer, int):
            raise OngeldigVerzoek(_("vNummer moet een geheel getal zijn."))
        if not 0 <= vnummer <= VNUMMER_MAX:
            raise OngeldigVerzoek(_("vNummer valt buiten het toegestane bereik."))
    if bsn is None and vnummer is None:
        raise OngeldigVerzoek(_("Het bericht noemt geen persoon: bsn of vNummer ontbreekt."))

    return NotificatieVerzoek(
        bron=waarden["bron"],
        doel=waarden["doel"],
        bericht_id=bericht_id,
        registratie_datum_tijd=tijdstip,
        gebeurtenis_id=gebeurtenis_id,
        bsn=bsn or "",
        vnummer="" if vnummer is None else str(vnummer),
    )


def _diepte(body: bytes) -> int:
    """The deepest nesting of ``[`` and ``{`` in a JSON text, outside strings; one linear pass."""
    diepte = hoogste = 0
    in_tekst = escape = False
    for teken in body:
        if in_tekst:
            if escape:
                escape = False
            elif teken == 0x5C:  # backslash
                escape = True
            elif teken == 0x22:  # quote
                in_tekst = False
        elif teken == 0x22:
            in_tekst = True
        elif teken in (0x5B, 0x7B):  # [ {
            diepte += 1
            if diepte > hoogste:
                hoogste = diepte
                if hoogste > MAX_DIEPTE:
                    return hoogste
        elif teken in (0x5D, 0x7D):  # ] }
            diepte -= 1
    return hoogste


#: How long a worker process trusts its lookup of a gemeente by OIN. Gemeenten are added or
#: removed by a beheerder a few times a year; at hundreds of notifications a second the lookup
#: would otherwise be a query on every request.
GEMEENTE_CACHE_SECONDEN = 60.0
_gemeenten: dict[str, tuple[float, Gemeente | None]] = {}


def gemeente_voor(verzoek: NotificatieVerzoek) -> Gemeente:
    """403 unless DUO sent it (``bron``) to a gemeente of this installation (``doel``)."""
    if verzoek.bron != settings.DUO_OIN:
        raise NietToegestaan(_("Alleen DUO mag notificaties sturen."))
    nu = time.monotonic()
    geldig_tot, gemeente = _gemeenten.get(verzoek.doel, (0.0, None))
    if geldig_tot < nu:
        gemeente = Gemeente.objects.filter(oin=verzoek.doel).first()
        _gemeenten[verzoek.doel] = (nu + GEMEENTE_CACHE_SECONDEN, gemeente)
    if gemeente is None:
        raise NietToegestaan(_("Het doel is geen gemeente in deze installatie."))
    return gemeente


def gemeenten_vergeten() -> None:
    """Drop the cached lookups (after a gemeente is added or removed, and between tests)."""
    _gemeenten.clear()


def vingerafdruk(verzoek: NotificatieVerzoek) -> str:
    """A fingerprint of the message's content; the BSN only enters as its keyed hash."""
    inhoud = {
        "doel": verzoek.doel,
        "gebeurtenisId": verzoek.gebeurtenis_id,
        "registratieDatumTijd": verzoek.registratie_datum_tijd.astimezone(UTC).isoformat(),
        "bsn": bsn_tools.zoekhash(verzoek.bsn) if verzoek.bsn else "",
        "vNummer": verzoek.vnummer,
    }
    return hashlib.sha256(json.dumps(inhoud, sort_keys=True).encode()).hexdigest()


def notificatie_ontvangen(
    *, gemeente: Gemeente, verzoek: NotificatieVerzoek, ingehaald: bool = False
) -> Ontvangst:
    """Persist the notification (once per bron + berichtId) and enqueue its processing.

    The same message again is a no-op. The same berichtId with a different content raises
    :class:`BerichtIdHergebruikt` after recording an :class:`IntegriteitsIncident`.
    ``ingehaald``: not sent by DUO but found in DUO's list of events (:mod:`.inhalen`).
    """
    from . import tasks

    afdruk = vingerafdruk(verzoek)
    notificatie = Notificatie(
        gemeente=gemeente,
        bron=verzoek.bron,
        doel=verzoek.doel,
        bericht_id=verzoek.bericht_id,
        gebeurtenis_id=verzoek.gebeurtenis_id,
        registratie_datum_tijd=verzoek.registratie_datum_tijd,
        vnummer=verzoek.vnummer,
        vingerafdruk=afdruk,
        ingehaald=ingehaald,
    )
    if verzoek.bsn:
        notificatie.zet_bsn(verzoek.bsn)
    try:
        with transaction.atomic():
            notificatie.save()
            if notificatie.pseudoniem:
                verwerkingen_vastleggen(
                    actor=Actor(
                        gemeente=gemeente,
                        systeem="DUO (inhaalslag)" if ingehaald else "DUO (notificatie)",
                    ),
                    activiteit=Activiteit.DUO_ONTVANGEN,
                    pseudoniemen=[notificatie.pseudoniem],
                )
            if settings.DUO_NOTIFICATIES_DIRECT:
                # Without an inbox worker (tests, a one-process setup): process after the commit.
                transaction.on_commit(lambda: tasks.notificatie_verwerken.enqueue(notificatie.pk))
            # Otherwise the notification row is the task: ``duo_inbox_verwerken`` claims it.
    except IntegrityError:
        bestaand = Notificatie.objects.get(bron=verzoek.bron, bericht_id=verzoek.bericht_id)
        if bestaand.vingerafdruk == afdruk:
            logger.info("duo_notificatie_herhaald", bericht_id=str(verzoek.bericht_id))
            return Ontvangst(bestaand, nieuw=False)
        incident = _incident_vastleggen(bestaand=bestaand, verzoek=verzoek, afdruk=afdruk)
        raise BerichtIdHergebruikt(incident) from None
    logger.info(
        "duo_notificatie_ontvangen",
        notificatie=str(notificatie.uuid),
        gebeurtenis=verzoek.gebeurtenis_id,
        gemeente=gemeente.code,
    )
    return Ontvangst(notificatie, nieuw=True)


def _incident_vastleggen(
    *, bestaand: Notificatie, verzoek: NotificatieVerzoek, afdruk: str
) -> IntegriteitsIncident:
    nu = timezone.now()
    with transaction.atomic():
        incident, nieuw = IntegriteitsIncident.objects.get_or_create(
            notificatie=bestaand,
            vingerafdruk=afdruk,
            defaults={
                "gemeente": bestaand.gemeente,
                "doel": verzoek.doel,
                "gebeurtenis_id": verzoek.gebeurtenis_id,
                "eerste_keer_op": nu,
                "laatste_keer_op": nu,
            },
        )
        if not nieuw:
            IntegriteitsIncident.objects.filter(pk=incident.pk).update(
                aantal=F("aantal") + 1, laatste_keer_op=nu
            )
    logger.warning(
        "duo_bericht_id_hergebruikt",
        bericht_id=str(verzoek.bericht_id),
        incident=str(incident.uuid),
        gemeente=bestaand.gemeente.code,
    )
    return incident
