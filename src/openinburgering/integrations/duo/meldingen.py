"""What the gemeente reports to DUO, written to the outbox in the caller's transaction (ADR 6).

Other apps (pip, traject, …) call these services inside the transaction of their own change; the
``UitgaandBericht`` row is then committed together with that change, or not at all. Before a row is
written, DUO's acceptance rules are checked with ``regels``, so that a refusal by DUO is rare and,
when we refuse first, explained with the rule and its article. The ``berichtId`` and the body are
fixed here; delivery (``bezorging.py``) only sends them.

For a gemeente with ``koppeling = portal`` the same row becomes an item on the worklist "in te
voeren in het Portal Inburgering" instead of a message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy

import structlog

from openinburgering.accounts.context import Actor
from openinburgering.core.exceptions import Conflict, Geweigerd, RegelsGeschonden
from openinburgering.core.teksten import vertaal as _  # gettext that keeps the msgid
from openinburgering.gemeenten.models import Koppeling
from openinburgering.inburgeraars import services as inburgeraar_services
from openinburgering.inburgeraars.models import Bron, Inburgeraar
from openinburgering.logboek.models import Activiteit
from openinburgering.logboek.services import verwerkingen_vastleggen
from openinburgering.regels import codes as regelcodes
from openinburgering.regels.aanbod import Aanbod, toets_aanbod
from openinburgering.regels.base import Termijn, Uitkomst
from openinburgering.regels.duo import koppel_contactpersoon
from openinburgering.regels.intake import R27, IntakeVerslag, lbt_vrijgesteld
from openinburgering.regels.leerroutes import toets_zroute_afronding
from openinburgering.regels.participatie import toets_afrondingsdatum, toets_verwijtbaar
from openinburgering.regels.pip import (
    Pip,
    PipContext,
    standaard_niveau,
    toets_dagtekening,
    toets_intensiteit,
    toets_niveau,
    toets_verwijderen,
)
from openinburgering.regels.termijnen import inburgeringstermijn_van_duo

from .models import (
    Contactpersoon,
    ContactpersoonKoppeling,
    MeldingSoort,
    UitgaandBericht,
    UitgaandStatus,
)

logger = structlog.get_logger(__name__)

UREN_MAX = 9999

UREN_SOORTEN = {
    "taalles_knm_brede_intake": MeldingSoort.UREN_TAALLES_KNM_BREDE_INTAKE,
    "participatieactiviteiten": MeldingSoort.UREN_PARTICIPATIEACTIVITEITEN,
    "participatie_taalles": MeldingSoort.UREN_PARTICIPATIE_TAALLES,
}
UREN_PADEN = {
    MeldingSoort.UREN_TAALLES_KNM_BREDE_INTAKE: "/personen/{bsn}/uren/bredeintake/taallesknm",
    MeldingSoort.UREN_PARTICIPATIEACTIVITEITEN: "/personen/{bsn}/uren/participatieactiviteiten",
    MeldingSoort.UREN_PARTICIPATIE_TAALLES: "/personen/{bsn}/uren/participatietaalles",
}

# The Contactpersoon API's field formats (syntax, not law).
_NAAM = re.compile(r"^(?:[\s'‘.\-\u2010-\u2015\u2212]|[^\W\d_]){0,100}$")
_TELEFOON = re.compile(r"^(\+|[0-9])((\s|\s?(-|\(0\))\s?)?[0-9]){2,15}([,][1-9][0-9]{1,8})?$")


class MeldingGeweigerd(RegelsGeschonden):
    """We refuse to send: a rule of DUO's would refuse it. ``uitkomst`` lists every violation."""


def _controleer(uitkomst: Uitkomst) -> None:
    if not uitkomst.toegestaan:
        raise MeldingGeweigerd(uitkomst)


def _duo_datum(waarde: date | None) -> str | None:
    return waarde.isoformat() if waarde else None


def _stand(inburgeraar: Inburgeraar) -> dict:
    stand = getattr(inburgeraar, "duo_stand", None)
    return stand.gegevens if stand is not None else {}


def _stand_datum(stand: dict, sleutel: str, veld: str) -> date | None:
    waarde = (stand.get(sleutel) or {}).get(veld)
    return date.fromisoformat(waarde) if waarde else None


