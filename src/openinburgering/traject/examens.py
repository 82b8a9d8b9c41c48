"""Exam results and free attempts from DUO (Examen API, SS199) and the picture per component.

The integration calls ``examenuitslagen_bijwerken`` when it processes SS199; a caseworker can
also fetch the results on demand (``examens_ophalen_bij_duo``). Whether the duty is met is DUO's
call (SS106), which the integration records by closing the dossier with end reason ``voldaan``.
"""

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

import structlog

from openinburgering.accounts.context import Actor
from openinburgering.accounts.rollen import Recht
from openinburgering.core.exceptions import Geweigerd
from openinburgering.core.keten import raadplegen
from openinburgering.logboek.models import Activiteit
from openinburgering.logboek.services import verwerkingen_vastleggen
from openinburgering.regels.codes import Examenonderdeel, Examenresultaat, Leerroute

from .afronding import vereis
from .models import ExamenUitslag, GratisPogingen

logger = structlog.get_logger(__name__)


@transaction.atomic
def examenuitslagen_bijwerken(
    *, actor: Actor, dossier, resultaten: list[dict], pogingen: list[dict]
) -> int:
    """Store DUO's answers (JSON as in DUO's Examen API); idempotent. Returns new results."""
    if dossier.gemeente_id != actor.gemeente.pk:
        raise Geweigerd(_("Dit dossier hoort bij een andere gemeente."))
    nieuw = 0
    for r in resultaten:
        _obj, aangemaakt = ExamenUitslag.objects.update_or_create(
            dossier=dossier,
            onderdeel=r["onderdeel"],
            niveau=r.get("niveau", "") or "",
            examendatum=date.fromisoformat(str(r["examendatum"])),
            defaults={
                "gemeente": dossier.gemeente,
                "resultaat": r["resultaat"],
                "reden_geen_resultaat": r.get("redenGeenResultaat", "") or "",
            },
        )
        nieuw += aangemaakt
    for p in pogingen:
        GratisPogingen.objects.update_or_create(
            dossier=dossier,
            onderdeel=p["onderdeel"],
            defaults={"tegoed": p["gratisPogingenTegoed"]},
        )
    verwerkingen_vastleggen(
        actor=actor, activiteit=Activiteit.WIJZIGEN, pseudoniemen=[dossier.inburgeraar.pseudoniem]
    )
    logger.info("examenuitslagen_bijgewerkt", dossier=str(dossier.uuid), nieuw=nieuw)
    return nieuw


def examens_ophalen_bij_duo(*, actor: Actor, dossier) -> int:
    """Ask DUO's Examen API now (raadpleging) and store the answer."""
    vereis(actor, Recht.TRAJECT_VASTLEGGEN, dossier)
    try:
        examens = raadplegen.raadpleging().examens(
            gemeente=dossier.gemeente, actor=actor, bsn=dossier.inburgeraar.bsn
        )
    except raadplegen.KetenFout as exc:
        logger.warning(
            "examens_ophalen_mislukt", dossier=str(dossier.uuid), fout=type(exc).__name__
        )
        raise Geweigerd(
            _("DUO gaf geen antwoord of weigerde de vraag. Probeer het later opnieuw.")
        ) from None
    return uitslagen_van_duo_opslaan(
        actor=actor, dossier=dossier, resultaten=examens.uitslagen, pogingen=examens.pogingen
    )


def uitslagen_van_duo_opslaan(*, actor: Actor, dossier, resultaten, pogingen) -> int:
    """Store DUO's answers (``keten.raadplegen.Examenuitslag``/``GratisPoging``, or anything
    with their fields): after an SS199 notice, or on request.

    DUO's answer is input too: a code outside its own lists would not fit our columns (a
    database error on PostgreSQL). It is refused whole, in Dutch, and nothing is stored; after
    an SS199 the notice then fails with a work item that says so."""
    onbekend = (
        {r.onderdeel for r in resultaten if r.onderdeel not in Examenonderdeel}
        | {r.resultaat for r in resultaten if r.resultaat not in Examenresultaat}
        | {p.onderdeel for p in pogingen if p.onderdeel not in Examenonderdeel}
    )
    if onbekend:
        logger.warning("examens_onbekende_code", dossier=str(dossier.uuid), aantal=len(onbekend))
        raise Geweigerd(
            _(
                "DUO gaf examenuitslagen met een onbekende code; er is niets opgeslagen. "
                "Meld dit aan de functioneel beheerder."
            )
        )
    return examenuitslagen_bijwerken(
        actor=actor,
        dossier=dossier,
        resultaten=[
            {
                "onderdeel": r.onderdeel,
                "niveau": r.niveau,
                "examendatum": r.examendatum.isoformat(),
                "resultaat": r.resultaat,
                "redenGeenResultaat": r.reden_geen_resultaat,
            }
            for r in resultaten
        ],
        pogingen=[{"onderdeel": p.onderdeel, "gratisPogingenTegoed": p.tegoed} for p in pogingen],
    )


BEHAALD = "behaald"
NIET_BEHAALD = "niet_behaald"
NOG_TE_DOEN = "te_doen"
NIET_VERPLICHT = "niet_verplicht"
STAND_LABEL = {
    BEHAALD: gettext_lazy("Behaald"),
    NIET_BEHAALD: gettext_lazy("Nog niet behaald"),
    NOG_TE_DOEN: gettext_lazy("Nog te doen"),
    NIET_VERPLICHT: gettext_lazy("Niet verplicht in deze route"),
}


@dataclass(frozen=True)
class OnderdeelStand:
    onderdeel: Examenonderdeel
    stand: str
    pogingen: list
    gratis_tegoed: int | None

    @property
    def label(self) -> str:
        return self.onderdeel.label

    @property
    def stand_label(self) -> str:
        return str(STAND_LABEL[self.stand])


def examenoverzicht(dossier, leerroute: Leerroute | None) -> list[OnderdeelStand]:
    """Per component: passed, attempted without passing, or still to do (2 queries)."""
    uitslagen: dict[str, list] = {}
    for u in ExamenUitslag.objects.filter(dossier=dossier).order_by("-examendatum"):
        uitslagen.setdefault(u.onderdeel, []).append(u)
    tegoed = dict(GratisPogingen.objects.filter(dossier=dossier).values_list("onderdeel", "tegoed"))
    uit = []
    for onderdeel in Examenonderdeel:
        pogingen = uitslagen.get(onderdeel.value, [])
        if any(p.resultaat == Examenresultaat.GESLAAGD for p in pogingen):
            stand = BEHAALD
        elif pogingen:
            stand = NIET_BEHAALD
        elif leerroute is Leerroute.Z_ROUTE:
            stand = NIET_VERPLICHT  # R59: no exam is required in the Z-route
        else:
            stand = NOG_TE_DOEN
        uit.append(OnderdeelStand(onderdeel, stand, pogingen, tegoed.get(onderdeel.value)))
    return uit
