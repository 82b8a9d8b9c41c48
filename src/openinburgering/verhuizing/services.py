"""Writes of a move between gemeenten: a move reported (BRP, DUO), the old gemeente's handover
(R76) and the new gemeente's import of the handover file (R77). Keyword-only, in one
transaction, with timeline and processing log; a refusal leaves nothing half-saved."""

from __future__ import annotations

import hashlib
import json
import re
import uuid
from datetime import date, datetime
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

import structlog

from openinburgering import brieven
from openinburgering.accounts.context import Actor
from openinburgering.accounts.rollen import Recht
from openinburgering.brieven.services import kenmerk_toekennen
from openinburgering.core import bsn as bsn_tools
from openinburgering.core import dossierfeiten
from openinburgering.core.exceptions import Conflict, Geweigerd, RegelsGeschonden
from openinburgering.core.keten import uitgaand
from openinburgering.core.teksten import Tekst
from openinburgering.inburgeraars import services as inburgeraar_services
from openinburgering.inburgeraars.models import Bron, Dossier, Gebeurtenis
from openinburgering.inburgeraars.workflow import Eindreden, Status
from openinburgering.logboek.models import Activiteit
from openinburgering.logboek.services import verwerkingen_vastleggen
from openinburgering.pip.models import GesprekStatus, Voortgangsgesprek
from openinburgering.regels.verhuizing import OVERDRACHT_SCHEMAVERSIE, toets_overdrachtsbestand

from . import pakket
from .models import Meldingbron, Overdracht, Overname, Verhuismelding

logger = structlog.get_logger(__name__)

MAP = "overdrachten"
GEMEENTECODE = re.compile(r"^[0-9]{4}$")
#: The person's own fields the handover file fills at the new gemeente, where they are empty.
AANVULBARE_VELDEN = ("vnummer", "talen", "telefoon", "email")


def _bron(actor: Actor) -> str:
    return {"medewerker": Bron.MEDEWERKER, "api": Bron.API}.get(actor.soort, Bron.SYSTEEM)


def _log(actor: Actor, dossier: Dossier, activiteit: str) -> None:
    verwerkingen_vastleggen(
        actor=actor, activiteit=activiteit, pseudoniemen=[dossier.inburgeraar.pseudoniem]
    )


# --- a move reported -----------------------------------------------------------------------------


@transaction.atomic
def verhuizing_melden(
    *,
    actor: Actor,
    dossier: Dossier,
    richting: str,
    bron: str,
    datum: date,
    gebeurtenis: str = "",
    andere_gemeentecode: str = "",
    andere_gemeentenaam: str = "",
    tijdlijn: bool = True,
) -> Verhuismelding | None:
    """Record a move the BRP or DUO reported, for the dossier card (R75, R76). A closed dossier
    records nothing: it has nothing to hand over or take over any more. ``tijdlijn``: write a
    timeline entry (DUO's chain writes its own for SS120–SS122)."""
    if dossier.status == Status.AFGEROND:
        return None
    melding = Verhuismelding.objects.create(
        gemeente=dossier.gemeente,
        dossier=dossier,
        richting=richting,
        bron=bron,
        gebeurtenis=gebeurtenis,
        andere_gemeentecode=andere_gemeentecode[:4],
        andere_gemeentenaam=andere_gemeentenaam[:100],
        datum=datum,
    )
    if tijdlijn:
        inburgeraar_services.gebeurtenis_toevoegen(
            dossier=dossier,
            soort="verhuizing_gemeld",
            omschrijving=Tekst(
                gettext_noop(
                    "Volgens de %(bron)s woont deze persoon sinds %(datum)s in gemeente "
                    "%(gemeente)s. Draag het dossier over aan de nieuwe gemeente (R76)."
                ),
                bron=Meldingbron(bron).label,
                datum=datum,
                gemeente=andere_gemeentenaam or andere_gemeentecode,
            ),
            bron=_bron(actor),
            actor=actor,
            gegevens={"richting": richting, "gemeentecode": andere_gemeentecode},
        )
    logger.info("verhuizing_gemeld", dossier=str(dossier.uuid), richting=richting, bron=bron)
    return melding


