"""Enforcement steps: every amount, article and term from ``regels``; each step with a letter."""

from datetime import date, timedelta
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

import structlog

from openinburgering import brieven
from openinburgering.accounts.context import Actor
from openinburgering.accounts.rollen import Recht
from openinburgering.besluiten import services as besluiten
from openinburgering.besluiten.models import Soort
from openinburgering.core import publicatie
from openinburgering.core.exceptions import Geweigerd, RegelsGeschonden
from openinburgering.core.teksten import Tekst
from openinburgering.inburgeraars.models import Bron
from openinburgering.inburgeraars.services import gebeurtenis_toevoegen, vereis_persoonsgegevens
from openinburgering.logboek.models import Activiteit
from openinburgering.logboek.services import verwerkingen_vastleggen
from openinburgering.regels.base import Termijn, Uitkomst
from openinburgering.regels.codes import Verplichting
from openinburgering.regels.handhaving import (
    ARTIKEL_22,
    ARTIKEL_23,
    R31,
    intake_escalatie,
    sanctiegrondslag,
    toets_boete_niet_vervallen,
    toets_intakeboete,
    toets_pip_boete,
    vervaltermijn_boete,
)
from openinburgering.regels.termijnen import bezwaartermijn

from .models import Handhavingsstap, Handhavingszaak, StapSoort, ZaakStatus

logger = structlog.get_logger(__name__)

#: Term for a zienswijze after the intention to fine (Awb 4:8 sets no number; policy: 2 weeks).
ZIENSWIJZE_DAGEN = 14


def _vereis(actor: Actor, recht: Recht, dossier) -> None:
    if not actor.mag(recht):
        raise Geweigerd(_("U heeft niet het recht om dit te doen."))
    if dossier.gemeente_id != actor.gemeente.pk:
        raise Geweigerd(_("Dit dossier hoort bij een andere gemeente."))


def _bron(actor: Actor) -> str:
    return {"medewerker": Bron.MEDEWERKER, "api": Bron.API}.get(actor.soort, Bron.SYSTEEM)


def _datum_controleren(zaak: Handhavingszaak, datum: date) -> None:
    if datum > timezone.localdate():
        raise ValidationError({"datum": _("De datum ligt in de toekomst.")})
    if datum < zaak.overtredingsdatum:
        raise ValidationError({"datum": _("De datum ligt vóór de overtreding.")})


def _log(actor, zaak, omschrijving):
    gebeurtenis_toevoegen(
        dossier=zaak.dossier,
        soort="handhaving",
        omschrijving=omschrijving,
        bron=_bron(actor),
        actor=actor,
        gegevens={"zaak": str(zaak.uuid)},
    )
    verwerkingen_vastleggen(
        actor=actor,
        activiteit=Activiteit.WIJZIGEN,
        pseudoniemen=[zaak.dossier.inburgeraar.pseudoniem],
    )


#: What a fine's letter adds to the bezwaar clause every decision's letter carries.
BOETE_BEZWAAR_EXTRA = "Tijdens het bezwaar hoeft u de boete nog niet te betalen."


def _brief(
    stap: Handhavingsstap, *, bezwaartermijn: Termijn | None = None, adres_bevestigd: bool = False
) -> None:
    zaak = stap.zaak
    vereis_persoonsgegevens(zaak.dossier.inburgeraar)
    stap.brief_pad, stap.brief_sha256 = brieven.persoonsbrief(
        template=f"handhaving/brief_{stap.soort}.html",
        context={
            "stap": stap,
            "zaak": zaak,
            "verplichting": Verplichting(zaak.verplichting).label,
        },
        gemeente=zaak.gemeente,
        inburgeraar=zaak.dossier.inburgeraar,
        brief=stap.uuid,
        soort=f"handhaving_{stap.soort}",
        datum=stap.datum,
        map="handhaving",
        bezwaartermijn=bezwaartermijn,
        bezwaar_extra=BOETE_BEZWAAR_EXTRA if bezwaartermijn else "",
        adres_bevestigd=adres_bevestigd,
    )
    stap.save(update_fields=["brief_pad", "brief_sha256"])


