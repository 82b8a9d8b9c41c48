"""The bijstand file from Werk & Inkomen (CSV or XLSX): read within tight limits, checked as a
whole, shown as a preview, committed on request. Any bad row refuses the whole file (ADR 0078).

Columns: ``bsn``, ``start``, ``einde`` (empty: still running) and ``kenmerk`` (the income
system's key of the period; without it the key is derived from the person and the start date).
The preview stores dossier ids, never a BSN.
"""

import hashlib
from datetime import date, datetime

from django.db import transaction
from django.utils.translation import gettext as _

from openinburgering.accounts.context import Actor
from openinburgering.core import bsn as bsn_tools
from openinburgering.core.exceptions import Conflict, Geweigerd
from openinburgering.core.tabellen import Grenzen, TabelOngeldig, lees_tabel
from openinburgering.inburgeraars.models import Dossier

from . import services
from .models import Bijstandimport, Bijstandsperiode, DatumBron, ImportStatus

KOLOMMEN = ("bsn", "start", "einde", "kenmerk")
#: A month's changes of one gemeente are a few hundred rows: read in the request, tightly bound.
GRENZEN = Grenzen(
    max_bytes=256 * 1024, max_rijen=2000, max_kolommen=10, max_cellen=20000, max_seconden=5.0
)


class ImportGeweigerd(Exception):
    """The file is refused as a whole; ``fouten`` lists every problem in Dutch."""

    def __init__(self, fouten: list[str]):
        super().__init__("; ".join(fouten))
        self.fouten = fouten


def _tekst(waarde) -> str:
    if waarde is None:
        return ""
    if isinstance(waarde, datetime):
        return waarde.date().isoformat()
    if isinstance(waarde, date):
        return waarde.isoformat()
    if isinstance(waarde, float) and waarde.is_integer():
        return str(int(waarde))
    return str(waarde).strip()


def _datum(tekst: str) -> date | None:
    for formaat in ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"):
        try:
            return datetime.strptime(tekst, formaat).date()
        except ValueError:
            continue
    return None


def _aanleveringen(actor: Actor, naam: str, rijen: list[list]):
    if not rijen:
        raise ImportGeweigerd([_("Het bestand is leeg.")])
    kop = [_tekst(k).lower() for k in rijen[0]]
    ontbreekt = [k for k in KOLOMMEN[:2] if k not in kop]
    if ontbreekt:
        melding = _("De eerste regel moet de kolomnamen bevatten. Ontbreekt: %(k)s.")
        raise ImportGeweigerd([melding % {"k": ", ".join(ontbreekt)}])
    gelezen = []
    fouten = []
    for nummer, rij in enumerate(rijen[1:], start=2):
        w = {k: _tekst(rij[i]) if i < len(rij) else "" for i, k in enumerate(kop) if k}
        if not any(w.values()):
            continue
        bsn = bsn_tools.normaliseer(w.get("bsn", ""))
        start, einde = _datum(w.get("start", "")), _datum(w.get("einde", ""))
        if not bsn_tools.is_geldig(bsn):
            fouten.append(_("Regel %(n)d: het BSN is ongeldig.") % {"n": nummer})
            continue
        if start is None:
            fouten.append(_("Regel %(n)d: de startdatum ontbreekt of is ongeldig.") % {"n": nummer})
            continue
        if w.get("einde") and einde is None:
            fouten.append(_("Regel %(n)d: de einddatum is ongeldig.") % {"n": nummer})
            continue
        gelezen.append((nummer, bsn, start, einde, w.get("kenmerk", "")))
    hashes = {bsn_tools.zoekhash(b) for _n, b, *_r in gelezen}
    dossiers = {
        d.inburgeraar.bsn_hash: d
        for d in Dossier.objects.filter(
            gemeente=actor.gemeente, inburgeraar__bsn_hash__in=hashes
        ).select_related("inburgeraar")
    }
    aanleveringen, regelnummer = [], {}
    for nummer, bsn, start, einde, kenmerk in gelezen:
        dossier = dossiers.get(bsn_tools.zoekhash(bsn))
        if dossier is None:
            # Never the BSN itself in a message (it would end up on screen and in logs).
            fouten.append(
                _("Regel %(n)d: dit BSN is bij deze gemeente niet bekend als inburgeraar.")
                % {"n": nummer}
            )
            continue
        kenmerk = kenmerk or f"{dossier.inburgeraar.pseudoniem}-{start.isoformat()}"
        a = services.Aanlevering(
            dossier, kenmerk, start, einde, DatumBron.IMPORT, f"{naam}, regel {nummer}"
        )
        aanleveringen.append(a)
        regelnummer[a] = nummer
    return aanleveringen, regelnummer, fouten