# --- the old gemeente hands over (R76) -----------------------------------------------------------


def _gemeente_controleren(actor: Actor, code: str, naam: str) -> tuple[str, str]:
    code, naam = code.strip(), " ".join(naam.split())
    if not GEMEENTECODE.match(code):
        raise Geweigerd(
            _("Een gemeentecode is 4 cijfers, bijvoorbeeld 0363."), veld="naar_gemeentecode"
        )
    if code == actor.gemeente.code:
        raise Geweigerd(
            _(
                "De nieuwe gemeente is deze gemeente zelf; kies de gemeente waar de persoon nu "
                "woont."
            ),
            veld="naar_gemeentecode",
        )
    if not naam:
        raise Geweigerd(_("Vul de naam van de nieuwe gemeente in."), veld="naar_gemeentenaam")
    if len(naam) > 100:
        raise Geweigerd(_("De naam is te lang (hoogstens 100 tekens)."), veld="naar_gemeentenaam")
    return code, naam


def _json_opslaan(*, inhoud: bytes, gemeente_code: str, naam: str) -> tuple[str, str]:
    """Like ``brieven.opslaan``, for the structured file: PRIVATE_MEDIA_ROOT, never public."""
    relatief = Path(MAP) / gemeente_code / f"{naam}.json"
    pad = Path(settings.PRIVATE_MEDIA_ROOT) / relatief
    pad.parent.mkdir(parents=True, exist_ok=True)
    tijdelijk = pad.with_suffix(".tmp")
    tijdelijk.write_bytes(inhoud)
    tijdelijk.replace(pad)
    return str(relatief), hashlib.sha256(inhoud).hexdigest()


@transaction.atomic
def dossier_overdragen(
    *,
    actor: Actor,
    dossier: Dossier,
    naar_gemeentecode: str,
    naar_gemeentenaam: str,
    versie: int | None = None,
) -> Overdracht:
    """R76: close the dossier as moved (through the transition table), stop the open work
    (tasks, work items, planned talks) and make the handover package: the structured file and
    the PDF, both stored privately and downloadable from the closed dossier."""
    if not actor.mag(Recht.DOSSIER_STATUS_WIJZIGEN):
        raise Geweigerd(_("U mag dit dossier niet afsluiten en overdragen."))
    if dossier.gemeente_id != actor.gemeente.pk:
        raise Geweigerd(_("Dit dossier hoort bij een andere gemeente."))
    code, naam = _gemeente_controleren(actor, naar_gemeentecode, naar_gemeentenaam)
    if Overdracht.objects.filter(dossier=dossier).exists():
        raise Geweigerd(_("Dit dossier is al overgedragen."))
    dossier = inburgeraar_services.dossier_status_wijzigen(
        actor=actor,
        dossier=dossier,
        naar=Status.AFGEROND,
        eindreden=Eindreden.VERHUISD,
        versie=versie,
    )
    # Open work stops: planned talks lapse, the chain closes its work items, and the deadline
    # engine drops the tasks of a closed dossier when it recomputes after the commit.
    vervallen = Voortgangsgesprek.objects.filter(
        dossier=dossier, status=GesprekStatus.GEPLAND
    ).update(status=GesprekStatus.VERVALLEN)
    uitgaand.melden(uitgaand.DossierOvergedragen(inburgeraar=dossier.inburgeraar), actor=actor)
    dossierfeiten.gewijzigd(dossier)

    overdracht_uuid = uuid.uuid4()
    vandaag = timezone.localdate()
    kenmerk = kenmerk_toekennen(
        gemeente=dossier.gemeente,
        brief=overdracht_uuid,
        soort="overdracht",
        datum=vandaag,
        dossier=dossier,
    )
    gegevens = pakket.pakket_maken(
        dossier=dossier,
        overdracht_uuid=str(overdracht_uuid),
        kenmerk=kenmerk,
        naar_code=code,
        naar_naam=naam,
    )
    json_pad, json_sha = _json_opslaan(
        inhoud=json.dumps(gegevens, ensure_ascii=False, indent=2).encode("utf-8"),
        gemeente_code=dossier.gemeente.code,
        naam=str(overdracht_uuid),
    )
    # The document is Dutch whatever the caseworker reads the screens in, as every letter.
    with translation.override("nl"):
        ontvanger = {
            "naam": _("College van burgemeester en wethouders van %(gemeente)s")
            % {"gemeente": naam},
            "adresregels": [_("t.a.v. team inburgering")],
        }
    pdf = brieven.render_pdf(
        "verhuizing/overdracht_pdf.html",
        {"pakket": gegevens, "weergave": pakket.weergave(gegevens)},
        gemeente=dossier.gemeente,
        ontvanger=ontvanger,
        kenmerk=kenmerk,
        datum=vandaag,
    )
    pdf_pad, pdf_sha = brieven.opslaan(
        inhoud=pdf, map=MAP, gemeente_code=dossier.gemeente.code, naam=str(overdracht_uuid)
    )
    overdracht = Overdracht.objects.create(
        uuid=overdracht_uuid,
        gemeente=dossier.gemeente,
        dossier=dossier,
        naar_gemeentecode=code,
        naar_gemeentenaam=naam,
        schemaversie=OVERDRACHT_SCHEMAVERSIE,
        pdf_pad=pdf_pad,
        pdf_sha256=pdf_sha,
        json_pad=json_pad,
        json_sha256=json_sha,
        kenmerk=kenmerk,
        gemaakt_door=actor.user,
    )
    inburgeraar_services.gebeurtenis_toevoegen(
        dossier=dossier,
        soort="overgedragen",
        omschrijving=Tekst(
            gettext_noop(
                "Dossier overgedragen aan gemeente %(gemeente)s (%(code)s), kenmerk %(kenmerk)s: "
                "een overdrachtsdocument en een overdrachtsbestand staan klaar (R76)."
            ),
            gemeente=naam,
            code=code,
            kenmerk=kenmerk,
        ),
        bron=_bron(actor),
        actor=actor,
        gegevens={"naar": code, "gesprekken_vervallen": vervallen},
    )
    # Making the package discloses the person's data to the new gemeente.
    _log(actor, dossier, Activiteit.EXPORTEREN)
    logger.info("dossier_overgedragen", dossier=str(dossier.uuid), naar=code)
    return overdracht