def duo_termijn(inburgeraar: Inburgeraar) -> Termijn | None:
    """The inburgeringstermijn as DUO last gave it (R8/R42), or None."""
    stand = _stand(inburgeraar)
    start = _stand_datum(stand, "termijn", "startdatum")
    eind = _stand_datum(stand, "termijn", "einddatum")
    if start is None or eind is None:
        return None
    return inburgeringstermijn_van_duo(start, eind)


def _schrijven(
    *,
    actor: Actor,
    soort: str,
    methode: str,
    pad: str,
    inburgeraar: Inburgeraar | None = None,
    contactpersoon: Contactpersoon | None = None,
    pad_parameters: dict | None = None,
    inhoud: dict | None = None,
) -> UitgaandBericht:
    """Write one outbox row (with a fixed berichtId), a timeline entry and the log record."""
    from . import tasks

    portal = actor.gemeente.koppeling == Koppeling.PORTAL
    bericht = UitgaandBericht(
        gemeente=actor.gemeente,
        inburgeraar=inburgeraar,
        contactpersoon=contactpersoon,
        soort=soort,
        methode=methode,
        pad=pad,
        pad_parameters=pad_parameters or {},
        inhoud=inhoud,
        status=UitgaandStatus.PORTAL_TE_DOEN if portal else UitgaandStatus.WACHTEND,
    )
    if inburgeraar is not None:
        bericht.zet_bsn(inburgeraar.bsn)
        bericht.volgorde_sleutel = f"p:{bericht.bsn_hash}"
    else:
        bericht.volgorde_sleutel = f"c:{contactpersoon.uuid}"
    bericht.save()
    if inburgeraar is not None:
        label = MeldingSoort(soort).label
        inburgeraar_services.gebeurtenis_toevoegen(
            dossier=inburgeraar.dossier,
            soort="duo_melding",
            omschrijving=(
                _("Melding voor DUO klaargezet voor het Portal Inburgering: %(soort)s.")
                if portal
                else _("Melding aan DUO klaargezet: %(soort)s.")
            )
            % {"soort": label},
            bron=Bron.SYSTEEM,
            actor=actor,
            gegevens={"uitgaand_bericht": str(bericht.uuid), "soort": soort},
        )
        verwerkingen_vastleggen(
            actor=actor, activiteit=Activiteit.WIJZIGEN, pseudoniemen=[inburgeraar.pseudoniem]
        )
    if not portal:
        transaction.on_commit(lambda: tasks.uitgaande_berichten_bezorgen.enqueue())
    logger.info(
        "duo_melding_klaargezet",
        uitgaand_bericht=str(bericht.uuid),
        soort=soort,
        portal=portal,
        gemeente=actor.gemeente.code,
    )
    return bericht


def _eigen(actor: Actor, inburgeraar: Inburgeraar) -> None:
    if inburgeraar.gemeente_id != actor.gemeente.pk:
        raise Geweigerd(_("Deze inburgeraar hoort niet bij deze gemeente."))


# --- PIP --------------------------------------------------------------------------------------


def pip_context(inburgeraar: Inburgeraar, *, peildatum: date | None = None) -> PipContext:
    """What DUO's PIP rules need, from DUO's data and the PIPs we reported before."""
    stand = _stand(inburgeraar)
    eerdere = [
        date.fromisoformat(b.inhoud["dagtekeningPip"])
        for b in UitgaandBericht.objects.filter(
            inburgeraar=inburgeraar,
            soort=MeldingSoort.PIP_REGISTREREN,
            status__in=[UitgaandStatus.BEZORGD, UitgaandStatus.PORTAL_INGEVOERD],
        )
    ]
    huidige = _stand_datum(stand, "pip", "dagtekening")
    return PipContext(
        doelgroep=regelcodes.Doelgroep(inburgeraar.doelgroep),
        # Unknown start of the duty: R11 cannot be checked here (DUO will).
        begindatum_plicht=_stand_datum(stand, "plicht", "begindatum") or date.min,
        peildatum=peildatum or timezone.localdate(),
        eerder_pip=bool(eerdere) or huidige is not None,
        initiele_pip_dagtekening=min(eerdere) if eerdere else None,
        huidige_pip_dagtekening=huidige,
    )