def _stappen(zaak, soort):
    return [s for s in zaak.stappen.all() if s.soort == soort]


@transaction.atomic
def zaak_openen(
    *,
    actor: Actor,
    dossier,
    verplichting: str,
    overtredingsdatum: date,
    omschrijving: str,
    genegeerde_oproepen: int = 0,
) -> Handhavingszaak:
    """R33 decides the route: a Wi2021 fine (art. 22/23) or a Participatiewet measure."""
    _vereis(actor, Recht.HANDHAVING_VOORBEREIDEN, dossier)
    if overtredingsdatum > timezone.localdate():
        raise ValidationError(
            {"overtredingsdatum": _("De datum van de overtreding ligt in de toekomst.")}
        )
    grondslag = sanctiegrondslag(Verplichting(verplichting))
    zaak = Handhavingszaak.objects.create(
        gemeente=actor.gemeente,
        dossier=dossier,
        verplichting=verplichting,
        artikel=grondslag.waarde,
        overtredingsdatum=overtredingsdatum,
        omschrijving=omschrijving.strip(),
        genegeerde_oproepen=genegeerde_oproepen if grondslag.waarde == ARTIKEL_22 else 0,
        aangemaakt_door=actor.user,
        status=ZaakStatus.OPEN
        if grondslag.waarde in (ARTIKEL_22, ARTIKEL_23)
        else ZaakStatus.PARTICIPATIEWET,
    )
    if zaak.status == ZaakStatus.PARTICIPATIEWET:
        Handhavingsstap.objects.create(
            zaak=zaak,
            soort=StapSoort.PARTICIPATIEWET,
            datum=timezone.localdate(),
            regel=grondslag.regel.id,
            uitleg=f"{grondslag.uitleg} ({grondslag.regel.id}, {grondslag.regel.bron})",
            aangemaakt_door=actor.user,
        )
        _log(
            actor,
            zaak,
            Tekst(
                gettext_noop("Handhaving: doorgezet naar de Participatiewet (%(r)s), geen boete."),
                r=grondslag.regel.id,
            ),
        )
    else:
        _log(
            actor,
            zaak,
            Tekst(
                gettext_noop("Handhaving gestart: %(v)s, %(a)s."),
                v=Tekst(Verplichting(verplichting).label),
                a=grondslag.waarde,
            ),
        )
    return zaak


def _vervallen(zaak, datum) -> Uitkomst:
    return toets_boete_niet_vervallen(zaak.overtredingsdatum, zaak.artikel, datum)


def _escalatie(zaak) -> Uitkomst:
    """R31: for the brede intake a fine only after the second ignored call."""
    if zaak.artikel != ARTIKEL_22:
        return Uitkomst()
    stap = intake_escalatie(zaak.genegeerde_oproepen)
    if stap.boete > 0:
        return Uitkomst()
    return Uitkomst.fout(
        R31, stap.uitleg + " Een boete kan nog niet.", stap.uitleg_en, veld="bedrag"
    )


def _open(zaak):
    if zaak.status != ZaakStatus.OPEN:
        raise Geweigerd(_("Deze zaak is al afgesloten: %(s)s.") % {"s": zaak.get_status_display()})


@transaction.atomic
def waarschuwing_sturen(
    *, actor: Actor, zaak: Handhavingszaak, datum: date, toelichting: str = "",
    adres_bevestigd: bool = False,
):  # fmt: skip
    _vereis(actor, Recht.HANDHAVING_VOORBEREIDEN, zaak.dossier)
    _open(zaak)
    _datum_controleren(zaak, datum)
    stap = Handhavingsstap.objects.create(
        zaak=zaak, soort=StapSoort.WAARSCHUWING, datum=datum, toelichting=toelichting.strip(),
        aangemaakt_door=actor.user,
    )  # fmt: skip
    _brief(stap, adres_bevestigd=adres_bevestigd)
    _log(
        actor,
        zaak,
        Tekst(gettext_noop("Schriftelijke waarschuwing verstuurd (%(d)s)."), d=datum),
    )
    return stap


