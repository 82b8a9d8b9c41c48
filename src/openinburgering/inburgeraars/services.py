"""Writes to inburgeraars and dossiers: keyword-only, in one transaction, with log and timeline."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Field
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

import structlog

from openinburgering.accounts.context import Actor
from openinburgering.core import bsn as bsn_tools
from openinburgering.core import publicatie, teksten
from openinburgering.core.exceptions import Conflict, Geweigerd, RegelsGeschonden
from openinburgering.core.keten import uitgaand
from openinburgering.core.teksten import Tekst, label
from openinburgering.logboek.models import Activiteit
from openinburgering.logboek.services import verwerkingen_vastleggen
from openinburgering.regels.plicht import PlichtFeiten, bepaal_plicht

from .codes import GedetailleerdeDoelgroep, Verblijfsdoel
from .models import Bron, Dossier, Gebeurtenis, Inburgeraar
from .workflow import Eindreden, Status, controleer_overgang, controleer_voorwaarden

logger = structlog.get_logger(__name__)

WIJZIGBARE_VELDEN = (
    "vnummer",
    "voornamen",
    "voorvoegsel",
    "achternaam",
    "geboortedatum",
    "nationaliteit",
    "verblijfsdoel",
    "datum_bekendmaking_ind",
    "talen",
    "straat_huisnummer",
    "postcode",
    "woonplaats",
    "telefoon",
    "email",
    "doelgroep",
    "gedetailleerde_doelgroep",
    "regime",
)


# Where regels.plicht names a fact, the form field that holds it.
PLICHT_VELDEN = {"nationaliteiten": "nationaliteit", "eu_familielid": "nationaliteit"}


def _plicht_toetsen(inburgeraar: Inburgeraar) -> None:
    """Apply the duty rules (R1, R3–R6) and the regime (R2) when the facts are known.

    A person who is not obliged is refused, with every rule that says so. The facts are optional:
    a notice from DUO already means DUO found a duty.
    """
    if not (
        inburgeraar.verblijfsdoel
        and inburgeraar.datum_bekendmaking_ind
        and inburgeraar.nationaliteit
    ):
        return
    bepaling = bepaal_plicht(
        PlichtFeiten(
            geboortedatum=inburgeraar.geboortedatum,
            nationaliteiten=(str(inburgeraar.nationaliteit),),
            verblijfsdoel=Verblijfsdoel(inburgeraar.verblijfsdoel),
            datum_bekendmaking_ind=inburgeraar.datum_bekendmaking_ind,
            gezinslid_van_asielstatushouder=inburgeraar.gedetailleerde_doelgroep
            in (
                GedetailleerdeDoelgroep.GEZINSHERENIGER_MET_ASIELSTATUSHOUDER,
                GedetailleerdeDoelgroep.GEZINSVORMER_MET_ASIELSTATUSHOUDER,
            ),
        ),
        peildatum=timezone.localdate(),
    )
    if not bepaling.plichtig:
        raise RegelsGeschonden(bepaling.redenen, veldnamen=PLICHT_VELDEN)
    assert bepaling.regime is not None, "bepaal_plicht sets the regime whenever there is a plicht"
    inburgeraar.regime = str(bepaling.regime.waarde)


#: A person DUO announced lacks these until the caseworker fills them in (ADR 0041).
PERSOONSGEGEVENS_VELDEN = {"voornamen", "achternaam", "geboortedatum"}


def _persoonsgegevens_aangevuld(*, actor: Actor, inburgeraar: Inburgeraar) -> None:
    """Name and date of birth are now known: tell the chain, which closes the DUO work item that
    asked for them."""
    uitgaand.melden(uitgaand.PersoonsgegevensAangevuld(inburgeraar=inburgeraar), actor=actor)


def vereis_persoonsgegevens(inburgeraar: Inburgeraar) -> None:
    """A letter or beschikking names the person: refuse while name or date of birth is unknown."""
    if not inburgeraar.persoonsgegevens_compleet:
        raise Geweigerd(
            _(
                "De naam of geboortedatum van deze inburgeraar is nog onbekend (DUO geeft die niet "
                "door). Een brief of beschikking moet de persoon noemen: vul eerst de gegevens uit "
                "de BRP aan via ‘Gegevens wijzigen’."
            ),
            veld="geboortedatum" if inburgeraar.naam_bekend else "achternaam",
        )


def _bron(actor: Actor) -> str:
    return {"medewerker": Bron.MEDEWERKER, "api": Bron.API}.get(actor.soort, Bron.SYSTEEM)


def gebeurtenis_maken(
    *,
    dossier: Dossier,
    soort: str,
    omschrijving: str | Tekst,
    bron: str,
    actor: Actor | None = None,
    gegevens: dict | None = None,
    tijdstip=None,
) -> Gebeurtenis:
    """A timeline entry, not yet saved (set-based writers insert many at once).

    ``omschrijving`` is a :class:`~openinburgering.core.teksten.Tekst` (or a lazy msgid), so
    every reader sees it in their own language; a plain string is shown as it stands.
    """
    nederlands, tekst = teksten.opslaan(omschrijving)
    return Gebeurtenis(
        dossier=dossier,
        tijdstip=tijdstip or timezone.now(),
        bron=bron,
        actor=actor.user if actor else None,
        actor_naam=actor.label if actor else "",
        soort=soort,
        omschrijving=nederlands,
        tekst=tekst,
        gegevens=gegevens or {},
    )


def gebeurtenis_toevoegen(**kwargs) -> Gebeurtenis:
    """Add a timeline entry (arguments of :func:`gebeurtenis_maken`). ``omschrijving`` never
    contains a BSN."""
    gebeurtenis = gebeurtenis_maken(**kwargs)
    gebeurtenis.save(force_insert=True)
    return gebeurtenis


def inburgeraar_voorbereiden(*, actor: Actor, bsn: str, **velden) -> Inburgeraar:
    """A new inburgeraar, checked (BSN, fields, duty rules) but not saved."""
    onbekend = set(velden) - set(WIJZIGBARE_VELDEN)
    if onbekend:
        raise TypeError(f"unknown fields: {sorted(onbekend)}")
    try:
        bsn_tools.valideer_bsn(bsn)
    except ValidationError as exc:
        raise ValidationError({"bsn": exc.messages}) from None
    inburgeraar = Inburgeraar(gemeente=actor.gemeente, **velden)
    inburgeraar.zet_bsn(bsn)
    # Not the uuid: it is a fresh uuid4, checking it would be one query per person for nothing.
    inburgeraar.full_clean(
        exclude=["gemeente", "bsn_versleuteld", "bsn_hash", "pseudoniem", "uuid"]
    )
    _plicht_toetsen(inburgeraar)
    return inburgeraar


def dossier_feit(dossier: Dossier, soort: publicatie.Soort) -> publicatie.Feit:
    """The event other systems hear about this dossier (ADR 0072): UUIDs only."""
    return publicatie.Feit(
        gemeente_id=dossier.gemeente_id,
        soort=soort,
        onderwerp=dossier.uuid,
        dossier=dossier.uuid,
        inburgeraar=dossier.inburgeraar.uuid,
    )


def _aangemeld(*, actor: Actor, dossier: Dossier) -> Gebeurtenis:
    return gebeurtenis_maken(
        dossier=dossier,
        soort="aangemeld",
        omschrijving=Tekst(gettext_noop("Inburgeraar aangemeld in deze gemeente.")),
        bron=_bron(actor),
        actor=actor,
    )


@transaction.atomic
def inburgeraar_aanmaken(
    *, actor: Actor, bsn: str, aangemeld_op: date | None = None, **velden
) -> Inburgeraar:
    inburgeraar = inburgeraar_voorbereiden(actor=actor, bsn=bsn, **velden)
    if Inburgeraar.objects.filter(gemeente=actor.gemeente, bsn_hash=inburgeraar.bsn_hash).exists():
        raise ValidationError({"bsn": _("Er is in deze gemeente al een inburgeraar met dit BSN.")})
    try:
        with transaction.atomic():
            inburgeraar.save()
    except IntegrityError:
        # A concurrent request created the same person between our check and our insert.
        raise ValidationError(
            {"bsn": _("Er is in deze gemeente al een inburgeraar met dit BSN.")}
        ) from None
    dossier = Dossier.objects.create(
        gemeente=actor.gemeente,
        inburgeraar=inburgeraar,
        aangemeld_op=aangemeld_op or timezone.localdate(),
    )
    _aangemeld(actor=actor, dossier=dossier).save(force_insert=True)
    publicatie.publiceren(dossier_feit(dossier, publicatie.Soort.DOSSIER_GEOPEND))
    verwerkingen_vastleggen(
        actor=actor, activiteit=Activiteit.AANMAKEN, pseudoniemen=[inburgeraar.pseudoniem]
    )
    logger.info(
        "inburgeraar_aangemaakt", inburgeraar=str(inburgeraar.uuid), gemeente=actor.gemeente.code
    )
    return inburgeraar


@transaction.atomic
def inburgeraars_aanmaken(
    *, actor: Actor, nieuw: list[tuple[Inburgeraar, date]]
) -> list[Inburgeraar]:
    """Save many prepared inburgeraars (:func:`inburgeraar_voorbereiden`) with their dossier,
    timeline entry and processing-log record: a fixed number of queries for any number.

    For people DUO announces in bulk. A person who already exists (a concurrent writer) makes
    the whole call fail with ``IntegrityError``; the caller then goes one by one.
    """
    inburgeraars = [inburgeraar for inburgeraar, _datum in nieuw]
    if any(i.gemeente_id != actor.gemeente.pk for i in inburgeraars):
        raise ValueError("every inburgeraar must belong to the actor's gemeente")
    Inburgeraar.objects.bulk_create(inburgeraars)
    # Assigning the one-to-one also caches ``inburgeraar.dossier``.
    dossiers = Dossier.objects.bulk_create(
        Dossier(gemeente=actor.gemeente, inburgeraar=inburgeraar, aangemeld_op=datum)
        for inburgeraar, datum in nieuw
    )
    Gebeurtenis.objects.bulk_create(_aangemeld(actor=actor, dossier=d) for d in dossiers)
    publicatie.publiceren(*(dossier_feit(d, publicatie.Soort.DOSSIER_GEOPEND) for d in dossiers))
    verwerkingen_vastleggen(
        actor=actor,
        activiteit=Activiteit.AANMAKEN,
        pseudoniemen=[i.pseudoniem for i in inburgeraars],
    )
    logger.info("inburgeraars_aangemaakt", aantal=len(inburgeraars), gemeente=actor.gemeente.code)
    return inburgeraars


def _veldlabel(veld: str) -> str | Promise:
    model_veld = Inburgeraar._meta.get_field(veld)
    # The fields a caseworker edits are the model's own columns, never a reverse relation.
    assert isinstance(model_veld, Field), veld
    return model_veld.verbose_name


@transaction.atomic
def inburgeraar_wijzigen(
    *,
    actor: Actor,
    inburgeraar: Inburgeraar,
    versie: int | None,
    tijdlijn: str | None = None,
    **velden,
) -> Inburgeraar:
    """Change fields; ``versie`` is the version the user saw, so a concurrent edit is a conflict.

    ``tijdlijn``: the timeline's msgid (with ``%(velden)s``) when the change has a source of its
    own, such as the BRP (``gettext_noop`` it where it is written).
    """
    onbekend = set(velden) - set(WIJZIGBARE_VELDEN)
    if onbekend:
        raise TypeError(f"unknown fields: {sorted(onbekend)}")
    oud = {veld: getattr(inburgeraar, veld) for veld in (*velden, "regime")}
    for veld, waarde in velden.items():
        setattr(inburgeraar, veld, waarde)
    inburgeraar.full_clean(exclude=["gemeente", "bsn_versleuteld", "bsn_hash", "pseudoniem"])
    # The duty rules may set the regime (R2), so it can change without being edited.
    _plicht_toetsen(inburgeraar)
    gewijzigd = [veld for veld, waarde in oud.items() if getattr(inburgeraar, veld) != waarde]
    verwachte_versie = inburgeraar.versie if versie is None else versie
    if not gewijzigd:
        if verwachte_versie != inburgeraar.versie:
            raise Conflict()
        return inburgeraar
    bijgewerkt = Inburgeraar.objects.filter(pk=inburgeraar.pk, versie=verwachte_versie).update(
        versie=F("versie") + 1,
        gewijzigd_op=timezone.now(),
        **{veld: getattr(inburgeraar, veld) for veld in gewijzigd},
    )
    if not bijgewerkt:
        raise Conflict()
    inburgeraar.refresh_from_db()
    labels = Tekst.samen(
        *(label(_veldlabel(veld)) for veld in gewijzigd),
        scheiding=", ",
    )
    gebeurtenis_toevoegen(
        dossier=inburgeraar.dossier,
        soort="gegevens_gewijzigd",
        omschrijving=Tekst(
            tijdlijn or gettext_noop("Gegevens gewijzigd: %(velden)s."), velden=labels
        ),
        bron=_bron(actor),
        actor=actor,
        gegevens={"velden": gewijzigd},
    )
    verwerkingen_vastleggen(
        actor=actor, activiteit=Activiteit.WIJZIGEN, pseudoniemen=[inburgeraar.pseudoniem]
    )
    if PERSOONSGEGEVENS_VELDEN & set(gewijzigd) and inburgeraar.persoonsgegevens_compleet:
        _persoonsgegevens_aangevuld(actor=actor, inburgeraar=inburgeraar)
    logger.info("inburgeraar_gewijzigd", inburgeraar=str(inburgeraar.uuid), velden=gewijzigd)
    return inburgeraar


@transaction.atomic
def dossier_status_wijzigen(
    *, actor: Actor, dossier: Dossier, naar: str, eindreden: str = "", versie: int | None = None
) -> Dossier:
    if naar not in Status.values:
        raise Geweigerd(_("Onbekende status."), veld="status")
    weigering = controleer_overgang(van=dossier.status, naar=naar, eindreden=eindreden or None)
    if weigering:
        raise Geweigerd(weigering.reden, veld="status")
    # Conditions other apps own (pip: a vastgesteld PIP first), registered in workflow.
    if voorwaarde := controleer_voorwaarden(dossier=dossier, naar=naar):
        raise Geweigerd(voorwaarde.reden, veld="status")
    verwachte_versie = dossier.versie if versie is None else versie
    afgerond_op = timezone.localdate() if naar == Status.AFGEROND else None
    bijgewerkt = Dossier.objects.filter(
        pk=dossier.pk, versie=verwachte_versie, status=dossier.status
    ).update(status=naar, eindreden=eindreden, afgerond_op=afgerond_op, versie=F("versie") + 1)
    if not bijgewerkt:
        raise Conflict()
    van = Status(dossier.status).label
    dossier.refresh_from_db()
    omschrijving = Tekst(
        gettext_noop("Status gewijzigd van ‘%(van)s’ naar ‘%(naar)s’."),
        van=van,
        naar=Status(naar).label,
    )
    if eindreden:
        omschrijving = Tekst.samen(
            omschrijving,
            Tekst(gettext_noop("Reden: %(reden)s."), reden=Eindreden(eindreden).label),
        )
    gebeurtenis_toevoegen(
        dossier=dossier,
        soort="status_gewijzigd",
        omschrijving=omschrijving,
        bron=_bron(actor),
        actor=actor,
        gegevens={"naar": naar, "eindreden": eindreden},
    )
    if naar == Status.AFGEROND:
        publicatie.publiceren(dossier_feit(dossier, publicatie.Soort.DOSSIER_GESLOTEN))
    verwerkingen_vastleggen(
        actor=actor,
        activiteit=Activiteit.STATUS_WIJZIGEN,
        pseudoniemen=[dossier.inburgeraar.pseudoniem],
    )
    logger.info("dossier_status_gewijzigd", dossier=str(dossier.uuid), naar=naar)
    return dossier


@transaction.atomic
def klantregisseur_toewijzen(*, actor: Actor, dossier: Dossier, klantregisseur) -> Dossier:
    """Make ``klantregisseur`` the dossier's caseworker (a teamleider's task, WERK_TOEWIJZEN)."""
    from openinburgering.accounts.rollen import Recht

    if not actor.mag(Recht.WERK_TOEWIJZEN):
        raise Geweigerd(_("U mag geen dossiers toewijzen."))
    if dossier.gemeente_id != actor.gemeente.pk:
        raise Geweigerd(_("Dit dossier hoort bij een andere gemeente."))
    if not klantregisseur.lidmaatschappen.filter(gemeente=dossier.gemeente).exists():
        raise Geweigerd(_("Deze medewerker werkt niet voor deze gemeente."), veld="klantregisseur")
    Dossier.objects.filter(pk=dossier.pk).update(klantregisseur=klantregisseur)
    dossier.klantregisseur = klantregisseur
    gebeurtenis_toevoegen(
        dossier=dossier,
        soort="klantregisseur_toegewezen",
        omschrijving=_("Dossier toegewezen aan %(naam)s.")
        % {"naam": klantregisseur.get_full_name() or klantregisseur.username},
        bron=_bron(actor),
        actor=actor,
    )
    verwerkingen_vastleggen(
        actor=actor, activiteit=Activiteit.WIJZIGEN, pseudoniemen=[dossier.inburgeraar.pseudoniem]
    )
    logger.info("klantregisseur_toegewezen", dossier=str(dossier.uuid))
    return dossier
