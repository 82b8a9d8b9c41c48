"""Every read of this app. Two kinds of reader, each with one filter applied here:

- gemeente staff: ``gemeente = actor.gemeente`` (another gemeente's object is a 404);
- school staff: ``instelling = the user's institution`` and only active referrals, returned as
  :class:`Deelnemer` — a value object holding the referred fields and nothing else, so a template
  or an export cannot reach any other field of the person.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Count, Prefetch, Q, Sum
from django.http import Http404

from openinburgering.accounts.context import Actor
from openinburgering.accounts.rollen import ExterneRol
from openinburgering.gemeenten.models import Gemeente
from openinburgering.inburgeraars.models import volledige_naam
from openinburgering.logboek.services import verwerkingen_vastleggen

from .codes import ACTIEF, LEERROUTES, AandachtspuntStatus, Afrekenbasis, Prijsmodel
from .models import (
    Aandachtspunt,
    Afschaaladvies,
    Contract,
    EigenCursus,
    Examendatum,
    Instelling,
    InstellingContact,
    InstellingMedewerker,
    Urenregel,
    Urenupload,
    Verwijzing,
    Voortgangsverslag,
)

ROUTE_LABEL = dict(LEERROUTES)


def _get(qs, uuid):
    try:
        return qs.get(uuid=uuid)
    except (qs.model.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


# --- institutions and contracts (gemeente staff) ------------------------------------------------


def instelling_list(*, actor: Actor | None = None):
    """The national register; with ``actor``, each institution carries ``contact``: that
    gemeente's own contact there (None when it has none)."""
    instellingen = list(Instelling.objects.order_by("-erkend_bij_duo", "naam"))
    if actor is not None:
        contacten = {
            c.instelling_id: c for c in InstellingContact.objects.filter(gemeente=actor.gemeente)
        }
        for instelling in instellingen:
            instelling.contact = contacten.get(instelling.pk)  # type: ignore[attr-defined]
    return instellingen


def instelling_contact_get(
    *, actor: Actor, instelling: Instelling, vergrendelen: bool = False
) -> InstellingContact:
    """The actor's gemeente's contact at ``instelling``; a new, unsaved one if there is none.

    ``vergrendelen`` locks the row until the transaction ends (a write that checks ``If-Match``).
    """
    qs = InstellingContact.objects.filter(gemeente=actor.gemeente, instelling=instelling)
    if vergrendelen:
        qs = qs.select_for_update()
    return qs.first() or InstellingContact(gemeente=actor.gemeente, instelling=instelling)


def instelling_get(*, uuid) -> Instelling:
    return _get(Instelling.objects.all(), uuid)


def contract_list(*, actor: Actor):
    return Contract.objects.filter(gemeente=actor.gemeente).select_related("instelling")


def contract_get(*, actor: Actor, uuid) -> Contract:
    return _get(contract_list(actor=actor), uuid)


def contracten_voor_verwijzing(*, actor: Actor, op: date):
    """Contracts of this gemeente that run on ``op``, with a recognised institution."""
    return contract_list(actor=actor).filter(startdatum__lte=op, einddatum__gte=op)


@dataclass
class Benutting:
    """Utilisation of one contract, from the underlying records (no personal data)."""

    contract: Contract
    plaatsen_bezet: int = 0
    trajecten_gestart: int = 0
    uren_aangeboden: Decimal = Decimal("0")
    uren_aanwezig: Decimal = Decimal("0")

    @property
    def aanwezigheid_procent(self) -> Decimal | None:
        if not self.uren_aangeboden:
            return None
        return (self.uren_aanwezig * 100 / self.uren_aangeboden).quantize(Decimal("0.1"))

    @property
    def uitgegeven(self) -> Decimal:
        c = self.contract
        if c.prijsmodel == Prijsmodel.PER_UUR:
            uren = (
                self.uren_aangeboden
                if c.afrekenbasis == Afrekenbasis.AANGEBODEN
                else self.uren_aanwezig
            )
            return (c.tarief * uren).quantize(Decimal("0.01"))
        return (c.tarief * self.trajecten_gestart).quantize(Decimal("0.01"))

    @property
    def uitgegeven_procent(self) -> Decimal | None:
        if not self.contract.contractwaarde:
            return None
        return (self.uitgegeven * 100 / self.contract.contractwaarde).quantize(Decimal("0.1"))

    @property
    def plaatsen_procent(self) -> Decimal:
        return (Decimal(self.plaatsen_bezet) * 100 / self.contract.capaciteit).quantize(
            Decimal("0.1")
        )