def _bedrag_toetsen(zaak, bedrag: Decimal, matigingsreden: str, *, rapport: bool, zienswijze: bool):
    if zaak.artikel == ARTIKEL_22:
        return toets_intakeboete(bedrag, matigingsreden=matigingsreden)
    return toets_pip_boete(bedrag, rapport_opgemaakt=rapport, zienswijze_gevraagd=zienswijze)


@transaction.atomic
def voornemen_sturen(
    *, actor: Actor, zaak: Handhavingszaak, datum: date, bedrag: Decimal, rapport: str,
    matigingsreden: str = "", adres_bevestigd: bool = False,
) -> Handhavingsstap:  # fmt: skip
    """The intention to fine, with the report and a term for a zienswijze (Awb 5:53, R32)."""
    _vereis(actor, Recht.HANDHAVING_VOORBEREIDEN, zaak.dossier)
    _open(zaak)
    _datum_controleren(zaak, datum)
    uitkomst = (
        _escalatie(zaak)
        + _bedrag_toetsen(
            zaak, bedrag, matigingsreden, rapport=bool(rapport.strip()), zienswijze=True
        )
        + _vervallen(zaak, datum)
    )
    if not uitkomst.toegestaan:
        raise RegelsGeschonden(
            uitkomst, veldnamen={"besluitdatum": "datum", "rapport_opgemaakt": "rapport"}
        )
    termijn = vervaltermijn_boete(zaak.overtredingsdatum, zaak.artikel)
    stap = Handhavingsstap.objects.create(
        zaak=zaak, soort=StapSoort.VOORNEMEN, datum=datum, bedrag=bedrag,
        matigingsreden=matigingsreden.strip(), toelichting=rapport.strip(),
        zienswijze_uiterlijk=datum + timedelta(days=ZIENSWIJZE_DAGEN),
        regel=termijn.regel.id, uitleg=termijn.uitleg, aangemaakt_door=actor.user,
    )  # fmt: skip
    _brief(stap, adres_bevestigd=adres_bevestigd)
    _log(
        actor,
        zaak,
        Tekst(
            gettext_noop("Voornemen tot boete van € %(b)s verstuurd; zienswijze tot %(z)s."),
            b=bedrag,
            z=stap.zienswijze_uiterlijk,
        ),
    )
    return stap


@transaction.atomic
def zienswijze_vastleggen(*, actor: Actor, zaak: Handhavingszaak, datum: date, toelichting: str):
    _vereis(actor, Recht.HANDHAVING_VOORBEREIDEN, zaak.dossier)
    _open(zaak)
    _datum_controleren(zaak, datum)
    if not _stappen(zaak, StapSoort.VOORNEMEN):
        raise Geweigerd(_("Er is nog geen voornemen verstuurd."))
    stap = Handhavingsstap.objects.create(
        zaak=zaak, soort=StapSoort.ZIENSWIJZE, datum=datum, toelichting=toelichting.strip(),
        aangemaakt_door=actor.user,
    )  # fmt: skip
    _log(actor, zaak, Tekst(gettext_noop("Zienswijze ontvangen (%(d)s)."), d=datum))
    return stap