# --- the new gemeente takes over (R75, R77) ------------------------------------------------------


def _zonder_bsn(gegevens: dict[str, Any]) -> dict[str, Any]:
    """What is kept of the file: everything but the BSN (the dossier holds it, encrypted)."""
    kopie = json.loads(json.dumps(gegevens))
    kopie["persoon"].pop("bsn", None)
    return kopie


@transaction.atomic
def overdracht_inlezen(*, actor: Actor, dossier: Dossier, inhoud: bytes) -> Overname:
    """Read the previous gemeente's handover file into this dossier: validated against the
    schema, then R77 (addressed here, from elsewhere, the same person). The history is kept as
    the previous gemeente's (the file, and timeline entries marked with its name), and the
    person's empty contact fields are filled in. All or nothing."""
    if not actor.mag(Recht.INBURGERAAR_WIJZIGEN):
        raise Geweigerd(_("U mag geen overdrachtsdossier inlezen."))
    if dossier.gemeente_id != actor.gemeente.pk:
        raise Geweigerd(_("Dit dossier hoort bij een andere gemeente."))
    if dossier.status == Status.AFGEROND:
        raise Geweigerd(_("Dit dossier is afgerond; een overdrachtsdossier kan niet meer."))
    if Overname.objects.filter(dossier=dossier).exists():
        raise Geweigerd(
            _("Voor dit dossier is al een overdrachtsdossier ingelezen."), veld="bestand"
        )
    try:
        gegevens = pakket.lees_bestand(inhoud)
    except pakket.OngeldigBestand as exc:
        raise Geweigerd(str(exc), veld="bestand") from None
    inburgeraar = dossier.inburgeraar
    van, naar = gegevens["overdracht"]["van_gemeente"], gegevens["overdracht"]["naar_gemeente"]
    uitkomst = toets_overdrachtsbestand(
        schemaversie=gegevens["schemaversie"],
        naar_gemeentecode=naar["code"],
        van_gemeentecode=van["code"],
        eigen_gemeentecode=dossier.gemeente.code,
        zelfde_persoon=bsn_tools.zoekhash(gegevens["persoon"]["bsn"]) == inburgeraar.bsn_hash,
    )
    if not uitkomst.toegestaan:
        raise RegelsGeschonden(uitkomst)

    try:
        with transaction.atomic():
            overname = Overname.objects.create(
                gemeente=dossier.gemeente,
                dossier=dossier,
                overdracht_uuid=gegevens["overdracht"]["uuid"],
                van_gemeentecode=van["code"],
                van_gemeentenaam=van["naam"],
                schemaversie=gegevens["schemaversie"],
                inhoud=_zonder_bsn(gegevens),
                sha256=hashlib.sha256(inhoud).hexdigest(),
                ingelezen_door=actor.user,
            )
    except (IntegrityError, ValidationError):
        # A concurrent import of the same dossier won the race.
        raise Conflict() from None
    _aanvullen(
        actor=actor, dossier=dossier, persoon=gegevens["persoon"], contact=gegevens["contact"]
    )
    Gebeurtenis.objects.bulk_create(
        _geschiedenis(dossier=dossier, van=van, tijdlijn=gegevens["tijdlijn"])
    )
    inburgeraar_services.gebeurtenis_toevoegen(
        dossier=dossier,
        soort="overdracht_ingelezen",
        omschrijving=Tekst(
            gettext_noop(
                "Overdrachtsdossier van gemeente %(gemeente)s (%(code)s) ingelezen, kenmerk "
                "%(kenmerk)s: de geschiedenis uit die gemeente staat bij dit dossier (R77)."
            ),
            gemeente=van["naam"],
            code=van["code"],
            kenmerk=gegevens["overdracht"]["kenmerk"],
        ),
        bron=_bron(actor),
        actor=actor,
        gegevens={"van": van["code"], "overname": str(overname.uuid)},
    )
    _log(actor, dossier, Activiteit.WIJZIGEN)
    dossierfeiten.gewijzigd(dossier)
    logger.info("overdracht_ingelezen", dossier=str(dossier.uuid), van=van["code"])
    return overname


