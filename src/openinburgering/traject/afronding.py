"""PVT signing, MAP final interview, culpability: checked by R39, R40, R43 and R25, then to DUO.

One function for both components, because DUO applies the same rules to both (DOMAIN.md §9.3).
"""

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

import structlog

from openinburgering.accounts.context import Actor
from openinburgering.accounts.rollen import Recht
from openinburgering.core.exceptions import Conflict, Geweigerd, RegelsGeschonden
from openinburgering.core.teksten import Tekst
from openinburgering.inburgeraars.models import Bron
from openinburgering.inburgeraars.services import gebeurtenis_toevoegen
from openinburgering.logboek.models import Activiteit
from openinburgering.logboek.services import verwerkingen_vastleggen
from openinburgering.regels.base import Uitkomst
from openinburgering.regels.codes import JaNee, NietVrijstellendOnderwijs
from openinburgering.regels.leerroutes import map_verplicht
from openinburgering.regels.participatie import (
    Onderwijsperiode,
    niet_verwijtbaar_door_onderwijs,
    toets_afrondingsdatum,
    toets_verwijtbaar,
)
from openinburgering.regels.pip import R25

from . import duo
from .models import Afronding, Onderdeel
from .routefeiten import RouteFeiten, routefeiten

logger = structlog.get_logger(__name__)

ONDERDEEL_NAAM = {Onderdeel.PVT: "PVT", Onderdeel.MAP: "MAP"}
MELDEN = {Onderdeel.PVT: duo.pvt_melden, Onderdeel.MAP: duo.map_melden}


def bron(actor: Actor) -> str:
    return {"medewerker": Bron.MEDEWERKER, "api": Bron.API}.get(actor.soort, Bron.SYSTEEM)


def vereis(actor: Actor, recht: Recht, dossier=None) -> None:
    if not actor.mag(recht):
        raise Geweigerd(_("U heeft niet het recht om dit te doen."))
    if dossier is not None and dossier.gemeente_id != actor.gemeente.pk:
        raise Geweigerd(_("Dit dossier hoort bij een andere gemeente."))


def afronding_get(dossier, onderdeel: str) -> Afronding | None:
    return Afronding.objects.filter(dossier=dossier, onderdeel=onderdeel).first()


@dataclass(frozen=True)
class Onderwijs:
    """Non-exempting education the person followed (for R43); optional."""

    soort: str
    begin: date
    einde: date | None = None


def toetsen(
    *,
    onderdeel: str,
    datum: date | None,
    verwijtbaar: str,
    feiten: RouteFeiten,
    zroute_afronding: date | None,
    peildatum: date,
    onderwijs: Onderwijs | None = None,
) -> Uitkomst:
    """Every rule DUO applies to a PVT/MAP message, from ``regels``. Empty = may go to DUO."""
    naam = ONDERDEEL_NAAM[Onderdeel(onderdeel)]
    uitkomst = Uitkomst()
    if (
        onderdeel == Onderdeel.MAP
        and feiten.leerroute is not None
        and not map_verplicht(feiten.leerroute)
    ):
        uitkomst += Uitkomst.fout(
            R25,
            f"De MAP hoort niet bij de {feiten.leerroute.label.lower()}; er gaat niets naar DUO.",
            "The MAP does not belong to the education route; nothing is sent to DUO.",
        )
        return uitkomst
    termijn = feiten.termijn
    uitkomst += toets_afrondingsdatum(
        datum,
        termijn_start=termijn.start if termijn else None,
        peildatum=peildatum,
        zroute_afronding=zroute_afronding,
        eigen_huidig_pip=feiten.eigen_huidig_pip,
        onderdeel=naam,
    )
    if termijn is not None:
        oordeel = JaNee(verwijtbaar) if verwijtbaar else None
        uitkomst += toets_verwijtbaar(
            oordeel, termijn=termijn, afrondingsdatum=datum, peildatum=peildatum
        )
        if oordeel is JaNee.JA and onderwijs is not None:
            r43 = niet_verwijtbaar_door_onderwijs(
                [
                    Onderwijsperiode(
                        NietVrijstellendOnderwijs(onderwijs.soort), onderwijs.begin, onderwijs.einde
                    )
                ],
                termijn=termijn,
                peildatum=peildatum,
            )
            if r43.waarde:
                uitkomst += Uitkomst.fout(
                    r43.regel,
                    f"{r43.uitleg} Kies daarom 'Nee'.",
                    f"{r43.uitleg_en} Choose 'No'.",
                    veld="verwijtbaar",
                )
    return uitkomst