@transaction.atomic
def pip_melden(
    *, actor: Actor, inburgeraar: Inburgeraar, pip: Pip, context: PipContext | None = None
) -> UitgaandBericht:
    """Register a PIP at DUO (PIP API ``POST /personen/{bsn}/PIP``); R11–R18 first."""
    _eigen(actor, inburgeraar)
    context = context or pip_context(inburgeraar)
    _controleer(
        Uitkomst.samen(
            toets_dagtekening(pip, context),
            toets_niveau(pip, context),
            toets_intensiteit(pip, context),
        )
    )
    inhoud = {"dagtekeningPip": pip.dagtekening.isoformat(), "leerroute": pip.leerroute.value}
    niveau = standaard_niveau(pip.leerroute, pip.niveau)
    if niveau is not None:
        inhoud["niveau"] = niveau.value
    if pip.geschatte_intensiteit_b1_route is not None:
        inhoud["geschatteIntensiteitB1Route"] = pip.geschatte_intensiteit_b1_route
    inhoud["indicatorMagOpleidingAfmaken"] = pip.indicator_mag_opleiding_afmaken
    inhoud["indicatorAlfabetiseringsonderwijs"] = pip.alfabetisering.value
    return _schrijven(
        actor=actor,
        inburgeraar=inburgeraar,
        soort=MeldingSoort.PIP_REGISTREREN,
        methode="POST",
        pad="/personen/{bsn}/PIP",
        inhoud=inhoud,
    )


@transaction.atomic
def pip_verwijderen_melden(
    *, actor: Actor, inburgeraar: Inburgeraar, termijn_vastgesteld: bool, cursusuren: bool
) -> UitgaandBericht:
    """Delete the PIP at DUO (R19: only before the term is set and without course hours)."""
    _eigen(actor, inburgeraar)
    _controleer(
        toets_verwijderen(
            termijn_vastgesteld=termijn_vastgesteld, cursusuren_geregistreerd=cursusuren
        )
    )
    return _schrijven(
        actor=actor,
        inburgeraar=inburgeraar,
        soort=MeldingSoort.PIP_VERWIJDEREN,
        methode="DELETE",
        pad="/personen/{bsn}/PIP",
    )


# --- Inburgeringsaanbod -----------------------------------------------------------------------


@transaction.atomic
def aanbod_melden(
    *,
    actor: Actor,
    inburgeraar: Inburgeraar,
    aanbod: Aanbod,
    leerroute: regelcodes.Leerroute | None,
    huidige_pip_dagtekening: date | None,
    termijn: Termijn | None = None,
) -> UitgaandBericht:
    """Register the courses offered (R36, R37, R38, R54 first); one record per institution."""
    _eigen(actor, inburgeraar)
    _controleer(
        toets_aanbod(
            aanbod,
            doelgroep=regelcodes.Doelgroep(inburgeraar.doelgroep),
            leerroute=leerroute,
            huidige_pip_dagtekening=huidige_pip_dagtekening,
            termijn=termijn if termijn is not None else duo_termijn(inburgeraar),
        )
    )
    inhoud = {
        "datumInburgeringsaanbod": _duo_datum(aanbod.datum_inburgeringsaanbod),
        "verwachteStartdatumOpleiding": _duo_datum(aanbod.verwachte_startdatum),
        "verwachteEinddatumOpleiding": _duo_datum(aanbod.verwachte_einddatum),
        "indicatorAlfabetiseringsonderwijs": aanbod.alfabetisering.value,
    }
    return _schrijven(
        actor=actor,
        inburgeraar=inburgeraar,
        soort=MeldingSoort.AANBOD_REGISTREREN,
        methode="POST",
        pad="/personen/{bsn}/Inburgeringsaanbod/{instellingsnummer}",
        pad_parameters={"instellingsnummer": aanbod.instelling.instellingsnummer},
        inhoud={k: v for k, v in inhoud.items() if v is not None},
    )


@transaction.atomic
def aanbod_verwijderen_melden(
    *, actor: Actor, inburgeraar: Inburgeraar, instellingsnummer: str
) -> UitgaandBericht:
    _eigen(actor, inburgeraar)
    return _schrijven(
        actor=actor,
        inburgeraar=inburgeraar,
        soort=MeldingSoort.AANBOD_VERWIJDEREN,
        methode="DELETE",
        pad="/personen/{bsn}/Inburgeringsaanbod/{instellingsnummer}",
        pad_parameters={"instellingsnummer": instellingsnummer},
    )