def _aanvullen(*, actor: Actor, dossier: Dossier, persoon: dict, contact: dict) -> None:
    """Fill the person's empty fields from the file; what this gemeente has stays."""
    inburgeraar = dossier.inburgeraar
    bron = {**persoon, "telefoon": contact["telefoon"], "email": contact["email"]}
    velden = {
        veld: bron[veld]
        for veld in AANVULBARE_VELDEN
        if bron.get(veld) and not getattr(inburgeraar, veld)
    }
    if not velden:
        return
    try:
        inburgeraar_services.inburgeraar_wijzigen(
            actor=actor,
            inburgeraar=inburgeraar,
            versie=None,
            tijdlijn=gettext_noop("Aangevuld uit het overdrachtsdossier: %(velden)s."),
            **velden,
        )
    except ValidationError as exc:
        raise Geweigerd(
            _("Het overdrachtsdossier bevat contactgegevens die niet kloppen: %(fout)s")
            % {"fout": "; ".join(exc.messages)},
            veld="bestand",
        ) from None


def _geschiedenis(*, dossier: Dossier, van: dict, tijdlijn: list[dict]):
    """The previous gemeente's timeline on this dossier, each entry marked with its name."""
    for regel in tijdlijn:
        try:
            tijdstip = datetime.fromisoformat(regel["tijdstip"])
        except ValueError:
            raise Geweigerd(
                _("Het overdrachtsdossier bevat een tijdstip dat niet klopt."), veld="bestand"
            ) from None
        if timezone.is_naive(tijdstip):
            tijdstip = timezone.make_aware(tijdstip)
        yield inburgeraar_services.gebeurtenis_maken(
            dossier=dossier,
            soort="vorige_gemeente",
            omschrijving=Tekst(
                gettext_noop("Gemeente %(gemeente)s: %(omschrijving)s"),
                gemeente=van["naam"],
                omschrijving=regel["omschrijving"],
            ),
            bron=Bron.SYSTEEM,
            tijdstip=tijdstip,
            gegevens={"vorige_gemeente": van["code"], "soort": regel["soort"]},
        )
