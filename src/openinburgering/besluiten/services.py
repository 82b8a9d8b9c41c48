"""Writes for beschikkingen and bezwaar, for every kind of decision. R23 gives the bezwaar term
from the bekendmaking, R67 the decision term; the status moves only along ``workflow``."""

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

import structlog

from openinburgering import brieven
from openinburgering.accounts.context import Actor
from openinburgering.accounts.rollen import Recht
from openinburgering.core import dossierfeiten
from openinburgering.core.exceptions import Conflict, Geweigerd, RegelsGeschonden
from openinburgering.core.teksten import Tekst, keuze
from openinburgering.inburgeraars import services as inburgeraar_services
from openinburgering.inburgeraars.models import Dossier
from openinburgering.logboek.models import Activiteit
from openinburgering.logboek.services import verwerkingen_vastleggen
from openinburgering.regels import termijnen

from . import workflow
from .models import Beschikking, Bezwaar, Soort
from .workflow import BeschikkingStatus, BezwaarUitkomst

logger = structlog.get_logger(__name__)

#: Who registers a bezwaar and who decides on it, per kind of decision. A fine is the
#: teamleider's decision (four eyes), so the decision on its bezwaar is too.
RECHT_REGISTREREN: dict[str, Recht] = {
    Soort.PIP: Recht.PIP_VASTSTELLEN,
    Soort.BOETE: Recht.HANDHAVING_VOORBEREIDEN,
    Soort.ONTZORGEN: Recht.PIP_VASTSTELLEN,
}
RECHT_BESLISSEN: dict[str, Recht] = {
    Soort.PIP: Recht.PIP_VASTSTELLEN,
    Soort.BOETE: Recht.BOETE_OPLEGGEN,
    Soort.ONTZORGEN: Recht.PIP_VASTSTELLEN,
}


def _vereis(actor: Actor, recht: Recht, beschikking: Beschikking) -> None:
    if not actor.mag(recht):
        raise Geweigerd(_("U heeft niet het recht om dit te doen."))
    if beschikking.gemeente_id != actor.gemeente.pk:
        raise Geweigerd(_("Dit besluit hoort bij een andere gemeente."))


def _gewijzigd(beschikking: Beschikking, actor: Actor) -> None:
    verwerkingen_vastleggen(
        actor=actor,
        activiteit=Activiteit.WIJZIGEN,
        pseudoniemen=[beschikking.dossier.inburgeraar.pseudoniem],
    )
    # A bezwaar has a decision term (R67): whoever derives work from it recomputes once committed.
    dossierfeiten.gewijzigd(beschikking.dossier_id)


def _naar(beschikking: Beschikking, naar: BeschikkingStatus) -> None:
    if beschikking.status == naar:
        return
    if not workflow.mag_naar(beschikking.status, naar):
        raise Conflict(
            _("Dit besluit kan niet van ‘%(van)s’ naar ‘%(naar)s’.")
            % {"van": beschikking.get_status_display(), "naar": naar.label}
        )
    beschikking.status = naar
    beschikking.save(update_fields=["status"])


@transaction.atomic
def beschikking_vastleggen(
    *, dossier: Dossier, soort: str, omschrijving: str, datum: date,
    bekendgemaakt_op: date | None = None,
) -> Beschikking:  # fmt: skip
    """Record a decision that is made known (its letter sent) on ``bekendgemaakt_op``, the
    dagtekening by default; R23 gives until when bezwaar is possible. Called by the app that
    made the decision, inside its own transaction and after its own checks."""
    bekendgemaakt_op = bekendgemaakt_op or datum
    if bekendgemaakt_op < datum:
        raise Geweigerd(
            _("Een besluit kan niet bekend worden gemaakt vóór de datum van het besluit."),
            veld="bekendgemaakt_op",
        )
    termijn = termijnen.bezwaartermijn(bekendgemaakt_op)
    beschikking = Beschikking.objects.create(
        gemeente=dossier.gemeente,
        dossier=dossier,
        soort=Soort(soort),
        omschrijving=omschrijving,
        datum=datum,
        bekendgemaakt_op=bekendgemaakt_op,
        bezwaar_uiterlijk=termijn.laatste_dag,
    )
    logger.info("beschikking_vastgelegd", beschikking=str(beschikking.uuid), soort=soort)
    return beschikking