# --- Gevolgde uren ----------------------------------------------------------------------------


@transaction.atomic
def uren_melden(
    *, actor: Actor, inburgeraar: Inburgeraar, soort: str, uren: int
) -> UitgaandBericht:
    """Report a total of hours: ``taalles_knm_brede_intake``, ``participatieactiviteiten`` or
    ``participatie_taalles`` (a PUT: the new total replaces the old one)."""
    _eigen(actor, inburgeraar)
    melding = UREN_SOORTEN.get(soort)
    if melding is None:
        raise Geweigerd(_("Onbekende soort uren."), veld="soort")
    if not isinstance(uren, int) or not 0 <= uren <= UREN_MAX:
        raise Geweigerd(_("Het aantal uren moet tussen 0 en 9999 liggen."), veld="uren")
    return _schrijven(
        actor=actor,
        inburgeraar=inburgeraar,
        soort=melding,
        methode="PUT",
        pad=UREN_PADEN[melding],
        inhoud={"uren": uren},
    )


# --- MAP, PVT, Z-route ------------------------------------------------------------------------


@dataclass(frozen=True)
class Afronding:
    """What DUO's MAP/PVT rules need to know besides the date (R39, R40)."""

    eigen_huidig_pip: bool = True
    eerder_doorgegeven_door_andere_gemeente: bool = False
    zroute_afronding: date | None = None


def _map_of_pvt(
    *,
    actor: Actor,
    inburgeraar: Inburgeraar,
    onderdeel: str,
    datum: date | None,
    verwijtbaar: regelcodes.JaNee | None,
    termijn: Termijn | None,
    afronding: Afronding,
    peildatum: date | None,
) -> UitgaandBericht:
    _eigen(actor, inburgeraar)
    peildatum = peildatum or timezone.localdate()
    termijn = termijn if termijn is not None else duo_termijn(inburgeraar)
    uitkomst = toets_afrondingsdatum(
        datum,
        termijn_start=termijn.start if termijn else None,
        peildatum=peildatum,
        zroute_afronding=afronding.zroute_afronding,
        eigen_huidig_pip=afronding.eigen_huidig_pip,
        eerder_doorgegeven_door_andere_gemeente=afronding.eerder_doorgegeven_door_andere_gemeente,
        onderdeel=onderdeel,
    )
    if termijn is not None:
        uitkomst += toets_verwijtbaar(
            verwijtbaar, termijn=termijn, afrondingsdatum=datum, peildatum=peildatum
        )
    _controleer(uitkomst)
    if onderdeel == "MAP":
        soort, pad, veld = MeldingSoort.MAP, "/personen/{bsn}/map", "datumEindgesprekMap"
    else:
        soort, pad, veld = MeldingSoort.PVT, "/personen/{bsn}/pvt", "datumOndertekeningPvt"
    # A PUT replaces the whole resource: an absent field withdraws it.
    inhoud = {}
    if datum is not None:
        inhoud[veld] = datum.isoformat()
    if verwijtbaar is not None:
        inhoud["verwijtbaar"] = verwijtbaar.value
    return _schrijven(
        actor=actor, inburgeraar=inburgeraar, soort=soort, methode="PUT", pad=pad, inhoud=inhoud
    )


@transaction.atomic
def map_melden(
    *,
    actor: Actor,
    inburgeraar: Inburgeraar,
    datum: date | None,
    verwijtbaar: regelcodes.JaNee | None = None,
    termijn: Termijn | None = None,
    afronding: Afronding = Afronding(),  # noqa: B008 - frozen dataclass
    peildatum: date | None = None,
) -> UitgaandBericht:
    """The date of the MAP final interview (and culpability), R39 and R40 first."""
    return _map_of_pvt(
        actor=actor,
        inburgeraar=inburgeraar,
        onderdeel="MAP",
        datum=datum,
        verwijtbaar=verwijtbaar,
        termijn=termijn,
        afronding=afronding,
        peildatum=peildatum,
    )