def contract_benutting(*, actor: Actor) -> list[Benutting]:
    """Places used, hours offered vs attended and spend per contract, in four queries."""
    rijen = {
        c.pk: Benutting(contract=c)
        for c in contract_list(actor=actor).order_by("instelling__naam", "kenmerk")
    }
    ids = list(rijen)
    for rij in (
        Verwijzing.objects.filter(contract_id__in=ids)
        .values("contract_id")
        .annotate(
            bezet=Count("id", filter=Q(status__in=ACTIEF)),
            gestart=Count("id", filter=Q(intake_bevestigd_op__isnull=False)),
        )
        .order_by()
    ):
        rijen[rij["contract_id"]].plaatsen_bezet = rij["bezet"]
        rijen[rij["contract_id"]].trajecten_gestart = rij["gestart"]
    for uren in (
        Urenregel.objects.filter(verwijzing__contract_id__in=ids)
        .values("verwijzing__contract_id")
        .annotate(aangeboden=Sum("uren_aangeboden"), aanwezig=Sum("uren_aanwezig"))
        .order_by()
    ):
        b = rijen[uren["verwijzing__contract_id"]]
        b.uren_aangeboden = uren["aangeboden"] or Decimal("0")
        b.uren_aanwezig = uren["aanwezig"] or Decimal("0")
    return list(rijen.values())


# --- the dossier (gemeente staff) ---------------------------------------------------------------


@dataclass
class DossierTaal:
    verwijzingen: list = field(default_factory=list)
    eigen_cursussen: list = field(default_factory=list)
    aandachtspunten: list = field(default_factory=list)
    uren: dict = field(default_factory=dict)


def dossier_taalaanbod(*, actor: Actor, inburgeraar) -> DossierTaal:
    """Referrals, self-chosen courses, open work items and hours of one person (tenant-checked)."""
    if inburgeraar.gemeente_id != actor.gemeente.pk:
        raise Http404
    verwijzingen = list(
        Verwijzing.objects.filter(inburgeraar=inburgeraar)
        .select_related("instelling", "contract")
        .order_by("-id")
    )
    uren = {
        rij["verwijzing_id"]: rij
        for rij in Urenregel.objects.filter(verwijzing__inburgeraar=inburgeraar)
        .values("verwijzing_id")
        .annotate(aangeboden=Sum("uren_aangeboden"), aanwezig=Sum("uren_aanwezig"))
        .order_by()
    }
    return DossierTaal(
        verwijzingen=verwijzingen,
        eigen_cursussen=list(
            EigenCursus.objects.filter(inburgeraar=inburgeraar).select_related("instelling")
        ),
        aandachtspunten=list(
            Aandachtspunt.objects.filter(
                dossier=inburgeraar.dossier, status=AandachtspuntStatus.OPEN
            ).order_by("aangemaakt_op")
        ),
        uren=uren,
    )


def aandachtspunt_list(*, actor: Actor):
    return (
        Aandachtspunt.objects.filter(gemeente=actor.gemeente, status=AandachtspuntStatus.OPEN)
        .select_related("dossier__inburgeraar", "verwijzing__instelling")
        .order_by("aangemaakt_op", "id")
    )


def aandachtspunt_get(*, actor: Actor, uuid) -> Aandachtspunt:
    return _get(aandachtspunt_list(actor=actor), uuid)


# --- the school portal --------------------------------------------------------------------------


def instelling_van(user) -> Instelling | None:
    koppeling = (
        InstellingMedewerker.objects.filter(user=user).select_related("instelling").first()
        if user.is_authenticated
        else None
    )
    return koppeling.instelling if koppeling else None


#: The only fields of a referral and its person a school can ever read (data minimisation).
DEELNEMER_VELDEN = (
    "uuid",
    "kenmerk",
    "status",
    "leerroute",
    "niveau",
    "uren_per_week",
    "datum_inburgeringsaanbod",
    "verwachte_startdatum",
    "verwachte_einddatum",
    "intake_bevestigd_op",
    "gemeente_id",
    "gemeente__naam",
    "inburgeraar__voornamen",
    "inburgeraar__voorvoegsel",
    "inburgeraar__achternaam",
    "inburgeraar__telefoon",
    "inburgeraar__email",
    "inburgeraar__talen",
    "inburgeraar__pseudoniem",
)


@dataclass(frozen=True)
class Deelnemer:
    uuid: object
    kenmerk: str
    naam: str
    telefoon: str
    email: str
    talen: str
    leerroute: str
    niveau: str
    uren_per_week: int
    datum_inburgeringsaanbod: date
    verwachte_startdatum: date
    verwachte_einddatum: date | None
    status: str
    intake_bevestigd_op: date | None
    gemeente: str
    # Only for the processing log; templates cannot read names that start with an underscore.
    _gemeente_id: int
    _pseudoniem: str

    @property
    def leerroute_label(self) -> str:
        return str(ROUTE_LABEL.get(self.leerroute, self.leerroute))

    @property
    def intake_bevestigd(self) -> bool:
        return self.intake_bevestigd_op is not None


