"""Reconciliation: compare, per active dossier, what we hold with what DUO holds.

"Ours" is what the dossier says (active = duty, doelgroep) and what we reported to DUO and DUO
accepted (the last delivered PIP, hours, MAP and PVT in the outbox; the term that follows from
our first PIP by R7/R8). "DUO's" is the answer of DUO's APIs now. Every difference becomes one
open work item on the dossier with both values; a difference that is gone closes its item.
A field with a message still on its way to DUO is not compared.

DUO has no API that lists the persons of a gemeente. In production reconciliation therefore
covers the dossiers we know plus DUO's notifications; only against the simulator
(``DUO_SIM_PERSONENLIJST``) it also finds persons DUO knows for this gemeente and we do not.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy

import requests
import structlog

from openinburgering.accounts.context import Actor
from openinburgering.core import bsn as bsn_tools
from openinburgering.core.teksten import vertaal as _  # gettext that keeps the msgid
from openinburgering.inburgeraars.models import Dossier, Inburgeraar
from openinburgering.inburgeraars.workflow import Status
from openinburgering.logboek.models import Activiteit
from openinburgering.logboek.services import verwerkingen_vastleggen
from openinburgering.regels import codes as regelcodes
from openinburgering.regels.termijnen import inburgeringstermijn

from .client import Duo
from .fouten import DuoFout, DuoNietGevonden
from .models import (
    OPEN_UITGAAND,
    Afstemming,
    AfstemmingStatus,
    MeldingSoort,
    UitgaandBericht,
    UitgaandStatus,
    Werkitem,
    WerkitemSoort,
    WerkitemStatus,
)
from .services import duo_stand_bijwerken, signalen_bijwerken, werkitem_aanmaken

logger = structlog.get_logger(__name__)

VELDEN = {
    "plicht": gettext_lazy("inburgeringsplicht"),
    "doelgroep": gettext_lazy("doelgroep"),
    "pip": gettext_lazy("PIP"),
    "termijn": gettext_lazy("start inburgeringstermijn"),
    "uren_taalles_knm_brede_intake": gettext_lazy("uren taalles en KNM (brede intake)"),
    "uren_participatieactiviteiten": gettext_lazy("uren participatieactiviteiten"),
    "uren_participatie_taalles": gettext_lazy("uren participatie als taalles"),
    "map": gettext_lazy("datum eindgesprek MAP"),
    "pvt": gettext_lazy("datum ondertekening PVT"),
}
GEEN = gettext_lazy("(niets)")

BEZORGD = (UitgaandStatus.BEZORGD, UitgaandStatus.PORTAL_INGEVOERD)


@dataclass(frozen=True)
class Verschil:
    veld: str
    ons: str
    duo: str


def _tekst(waarde) -> str:
    if waarde is None or waarde == "":
        return str(GEEN)
    if isinstance(waarde, date):
        return waarde.strftime("%d-%m-%Y")
    return str(waarde)


def _laatste(inburgeraar: Inburgeraar, soort: str) -> tuple[UitgaandBericht | None, bool]:
    """The last message of this kind DUO accepted, and whether another one is on its way."""
    berichten = UitgaandBericht.objects.filter(inburgeraar=inburgeraar, soort=soort)
    onderweg = berichten.filter(status__in=OPEN_UITGAAND).exists()
    return berichten.filter(status__in=BEZORGD).order_by("-pk").first(), onderweg


def _pip_van_ons(inburgeraar) -> tuple[dict | None, bool, list[date]]:
    pip, onderweg = _laatste(inburgeraar, MeldingSoort.PIP_REGISTREREN)
    verwijderd, weg_onderweg = _laatste(inburgeraar, MeldingSoort.PIP_VERWIJDEREN)
    dagtekeningen = [
        date.fromisoformat(b.inhoud["dagtekeningPip"])
        for b in UitgaandBericht.objects.filter(
            inburgeraar=inburgeraar, soort=MeldingSoort.PIP_REGISTREREN, status__in=BEZORGD
        )
    ]
    if pip is not None and verwijderd is not None and verwijderd.pk > pip.pk:
        pip = None
    return (pip.inhoud if pip else None), onderweg or weg_onderweg, dagtekeningen


def vergelijken(duo: Duo, dossier: Dossier) -> tuple[list[Verschil], dict]:
    """Ask DUO about one dossier and list the differences. Raises DuoFout when DUO fails."""
    inburgeraar = dossier.inburgeraar
    bsn = inburgeraar.bsn
    gemeentecode = dossier.gemeente.code
    verschillen: list[Verschil] = []
    opgehaald: dict = {}

    def vraag(naam, functie):
        try:
            waarde = functie(bsn=bsn)
        except DuoNietGevonden:
            waarde = None
        if isinstance(waarde, list):
            opgehaald[naam] = [w.als_json() for w in waarde]
        else:
            opgehaald[naam] = waarde.als_json() if waarde is not None else None
        return waarde

    plicht = vraag("plicht", duo.plicht.plicht)
    if plicht is None or not plicht.indicator:
        verschillen.append(
            Verschil(
                "plicht",
                _("plichtig (dossier loopt)"),
                _("geen plicht: %(reden)s")
                % {"reden": (plicht.reden_geen_plicht if plicht else "") or _("onbekend bij DUO")},
            )
        )
    doelgroep = vraag("doelgroep", duo.plicht.doelgroep)
    if doelgroep is not None and doelgroep.indeling != inburgeraar.doelgroep:
        verschillen.append(Verschil("doelgroep", inburgeraar.doelgroep, doelgroep.indeling))

    onze_pip, pip_onderweg, dagtekeningen = _pip_van_ons(inburgeraar)
    duo_pip = vraag("pip", duo.pip.pip)
    if not pip_onderweg:
        ons = (
            (onze_pip["dagtekeningPip"], onze_pip["leerroute"], onze_pip.get("niveau", ""))
            if onze_pip
            else None
        )
        bij_duo = (
            (duo_pip.dagtekening.isoformat(), duo_pip.leerroute, duo_pip.niveau)
            if duo_pip is not None and duo_pip.gemeentecode == gemeentecode
            else None
        )
        if ons != bij_duo and (ons is not None or bij_duo is not None):

            def pip_tekst(p):
                if p is None:
                    return str(GEEN)
                route = regelcodes.Leerroute(p[1]).label
                return f"{_tekst(date.fromisoformat(p[0]))}, {route}" + (
                    f", {p[2]}" if p[2] else ""
                )

            duo_tekst = pip_tekst(bij_duo)
            if duo_pip is not None and duo_pip.gemeentecode != gemeentecode:
                duo_tekst = _("PIP van gemeente %(code)s") % {"code": duo_pip.gemeentecode}
            verschillen.append(Verschil("pip", pip_tekst(ons), duo_tekst))

    termijn = vraag("termijn", duo.termijn.termijn)
    onze_termijn = inburgeringstermijn(dagtekeningen) if dagtekeningen else None
    if onze_termijn is not None and not pip_onderweg:
        duo_start = termijn.startdatum if termijn else None
        if duo_start != onze_termijn.start:
            verschillen.append(Verschil("termijn", _tekst(onze_termijn.start), _tekst(duo_start)))

    uren = vraag("uren", duo.uren.uren)
    van_ons_bij_duo = next((u for u in uren or [] if u.gemeentecode == gemeentecode), None)
    for soort, attribuut in (
        (MeldingSoort.UREN_TAALLES_KNM_BREDE_INTAKE, "taalles_en_knm_brede_intake"),
        (MeldingSoort.UREN_PARTICIPATIEACTIVITEITEN, "participatieactiviteiten_brede_intake"),
        (MeldingSoort.UREN_PARTICIPATIE_TAALLES, "participatie_als_taalles"),
    ):
        laatste, onderweg = _laatste(inburgeraar, soort)
        if laatste is None or onderweg:
            continue
        bij_duo = getattr(van_ons_bij_duo, attribuut) if van_ons_bij_duo else None
        if laatste.inhoud["uren"] != bij_duo:
            verschillen.append(
                Verschil(soort.value, _tekst(laatste.inhoud["uren"]), _tekst(bij_duo))
            )

    for soort, functie, veld, attribuut in (
        (MeldingSoort.MAP, duo.map_pvt_zroute.map, "datumEindgesprekMap", "datum_eindgesprek"),
        (MeldingSoort.PVT, duo.map_pvt_zroute.pvt, "datumOndertekeningPvt", "datum_ondertekening"),
    ):
        bij_duo_obj = vraag(soort.value, functie)
        laatste, onderweg = _laatste(inburgeraar, soort)
        if onderweg:
            continue
        ons = (laatste.inhoud or {}).get(veld) if laatste else None
        bij_duo = getattr(bij_duo_obj, attribuut).isoformat() if bij_duo_obj else None
        if ons != bij_duo:
            verschillen.append(
                Verschil(
                    soort.value,
                    _tekst(date.fromisoformat(ons) if ons else None),
                    _tekst(date.fromisoformat(bij_duo) if bij_duo else None),
                )
            )
    return verschillen, opgehaald


def _sleutel(dossier: Dossier, veld: str) -> str:
    return f"afstemming:{dossier.uuid}:{veld}"


def _vastleggen(
    afstemming: Afstemming, dossier: Dossier, verschillen: list[Verschil], opgehaald: dict
) -> tuple[int, int]:
    """Open/update an item per difference, close the items whose difference is gone."""
    nu_verschillend = {v.veld: v for v in verschillen}
    open_items = {
        w.sleutel: w
        for w in Werkitem.objects.filter(
            dossier=dossier,
            soort=WerkitemSoort.DUO_VERSCHIL,
            status=WerkitemStatus.OPEN,
        )
    }
    for veld, verschil in nu_verschillend.items():
        toelichting = _("Bij ons: %(ons)s. Bij DUO: %(duo)s.") % {
            "ons": verschil.ons,
            "duo": verschil.duo,
        }
        bestaand = open_items.get(_sleutel(dossier, veld))
        if bestaand is not None:
            if bestaand.toelichting != toelichting:
                Werkitem.objects.filter(pk=bestaand.pk).update(toelichting=toelichting)
            continue
        werkitem_aanmaken(
            gemeente=dossier.gemeente,
            dossier=dossier,
            soort=WerkitemSoort.DUO_VERSCHIL,
            titel=_("Verschil met DUO: %(veld)s") % {"veld": VELDEN[veld]},
            toelichting=toelichting,
            sleutel=_sleutel(dossier, veld),
        )
    opgelost = [
        w.pk
        for sleutel, w in open_items.items()
        if sleutel.rsplit(":", 1)[1] not in nu_verschillend
    ]
    if opgelost:
        signalen_bijwerken(dossier)
        Werkitem.objects.filter(pk__in=opgelost).update(
            status=WerkitemStatus.AFGEHANDELD,
            afgehandeld_op=timezone.now(),
            afgehandeld_door="DUO-koppeling",
            afhandeling=_("Opgelost: bij de afstemming kwamen de gegevens overeen."),
        )
    duo_stand_bijwerken(inburgeraar=dossier.inburgeraar, gegevens=opgehaald)
    verwerkingen_vastleggen(
        actor=Actor(gemeente=dossier.gemeente, systeem="DUO-afstemming"),
        activiteit=Activiteit.DUO_AFGESTEMD,
        pseudoniemen=[dossier.inburgeraar.pseudoniem],
    )
    return len(nu_verschillend), len(opgelost)


def _onbekende_personen(afstemming: Afstemming, sessie: requests.Session) -> int:
    """Only against the simulator: persons DUO links to this gemeente that we do not know."""
    gemeente = afstemming.gemeente
    url = f"{settings.DUO_API_ROOT.rstrip('/')}/_sim/personen"
    antwoord = sessie.get(
        url,
        params={"gemeente": gemeente.oin},
        timeout=(settings.DUO_CONNECT_TIMEOUT, settings.DUO_READ_TIMEOUT),
    )
    antwoord.raise_for_status()
    bekend = set(Inburgeraar.objects.filter(gemeente=gemeente).values_list("bsn_hash", flat=True))
    aantal = 0
    for persoon in antwoord.json():
        bsn = str(persoon.get("bsn", ""))
        if not bsn_tools.is_geldig(bsn) or bsn_tools.zoekhash(bsn) in bekend:
            continue
        with transaction.atomic():
            werkitem_aanmaken(
                gemeente=gemeente,
                soort=WerkitemSoort.PERSOON_ONBEKEND,
                titel=_("Persoon bekend bij DUO, zonder dossier bij ons"),
                toelichting=_(
                    "DUO rekent deze persoon tot deze gemeente, maar hier is geen dossier. "
                    "Controleer of er een notificatie is gemist en maak zo nodig een dossier aan."
                ),
                sleutel=f"afstemming:onbekend:{bsn_tools.zoekhash(bsn)}",
                bsn=bsn,
            )
            verwerkingen_vastleggen(
                actor=Actor(gemeente=gemeente, systeem="DUO-afstemming"),
                activiteit=Activiteit.DUO_AFGESTEMD,
                pseudoniemen=[bsn_tools.pseudoniem(bsn)],
            )
        aantal += 1
    return aantal


def afstemmen(
    *, gemeente, gestart_door: str = "", sessie: requests.Session | None = None
) -> Afstemming:
    """Compare every active dossier of the gemeente with DUO; returns the finished run."""
    afstemming = Afstemming.objects.create(gemeente=gemeente, gestart_door=gestart_door)
    sessie = sessie or requests.Session()
    duo = Duo(gemeente, session=sessie, actor=Actor(gemeente=gemeente, systeem="DUO-afstemming"))
    dossiers = (
        Dossier.objects.filter(gemeente=gemeente)
        .exclude(status=Status.AFGEROND)
        .select_related("inburgeraar", "gemeente")
        .order_by("pk")
    )
    tellingen = {"dossiers": 0, "verschillen": 0, "opgelost": 0, "fouten": 0}
    for dossier in dossiers.iterator(chunk_size=200):
        tellingen["dossiers"] += 1
        try:
            verschillen, opgehaald = vergelijken(duo, dossier)
        except DuoFout as fout:
            tellingen["fouten"] += 1
            logger.warning(
                "duo_afstemming_dossier_mislukt",
                dossier=str(dossier.uuid),
                fout=type(fout).__name__,
            )
            continue
        with transaction.atomic():
            aantal, opgelost = _vastleggen(afstemming, dossier, verschillen, opgehaald)
        tellingen["verschillen"] += aantal
        tellingen["opgelost"] += opgelost
    onbekend = 0
    toelichting = ""
    if settings.DUO_SIM_PERSONENLIJST:
        try:
            onbekend = _onbekende_personen(afstemming, sessie)
        except (requests.RequestException, ValueError):
            toelichting = _("De lijst van personen bij de simulator kon niet worden opgehaald.")
    else:
        toelichting = _(
            "DUO heeft geen lijst van personen per gemeente: alleen bekende dossiers zijn "
            "vergeleken; nieuwe personen komen via DUO's notificaties."
        )
    Afstemming.objects.filter(pk=afstemming.pk).update(
        status=AfstemmingStatus.KLAAR,
        klaar_op=timezone.now(),
        aantal_dossiers=tellingen["dossiers"],
        aantal_verschillen=tellingen["verschillen"],
        aantal_opgelost=tellingen["opgelost"],
        aantal_fouten=tellingen["fouten"],
        aantal_onbekende_personen=onbekend,
        toelichting=toelichting,
    )
    afstemming.refresh_from_db()
    logger.info(
        "duo_afstemming_klaar",
        afstemming=str(afstemming.uuid),
        gemeente=gemeente.code,
        **tellingen,
        onbekend=onbekend,
    )
    return afstemming