@transaction.atomic
def pvt_melden(
    *,
    actor: Actor,
    inburgeraar: Inburgeraar,
    datum: date | None,
    verwijtbaar: regelcodes.JaNee | None = None,
    termijn: Termijn | None = None,
    afronding: Afronding = Afronding(),  # noqa: B008 - frozen dataclass
    peildatum: date | None = None,
) -> UitgaandBericht:
    """The date the participatieverklaring was signed (and culpability), R39 and R40 first."""
    return _map_of_pvt(
        actor=actor,
        inburgeraar=inburgeraar,
        onderdeel="PVT",
        datum=datum,
        verwijtbaar=verwijtbaar,
        termijn=termijn,
        afronding=afronding,
        peildatum=peildatum,
    )


@transaction.atomic
def zroute_melden(
    *,
    actor: Actor,
    inburgeraar: Inburgeraar,
    datum: date,
    taaluren: int,
    participatieuren: int,
    participatieuren_brede_intake: int = 0,
) -> UitgaandBericht:
    """The Z-route is completed (R41: enough hours first)."""
    _eigen(actor, inburgeraar)
    _controleer(
        toets_zroute_afronding(
            taaluren=taaluren,
            participatieuren=participatieuren,
            participatieuren_brede_intake=participatieuren_brede_intake,
        )
    )
    if datum > timezone.localdate():
        raise Geweigerd(_("De datum van afronding ligt in de toekomst."), veld="datum")
    return _schrijven(
        actor=actor,
        inburgeraar=inburgeraar,
        soort=MeldingSoort.ZROUTE,
        methode="PUT",
        pad="/personen/{bsn}/zroute",
        inhoud={"datumAfrondingZroute": datum.isoformat()},
    )


# --- Contactpersoon ---------------------------------------------------------------------------


def contactgegevens_fouten(naam: str, email: str, telefoonnummer: str) -> dict[str, str]:
    """Every field that DUO's Contactpersoon API would refuse, with a Dutch message."""
    fouten = {}
    if not naam.strip() or not _NAAM.match(naam):
        fouten["naam"] = _("Een naam bestaat uit letters, spaties, punten en streepjes (max. 100).")
    if not 4 <= len(email) <= 241 or "@" not in email:
        fouten["email"] = _("Vul een geldig e-mailadres in.")
    if not 3 <= len(telefoonnummer) <= 22 or not _TELEFOON.match(telefoonnummer):
        fouten["telefoonnummer"] = _("Vul een geldig telefoonnummer in, bijvoorbeeld 0201234567.")
    return fouten


def _contactgegevens(naam: str, email: str, telefoonnummer: str) -> dict:
    fouten = contactgegevens_fouten(naam, email, telefoonnummer)
    if fouten:
        veld, melding = next(iter(fouten.items()))
        raise Geweigerd(melding, veld=veld)
    return {"naam": naam, "email": email, "telefoonnummer": telefoonnummer}


def _eigen_contactpersoon(actor: Actor, contactpersoon: Contactpersoon) -> None:
    if contactpersoon.gemeente_id != actor.gemeente.pk or contactpersoon.verwijderd:
        raise Geweigerd(_("Deze contactpersoon bestaat niet (meer) in deze gemeente."))


def _nieuwe_versie(contactpersoon: Contactpersoon, versie: int | None, **velden) -> None:
    """Bump the version if it is still the one the user saw; otherwise someone else was first."""
    verwacht = contactpersoon.versie if versie is None else versie
    if not Contactpersoon.objects.filter(
        pk=contactpersoon.pk, versie=verwacht, verwijderd=False
    ).update(versie=F("versie") + 1, **velden):
        raise Conflict()


@transaction.atomic
def contactpersoon_aanmaken(
    *, actor: Actor, naam: str, email: str, telefoonnummer: str
) -> Contactpersoon:
    gegevens = _contactgegevens(naam, email, telefoonnummer)
    contactpersoon = Contactpersoon.objects.create(gemeente=actor.gemeente, **gegevens)
    _schrijven(
        actor=actor,
        contactpersoon=contactpersoon,
        soort=MeldingSoort.CONTACTPERSOON_AANMAKEN,
        methode="POST",
        pad="/contactpersonen",
        inhoud=gegevens,
    )
    logger.info("duo_contactpersoon_aangemaakt", contactpersoon=str(contactpersoon.uuid))
    return contactpersoon