@transaction.atomic
def afronding_vastleggen(
    *,
    actor: Actor,
    dossier,
    onderdeel: str,
    datum: date | None,
    verwijtbaar: str = "",
    motivering: str = "",
    onderwijs: Onderwijs | None = None,
    versie: int | None = None,
) -> Afronding:
    """Record the PVT signing / MAP final interview and the culpability, and queue it for DUO.

    Blocked by any of R25, R39, R40, R43: nothing is saved and the ``ValidationError`` names the
    rule and the article.
    """
    vereis(actor, Recht.TRAJECT_VASTLEGGEN, dossier)
    onderdeel = Onderdeel(onderdeel)
    if onderdeel not in MELDEN:
        raise ValueError(onderdeel)
    if verwijtbaar and not motivering.strip():
        raise Geweigerd(
            _("Leg uit waarom het (niet) verwijtbaar is; DUO kan om de motivering vragen."),
            veld="motivering",
        )
    peildatum = timezone.localdate()
    zroute = afronding_get(dossier, Onderdeel.ZROUTE)
    feiten = routefeiten(dossier)
    uitkomst = toetsen(
        onderdeel=onderdeel,
        datum=datum,
        verwijtbaar=verwijtbaar,
        feiten=feiten,
        zroute_afronding=zroute.datum if zroute else None,
        peildatum=peildatum,
        onderwijs=onderwijs,
    )
    if not uitkomst.toegestaan:
        raise RegelsGeschonden(uitkomst)
    afronding = afronding_get(dossier, onderdeel)
    if afronding is None:
        afronding = Afronding.objects.create(
            gemeente=actor.gemeente,
            dossier=dossier,
            onderdeel=onderdeel,
            datum=datum,
            verwijtbaar=verwijtbaar,
            motivering=motivering.strip(),
            vastgelegd_door=actor.user,
        )
    else:
        if (afronding.datum, afronding.verwijtbaar, afronding.motivering) == (
            datum,
            verwijtbaar,
            motivering.strip(),
        ):
            return afronding
        verwacht = afronding.versie if versie is None else versie
        bijgewerkt = Afronding.objects.filter(pk=afronding.pk, versie=verwacht).update(
            datum=datum,
            verwijtbaar=verwijtbaar,
            motivering=motivering.strip(),
            vastgelegd_door=actor.user,
            versie=F("versie") + 1,
        )
        if not bijgewerkt:
            raise Conflict()
        afronding.refresh_from_db()
    inhoud = MELDEN[onderdeel](
        actor=actor,
        afronding=afronding,
        feiten=feiten,
        zroute_afronding=zroute.datum if zroute else None,
    )
    delen = []
    if datum:
        delen.append(
            Tekst(
                gettext_noop("ondertekend op %(d)s")
                if onderdeel == Onderdeel.PVT
                else gettext_noop("eindgesprek op %(d)s"),
                d=datum,
            )
        )
    if verwijtbaar:
        delen.append(Tekst(gettext_noop("verwijtbaar: %(v)s"), v=JaNee(verwijtbaar).value))
    gebeurtenis_toevoegen(
        dossier=dossier,
        soort=f"{onderdeel}_afronding",
        omschrijving=Tekst(
            gettext_noop("%(onderdeel)s: %(wat)s. Klaargezet voor DUO."),
            onderdeel=ONDERDEEL_NAAM[onderdeel],
            wat=Tekst.samen(*delen, scheiding=", ")
            if delen
            else Tekst(gettext_noop("gegevens gewist")),
        ),
        bron=bron(actor),
        actor=actor,
        gegevens={"duo": inhoud},
    )
    verwerkingen_vastleggen(
        actor=actor, activiteit=Activiteit.WIJZIGEN, pseudoniemen=[dossier.inburgeraar.pseudoniem]
    )
    logger.info("afronding_vastgelegd", dossier=str(dossier.uuid), onderdeel=onderdeel)
    return afronding