@transaction.atomic
def beschikking_vervangen(*, beschikking: Beschikking) -> Beschikking:
    """A newer decision replaces this one (a changed PIP). Bezwaren against it stay and are
    still decided; the status no longer moves."""
    _naar(beschikking, BeschikkingStatus.VERVANGEN)
    return beschikking


@transaction.atomic
def bezwaar_registreren(
    *, actor: Actor, beschikking: Beschikking, ontvangen_op: date,
    datum_ter_post: date | None = None, adviescommissie: bool = False, toelichting: str = "",
) -> Bezwaar:  # fmt: skip
    """Register an objection; R23 says whether it is on time, R67 when to decide."""
    _vereis(actor, RECHT_REGISTREREN[beschikking.soort], beschikking)
    if ontvangen_op > timezone.localdate():
        raise Geweigerd(_("De ontvangstdatum kan niet in de toekomst liggen."), veld="ontvangen_op")
    if datum_ter_post and datum_ter_post > ontvangen_op:
        raise Geweigerd(
            _("Een bezwaarschrift kan niet later op de post zijn gedaan dan het binnenkwam."),
            veld="datum_ter_post",
        )
    tijdig = termijnen.toets_bezwaar_tijdig(
        verzenddatum=beschikking.bekendgemaakt_op,
        ontvangstdatum=ontvangen_op,
        datum_ter_post=datum_ter_post,
    )
    beslis = termijnen.beslistermijn_bezwaar(
        beschikking.bekendgemaakt_op, adviescommissie=adviescommissie
    )
    bezwaar = Bezwaar.objects.create(
        gemeente=beschikking.gemeente,
        beschikking=beschikking,
        ontvangen_op=ontvangen_op,
        datum_ter_post=datum_ter_post,
        tijdig=tijdig.toegestaan,
        tijdigheid_uitleg=" ".join(tijdig.meldingen),
        adviescommissie=adviescommissie,
        beslissen_uiterlijk=beslis.laatste_dag,
        toelichting=toelichting.strip(),
    )
    if beschikking.status != BeschikkingStatus.VERVANGEN:
        _naar(beschikking, BeschikkingStatus.IN_BEZWAAR)
    inburgeraar_services.gebeurtenis_toevoegen(
        dossier=beschikking.dossier,
        soort="bezwaar",
        omschrijving=Tekst(
            gettext_noop(
                "Bezwaar ontvangen tegen %(besluit)s. Beslissen uiterlijk %(datum)s (R67)."
            ),
            besluit=beschikking.omschrijving,
            datum=beslis.laatste_dag,
        ),
        bron=inburgeraar_services._bron(actor),
        actor=actor,
        gegevens={"beschikking": str(beschikking.uuid), "regels": ["R23", "R67"]},
    )
    _gewijzigd(beschikking, actor)
    return bezwaar