@transaction.atomic
def contactpersoon_wijzigen(
    *,
    actor: Actor,
    contactpersoon: Contactpersoon,
    naam: str,
    email: str,
    telefoonnummer: str,
    versie: int | None = None,
) -> Contactpersoon:
    """Change the contact details here and at DUO (PUT replaces them all); ``versie`` is the
    version the user saw, so a concurrent change is a :class:`Conflict`."""
    _eigen_contactpersoon(actor, contactpersoon)
    gegevens = _contactgegevens(naam, email, telefoonnummer)
    ongewijzigd = all(getattr(contactpersoon, k) == v for k, v in gegevens.items())
    if ongewijzigd and (versie is None or versie == contactpersoon.versie):
        return contactpersoon
    _nieuwe_versie(contactpersoon, versie, **gegevens)
    contactpersoon.refresh_from_db()
    _schrijven(
        actor=actor,
        contactpersoon=contactpersoon,
        soort=MeldingSoort.CONTACTPERSOON_WIJZIGEN,
        methode="PUT",
        pad="/contactpersonen/{id}",
        inhoud=gegevens,
    )
    logger.info("duo_contactpersoon_gewijzigd", contactpersoon=str(contactpersoon.uuid))
    return contactpersoon


@transaction.atomic
def contactpersoon_verwijderen(
    *, actor: Actor, contactpersoon: Contactpersoon, versie: int | None = None
) -> None:
    """R48: deleting a contact person removes all its links."""
    _eigen_contactpersoon(actor, contactpersoon)
    _nieuwe_versie(contactpersoon, versie, verwijderd=True)
    ContactpersoonKoppeling.objects.filter(contactpersoon=contactpersoon).delete()
    _schrijven(
        actor=actor,
        contactpersoon=contactpersoon,
        soort=MeldingSoort.CONTACTPERSOON_VERWIJDEREN,
        methode="DELETE",
        pad="/contactpersonen/{id}",
    )
    logger.info("duo_contactpersoon_verwijderd", contactpersoon=str(contactpersoon.uuid))


@transaction.atomic
def contactpersoon_koppelen(
    *, actor: Actor, contactpersoon: Contactpersoon, inburgeraar: Inburgeraar
) -> UitgaandBericht:
    """R48: a new link replaces the person's existing one (at DUO and here)."""
    _eigen(actor, inburgeraar)
    _eigen_contactpersoon(actor, contactpersoon)
    huidig = ContactpersoonKoppeling.objects.filter(inburgeraar=inburgeraar).first()
    koppelingen = {str(inburgeraar.uuid): str(huidig.contactpersoon.uuid)} if huidig else {}
    nieuw = koppel_contactpersoon(koppelingen, str(inburgeraar.uuid), str(contactpersoon.uuid))
    assert nieuw[str(inburgeraar.uuid)] == str(contactpersoon.uuid)
    ContactpersoonKoppeling.objects.update_or_create(
        inburgeraar=inburgeraar, defaults={"contactpersoon": contactpersoon}
    )
    return _schrijven(
        actor=actor,
        inburgeraar=inburgeraar,
        contactpersoon=contactpersoon,
        soort=MeldingSoort.CONTACTPERSOON_KOPPELEN,
        methode="POST",
        pad="/contactpersonen/{id}/personen/{bsn}",
    )


@transaction.atomic
def contactpersoon_ontkoppelen(
    *, actor: Actor, contactpersoon: Contactpersoon, inburgeraar: Inburgeraar
) -> UitgaandBericht:
    _eigen(actor, inburgeraar)
    verwijderd, _per_model = ContactpersoonKoppeling.objects.filter(
        inburgeraar=inburgeraar, contactpersoon=contactpersoon
    ).delete()
    if not verwijderd:
        raise Geweigerd(_("Deze contactpersoon is niet (meer) aan deze inburgeraar gekoppeld."))
    return _schrijven(
        actor=actor,
        inburgeraar=inburgeraar,
        contactpersoon=contactpersoon,
        soort=MeldingSoort.CONTACTPERSOON_ONTKOPPELEN,
        methode="DELETE",
        pad="/contactpersonen/{id}/personen/{bsn}",
    )