def _deelnemer(rij: dict) -> Deelnemer:
    naam = volledige_naam(
        rij["inburgeraar__voornamen"],
        rij["inburgeraar__voorvoegsel"],
        rij["inburgeraar__achternaam"],
    )
    return Deelnemer(
        uuid=rij["uuid"],
        kenmerk=rij["kenmerk"],
        naam=naam,
        telefoon=rij["inburgeraar__telefoon"],
        email=rij["inburgeraar__email"],
        talen=rij["inburgeraar__talen"],
        leerroute=rij["leerroute"],
        niveau=rij["niveau"],
        uren_per_week=rij["uren_per_week"],
        datum_inburgeringsaanbod=rij["datum_inburgeringsaanbod"],
        verwachte_startdatum=rij["verwachte_startdatum"],
        verwachte_einddatum=rij["verwachte_einddatum"],
        status=rij["status"],
        intake_bevestigd_op=rij["intake_bevestigd_op"],
        gemeente=rij["gemeente__naam"],
        _gemeente_id=rij["gemeente_id"],
        _pseudoniem=rij["inburgeraar__pseudoniem"],
    )


def _voor_school(instelling: Instelling):
    return Verwijzing.objects.filter(instelling=instelling, status__in=ACTIEF)


def deelnemer_list(*, instelling: Instelling) -> list[Deelnemer]:
    rijen = _voor_school(instelling).order_by(
        "inburgeraar__achternaam", "inburgeraar__voornamen", "id"
    )
    return [_deelnemer(r) for r in rijen.values(*DEELNEMER_VELDEN)]


def deelnemer_get(*, instelling: Instelling, uuid) -> Deelnemer:
    rij = _voor_school(instelling).filter(uuid=uuid).values(*DEELNEMER_VELDEN).first()
    if rij is None:
        raise Http404
    return _deelnemer(rij)


def verwijzing_voor_school(*, instelling: Instelling, uuid) -> Verwijzing:
    """The referral as a model, for services only (never hand it to a template)."""
    return _get(
        _voor_school(instelling).select_related(
            "instelling", "contract", "gemeente", "inburgeraar__dossier"
        ),
        uuid,
    )


def verwijzingen_op_kenmerk(*, instelling: Instelling, kenmerken) -> dict[str, Verwijzing]:
    return {
        v.kenmerk: v
        for v in _voor_school(instelling)
        .filter(kenmerk__in=list(kenmerken))
        .select_related("instelling", "contract", "gemeente", "inburgeraar__dossier")
    }


def meldingen_van_deelnemer(*, instelling: Instelling, deelnemer: Deelnemer) -> dict:
    """What the school itself reported about this participant (four queries)."""
    filter_ = {"verwijzing__uuid": deelnemer.uuid, "verwijzing__instelling": instelling}
    return {
        "uren": list(Urenregel.objects.filter(**filter_).order_by("-periode_start")[:52]),
        "voortgang": list(Voortgangsverslag.objects.filter(**filter_)[:50]),
        "examens": list(Examendatum.objects.filter(**filter_)),
        "afschaaladviezen": list(Afschaaladvies.objects.filter(**filter_)[:10]),
    }


def school_inzage_vastleggen(*, user, deelnemers: list[Deelnemer], activiteit: str) -> None:
    """The processing log: one record per person, under the gemeente that referred them."""
    per_gemeente = defaultdict(list)
    for d in deelnemers:
        per_gemeente[d._gemeente_id].append(d._pseudoniem)
    for gemeente_id, pseudoniemen in per_gemeente.items():
        verwerkingen_vastleggen(
            actor=Actor(gemeente=Gemeente(pk=gemeente_id), user=user, rol=ExterneRol.TAALAANBIEDER),
            activiteit=activiteit,
            pseudoniemen=pseudoniemen,
        )


# --- uploads (school staff) ---------------------------------------------------------------------


def urenupload_get(*, instelling: Instelling, uuid) -> Urenupload:
    """One of the school's own uploads; another school's is a 404."""
    return _get(Urenupload.objects.filter(instelling=instelling), uuid)


# --- the public API's lists (ADR 0076) ------------------------------------------------------------


def instelling_api_list(*, actor: Actor):
    """The national register, each school with this gemeente's own contact (``eigen_contact``,
    a list of at most one) in one more query."""
    return Instelling.objects.prefetch_related(
        Prefetch(
            "contacten",
            queryset=InstellingContact.objects.filter(gemeente=actor.gemeente),
            to_attr="eigen_contact",
        )
    )


def instelling_api_get(*, actor: Actor, uuid) -> Instelling:
    return _get(instelling_api_list(actor=actor), uuid)


def verwijzing_list(*, actor: Actor, inburgeraar=None, status: str = ""):
    qs = Verwijzing.objects.filter(gemeente=actor.gemeente).select_related(
        "inburgeraar", "contract", "instelling"
    )
    if inburgeraar is not None:
        qs = qs.filter(inburgeraar=inburgeraar)
    if status:
        qs = qs.filter(status=status)
    return qs


def verwijzing_get(*, actor: Actor, uuid) -> Verwijzing:
    return _get(verwijzing_list(actor=actor), uuid)


def urenregel_list(*, actor: Actor, verwijzing: Verwijzing):
    return Urenregel.objects.filter(
        verwijzing__gemeente=actor.gemeente, verwijzing=verwijzing
    ).select_related("verwijzing")


def eigen_cursus_list(*, actor: Actor, inburgeraar):
    return EigenCursus.objects.filter(
        gemeente=actor.gemeente, inburgeraar=inburgeraar
    ).select_related("inburgeraar", "instelling")