@transaction.atomic
def besluit_nemen(
    *, actor: Actor, zaak: Handhavingszaak, datum: date, bedrag: Decimal, matigingsreden: str = "",
    adres_bevestigd: bool = False,
) -> Handhavingsstap:  # fmt: skip
    """The fine decision with a bezwaar clause (R23 term); amount and lapse from regels."""
    _vereis(actor, Recht.BOETE_OPLEGGEN, zaak.dossier)
    _open(zaak)
    _datum_controleren(zaak, datum)
    voornemens = _stappen(zaak, StapSoort.VOORNEMEN)
    voornemen = voornemens[-1] if voornemens else None
    zienswijze_ontvangen = bool(_stappen(zaak, StapSoort.ZIENSWIJZE))
    if (
        voornemen is not None
        and not zienswijze_ontvangen
        and datum <= voornemen.zienswijze_uiterlijk
    ):
        raise ValidationError(
            {
                "datum": _(
                    "De termijn voor een zienswijze loopt tot en met %(d)s; beslis daarna, "
                    "of leg eerst de zienswijze vast."
                )
                % {"d": voornemen.zienswijze_uiterlijk.strftime("%d-%m-%Y")}
            }
        )
    uitkomst = (
        _escalatie(zaak)
        + _bedrag_toetsen(
            zaak,
            bedrag,
            matigingsreden,
            rapport=bool(voornemen and voornemen.toelichting),
            zienswijze=voornemen is not None,
        )  # fmt: skip
        + _vervallen(zaak, datum)
    )
    if not uitkomst.toegestaan:
        raise RegelsGeschonden(
            uitkomst,
            veldnamen={
                "besluitdatum": "datum",
                "rapport_opgemaakt": None,
                "zienswijze_gevraagd": None,
            },
        )
    if voornemen is not None and zaak.artikel == ARTIKEL_23:
        if bedrag > voornemen.bedrag:
            raise ValidationError(
                {
                    "bedrag": _("Het besluit kan niet hoger zijn dan het voornemen (€ %(b)s).")
                    % {"b": voornemen.bedrag}
                }
            )
        if bedrag < voornemen.bedrag and not matigingsreden.strip():
            raise ValidationError(
                {
                    "matigingsreden": _(
                        "Een lager bedrag dan in het voornemen (€ %(b)s) kan alleen met "
                        "een vastgelegde reden (Awb 5:46 lid 3)."
                    )
                    % {"b": voornemen.bedrag}
                }
            )
    bezwaar = bezwaartermijn(datum)  # R23: the letter is sent on its date
    beschikking = besluiten.beschikking_vastleggen(
        dossier=zaak.dossier,
        soort=Soort.BOETE,
        omschrijving=f"Boete € {bedrag:.2f} ({zaak.artikel})".replace(".", ",", 1),
        datum=datum,
    )
    stap = Handhavingsstap.objects.create(
        zaak=zaak, soort=StapSoort.BESLUIT, datum=datum, bedrag=bedrag,
        matigingsreden=matigingsreden.strip(), beschikking=beschikking,
        regel=bezwaar.regel.id, uitleg=bezwaar.uitleg, aangemaakt_door=actor.user,
    )  # fmt: skip
    Handhavingszaak.objects.filter(pk=zaak.pk).update(status=ZaakStatus.BESLOTEN)
    zaak.status = ZaakStatus.BESLOTEN
    publicatie.publiceren(
        publicatie.Feit(
            gemeente_id=zaak.gemeente_id,
            soort=publicatie.Soort.BOETE_OPGELEGD,
            onderwerp=stap.uuid,
            dossier=zaak.dossier.uuid,
            inburgeraar=zaak.dossier.inburgeraar.uuid,
            objecten={"handhavingszaak": zaak.uuid, "boete": stap.uuid},
        )
    )
    _brief(stap, bezwaartermijn=bezwaar, adres_bevestigd=adres_bevestigd)
    _log(
        actor,
        zaak,
        Tekst(
            gettext_noop("Boete van € %(b)s opgelegd (%(a)s); bezwaar kan tot en met %(z)s."),
            b=bedrag,
            a=zaak.artikel,
            z=bezwaar.laatste_dag,
        ),
    )
    return stap