def _controle(actor, naam, inhoud):
    try:
        rijen = lees_tabel(naam, inhoud, GRENZEN)
    except TabelOngeldig as e:
        raise ImportGeweigerd([e.message]) from None
    aanleveringen, regelnummer, fouten = _aanleveringen(actor, naam, rijen)
    if aanleveringen and not fouten:
        for a, melding in services._kenmerk_elders(aanleveringen) + services._controleer(
            aanleveringen
        ):
            fouten.append(services._melding(a, melding, regelnummer))
    if fouten:
        raise ImportGeweigerd(fouten)
    return aanleveringen


def _actie(a: services.Aanlevering, bestaand: dict) -> str:
    oud = bestaand.get(a.extern_kenmerk)
    if oud is None:
        return "nieuw"
    return "ongewijzigd" if oud == (a.start, a.einde) else "gewijzigd"


@transaction.atomic
def voorbeeld_maken(*, actor: Actor, naam: str, inhoud: bytes) -> Bijstandimport:
    """Check the whole file and store its preview; nothing about any person changes here."""
    services._vereis(actor)
    aanleveringen = _controle(actor, naam, inhoud)
    bestaand = {
        k: (s, e)
        for k, s, e in Bijstandsperiode.objects.filter(
            gemeente=actor.gemeente, extern_kenmerk__in=[a.extern_kenmerk for a in aanleveringen]
        ).values_list("extern_kenmerk", "start", "einde")
    }
    return Bijstandimport.objects.create(
        gemeente=actor.gemeente,
        bestandsnaam=naam[:200],
        sha256=hashlib.sha256(inhoud).hexdigest(),
        door=actor.user,
        regels=[
            {
                "dossier": a.dossier.pk,
                "kenmerk": a.extern_kenmerk,
                "start": a.start.isoformat(),
                "einde": a.einde.isoformat() if a.einde else "",
                "detail": a.bron_detail,
                "actie": _actie(a, bestaand),
            }
            for a in aanleveringen
        ],
    )


@transaction.atomic
def verwerken(*, actor: Actor, invoer: Bijstandimport) -> int:
    """Commit a preview: all rows or none (checked again, the data may have changed since).
    Returns how many periods changed; the same file again changes none."""
    services._vereis(actor)
    invoer = Bijstandimport.objects.select_for_update().get(pk=invoer.pk)
    if invoer.gemeente_id != actor.gemeente.pk:
        raise Geweigerd(_("Dit bestand hoort bij een andere gemeente."))
    if invoer.status != ImportStatus.VOORBEELD:
        raise Conflict(_("Dit bestand is al verwerkt."))
    dossiers = Dossier.objects.in_bulk([r["dossier"] for r in invoer.regels])
    aanleveringen = [
        services.Aanlevering(
            dossiers[r["dossier"]],
            r["kenmerk"],
            date.fromisoformat(r["start"]),
            date.fromisoformat(r["einde"]) if r["einde"] else None,
            DatumBron.IMPORT,
            r["detail"],
        )
        for r in invoer.regels
    ]
    uitkomst = services.periodes_vastleggen(actor=actor, aanleveringen=aanleveringen)
    invoer.status = ImportStatus.VERWERKT
    invoer.save(update_fields=["status"])
    return sum(1 for _p, gewijzigd in uitkomst if gewijzigd)