# --- Leerbaarheidstoets ------------------------------------------------------------------------


@transaction.atomic
def lbt_overgeslagen_melden(
    *,
    actor: Actor,
    inburgeraar: Inburgeraar,
    visuele_beperking: bool,
    auditieve_beperking: bool,
    peildatum: date | None = None,
) -> UitgaandBericht:
    """The LBT is skipped for a visual or auditory impairment (R27): DUO withdraws the exam
    number (Leerbaarheidstoets API ``DELETE /personen/{bsn}/lbt/examennummer``)."""
    _eigen(actor, inburgeraar)
    vrijgesteld = lbt_vrijgesteld(
        IntakeVerslag(
            visuele_beperking=visuele_beperking,
            auditieve_beperking_kan_toets_niet_maken=auditieve_beperking,
        ),
        peildatum or timezone.localdate(),
    )
    if not vrijgesteld.waarde:
        _controleer(
            Uitkomst.fout(
                R27,
                "Zonder visuele of auditieve beperking is de leerbaarheidstoets verplicht; DUO "
                "trekt het examennummer dan niet in.",
                "Without a visual or auditory impairment the learnability test is required.",
                veld="visuele_beperking",
            )
        )
    return _schrijven(
        actor=actor,
        inburgeraar=inburgeraar,
        soort=MeldingSoort.LBT_OVERGESLAGEN,
        methode="DELETE",
        pad="/personen/{bsn}/lbt/examennummer",
    )


# --- for the Portal worklist --------------------------------------------------------------------

VELD_LABELS = {
    "dagtekeningPip": gettext_lazy("Dagtekening PIP"),
    "leerroute": gettext_lazy("Leerroute"),
    "niveau": gettext_lazy("Niveau"),
    "geschatteIntensiteitB1Route": gettext_lazy("Geschatte intensiteit B1-route (uren)"),
    "indicatorMagOpleidingAfmaken": gettext_lazy("Mag opleiding afmaken"),
    "indicatorAlfabetiseringsonderwijs": gettext_lazy("Alfabetiseringsonderwijs"),
    "datumInburgeringsaanbod": gettext_lazy("Datum inburgeringsaanbod"),
    "verwachteStartdatumOpleiding": gettext_lazy("Verwachte startdatum opleiding"),
    "verwachteEinddatumOpleiding": gettext_lazy("Verwachte einddatum opleiding"),
    "instellingsnummer": gettext_lazy("Instellingsnummer"),
    "uren": gettext_lazy("Uren"),
    "datumEindgesprekMap": gettext_lazy("Datum eindgesprek MAP"),
    "datumOndertekeningPvt": gettext_lazy("Datum ondertekening participatieverklaring"),
    "datumAfrondingZroute": gettext_lazy("Datum afronding Z-route"),
    "verwijtbaar": gettext_lazy("Verwijtbaar"),
    "naam": gettext_lazy("Naam"),
    "email": gettext_lazy("E-mailadres"),
    "telefoonnummer": gettext_lazy("Telefoonnummer"),
}


def invoerwaarden(bericht: UitgaandBericht) -> list[tuple[str, str]]:
    """The message as (label, value) pairs to copy into the Portal Inburgering (no BSN)."""
    waarden = {**bericht.pad_parameters, **(bericht.inhoud or {})}
    uit = []
    if bericht.soort == MeldingSoort.LBT_OVERGESLAGEN:
        # A DELETE has no body: say what to do in the Portal.
        uit.append(
            (
                str(_("Handeling")),
                str(
                    _(
                        "Leerbaarheidstoets overslaan wegens een beperking (R27): het "
                        "examennummer laten intrekken."
                    )
                ),
            )
        )
    for sleutel, waarde in waarden.items():
        if sleutel == "leerroute":
            waarde = regelcodes.Leerroute(waarde).label
        elif sleutel == "indicatorAlfabetiseringsonderwijs":
            waarde = regelcodes.Alfabetisering(waarde).label
        elif isinstance(waarde, bool):
            waarde = _("ja") if waarde else _("nee")
        elif isinstance(waarde, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", waarde):
            waarde = date_format(date.fromisoformat(waarde), "d-m-Y")
        uit.append((str(VELD_LABELS.get(sleutel, sleutel)), str(waarde)))
    return uit