@transaction.atomic
def bezwaar_verdagen(*, actor: Actor, bezwaar: Bezwaar, adres_bevestigd: bool = False) -> Bezwaar:
    """Postpone the decision once, by at most 6 weeks (Awb 7:10 lid 3, R67)."""
    beschikking = bezwaar.beschikking
    _vereis(actor, RECHT_BESLISSEN[beschikking.soort], beschikking)
    if bezwaar.uitkomst != BezwaarUitkomst.OPEN:
        raise Conflict(_("Op dit bezwaar is al beslist."))
    if bezwaar.verdaagd:
        raise RegelsGeschonden.door(
            termijnen.R67, _("De beslissing is al eens verdaagd; dat kan maar één keer.")
        )
    beslis = termijnen.beslistermijn_bezwaar(
        beschikking.bekendgemaakt_op, adviescommissie=bezwaar.adviescommissie, verdaagd=True
    )
    inburgeraar_services.vereis_persoonsgegevens(beschikking.dossier.inburgeraar)
    bezwaar.verdaagd = True
    bezwaar.beslissen_uiterlijk = beslis.laatste_dag
    # Awb 7:10 lid 3: the postponement is told in writing; the letter is made in the same
    # transaction, so a postponement without its letter cannot exist.
    bezwaar.verdaging_brief_pad, bezwaar.verdaging_brief_sha256 = brieven.persoonsbrief(
        template="besluiten/brief_verdaging.html",
        context={"bezwaarschrift": bezwaar, "beschikking": beschikking},
        gemeente=beschikking.gemeente,
        inburgeraar=beschikking.dossier.inburgeraar,
        brief=bezwaar.uuid,
        soort="bezwaar_verdaging",
        datum=timezone.localdate(),
        map="besluiten",
        adres_bevestigd=adres_bevestigd,
    )
    bezwaar.save(
        update_fields=[
            "verdaagd",
            "beslissen_uiterlijk",
            "verdaging_brief_pad",
            "verdaging_brief_sha256",
        ]
    )
    inburgeraar_services.gebeurtenis_toevoegen(
        dossier=beschikking.dossier,
        soort="bezwaar_verdaagd",
        omschrijving=Tekst(
            gettext_noop("Beslissing op bezwaar verdaagd: beslissen uiterlijk %(datum)s (R67)."),
            datum=beslis.laatste_dag,
        ),
        bron=inburgeraar_services._bron(actor),
        actor=actor,
    )
    _gewijzigd(beschikking, actor)
    return bezwaar


@transaction.atomic
def bezwaar_beslissen(
    *, actor: Actor, bezwaar: Bezwaar, uitkomst: str, beslist_op: date, toelichting: str = ""
) -> Bezwaar:
    beschikking = bezwaar.beschikking
    _vereis(actor, RECHT_BESLISSEN[beschikking.soort], beschikking)
    if uitkomst == BezwaarUitkomst.OPEN or uitkomst not in BezwaarUitkomst.values:
        raise Geweigerd(_("Kies een uitkomst."), veld="uitkomst")
    if not workflow.bezwaar_mag_naar(bezwaar.uitkomst, uitkomst):
        raise Conflict(_("Op dit bezwaar is al beslist."))
    if beslist_op > timezone.localdate():
        raise Geweigerd(_("De beslisdatum kan niet in de toekomst liggen."), veld="beslist_op")
    if beslist_op < bezwaar.ontvangen_op:
        raise Geweigerd(
            _("Er kan niet op een bezwaar zijn beslist voordat het binnenkwam."), veld="beslist_op"
        )
    bezwaar.uitkomst = uitkomst
    bezwaar.beslist_op = beslist_op
    bezwaar.toelichting = toelichting.strip() or bezwaar.toelichting
    bezwaar.save(update_fields=["uitkomst", "beslist_op", "toelichting"])
    andere = Bezwaar.objects.filter(beschikking=beschikking).exclude(pk=bezwaar.pk)
    _naar(
        beschikking,
        workflow.status_na_bezwaar(
            huidig=beschikking.status,
            uitkomst=uitkomst,
            nog_open=andere.filter(uitkomst=BezwaarUitkomst.OPEN).count(),
            eerder=list(
                andere.exclude(uitkomst=BezwaarUitkomst.OPEN).values_list("uitkomst", flat=True)
            ),
        ),
    )
    inburgeraar_services.gebeurtenis_toevoegen(
        dossier=beschikking.dossier,
        soort="bezwaar_beslist",
        omschrijving=Tekst(
            gettext_noop("Op het bezwaar tegen %(besluit)s is beslist: %(uitkomst)s."),
            besluit=beschikking.omschrijving,
            uitkomst=keuze(bezwaar, "uitkomst"),
        ),
        bron=inburgeraar_services._bron(actor),
        actor=actor,
    )
    _gewijzigd(beschikking, actor)
    return bezwaar
