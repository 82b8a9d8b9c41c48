"""The one deadline engine: set-based recomputation of work items, and assignment."""

import threading
from collections import defaultdict
from collections.abc import Iterable
from contextlib import contextmanager
from datetime import date
from typing import Any
from uuid import uuid4

from django.db import connection, transaction
from django.db.models import Count, Max, Min, Q
from django.db.models.fields.json import KeyTextTransform, KeyTransform
from django.utils import timezone
from django.utils.translation import gettext as _

import structlog

from openinburgering.accounts.context import Actor
from openinburgering.accounts.rollen import Recht
from openinburgering.besluiten.models import Bezwaar
from openinburgering.besluiten.workflow import BezwaarUitkomst
from openinburgering.core.exceptions import Geweigerd
from openinburgering.core.werklijst import Bereik, Bron, Chunk, Werkpunt, bronnen
from openinburgering.inburgeraars.models import Dossier, Gebeurtenis
from openinburgering.inburgeraars.workflow import Status
from openinburgering.intake.models import BredeIntake
from openinburgering.pip.models import (
    GesprekStatus,
    PipStatus,
    PipVersie,
    Voortgangsgesprek,
)
from openinburgering.regels.duo import (
    HERVAT_GEBEURTENISSEN,
    PAUZE_GEBEURTENISSEN,
    PIP_TERMIJN_GEBEURTENISSEN,
    plicht_gepauzeerd,
)

from .engine import Feiten, gewenste_signalen
from .models import GEEN_DEADLINE, Signaal, SignaalStatus, Soort

logger = structlog.get_logger(__name__)

#: DUO's events that (re)start the 10-week PIP term, as they appear on the dossier timeline.
_PIP_TERMIJN_SOORTEN = sorted(g.value for g in PIP_TERMIJN_GEBEURTENISSEN)
_PAUZE_SOORTEN = sorted(g.value for g in PAUZE_GEBEURTENISSEN)
_HERVAT_SOORTEN = sorted(g.value for g in HERVAT_GEBEURTENISSEN)
CHUNK = 5000
_VELDEN = ("deadline", "regel", "uitleg", "titel", "object_uuid", "uitleg_en")


#: DUO's last answers about the person (``DuoStand``), read with the dossier in the same query:
#: one outer join and a few scalar columns per chunk, never a query per dossier.
def _duo(antwoord: str, veld: str) -> KeyTextTransform:
    return KeyTextTransform(veld, KeyTransform(antwoord, "inburgeraar__duo_stand__gegevens"))


_DUO_KOLOMMEN = {
    "duo_termijn_start": _duo("termijn", "startdatum"),
    "duo_termijn_einde": _duo("termijn", "einddatum"),
    "duo_termijn_grond": _duo("termijn", "verlengingsgrondomschrijving"),
    "duo_pip_dagtekening": _duo("pip", "dagtekening"),
    "duo_pip_leerroute": _duo("pip", "leerroute"),
}


def _duo_termijn(d: dict) -> tuple[date, date, str] | None:
    if not (d["duo_termijn_start"] and d["duo_termijn_einde"]):
        return None
    return (
        date.fromisoformat(d["duo_termijn_start"]),
        date.fromisoformat(d["duo_termijn_einde"]),
        d["duo_termijn_grond"] or "",
    )


def _duo_pip(d: dict) -> tuple[date, str] | None:
    if not d["duo_pip_dagtekening"]:
        return None
    return date.fromisoformat(d["duo_pip_dagtekening"]), d["duo_pip_leerroute"] or ""


def _feiten(dossiers: list[dict], bereik: Bereik) -> dict[int, Feiten]:
    feiten = {
        d["id"]: Feiten(
            dossier_id=d["id"],
            gemeente_id=d["gemeente_id"],
            actief=d["status"] != Status.AFGEROND,
            klantregisseur_id=d["klantregisseur_id"],
            geboortedatum=d["inburgeraar__geboortedatum"],
            duo_termijn=_duo_termijn(d),
            duo_pip=_duo_pip(d),
        )
        for d in dossiers
    }
    # Rows of dossiers outside ``dossiers`` (other gemeente in a range, deleted meanwhile) are
    # skipped with ``feiten.get``.
    tz = timezone.get_current_timezone()
    termijn = Q(soort__in=_PIP_TERMIJN_SOORTEN)
    for dossier_id, eerste, laatste, n, pauze, hervat in (
        Gebeurtenis.objects.filter(
            bereik.q("dossier_id"),
            soort__in={*_PIP_TERMIJN_SOORTEN, *_PAUZE_SOORTEN, *_HERVAT_SOORTEN},
        )
        .values("dossier_id")
        .annotate(
            eerste=Min("tijdstip", filter=termijn),
            laatste=Max("tijdstip", filter=termijn),
            n=Count("id", filter=termijn),
            pauze=Max("tijdstip", filter=Q(soort__in=_PAUZE_SOORTEN)),
            hervat=Max("tijdstip", filter=Q(soort__in=_HERVAT_SOORTEN)),
        )
        .values_list("dossier_id", "eerste", "laatste", "n", "pauze", "hervat")
        .order_by()
    ):
        if (f := feiten.get(dossier_id)) is None:
            continue
        if n:
            laatste = timezone.localtime(laatste, tz).date()
            f.ss139 = (timezone.localtime(eerste, tz).date(), laatste) if n > 1 else (laatste,)
        # R46: from a temporary exemption until DUO withdraws it, no PIP term runs.
        f.gepauzeerd = plicht_gepauzeerd(laatste_pauze=pauze, laatste_hervatting=hervat)
    for dossier_id, status in BredeIntake.objects.filter(bereik.q("dossier_id")).values_list(
        "dossier_id", "status"
    ):
        if (f := feiten.get(dossier_id)) is not None:
            f.intake_status = status
    for dossier_id, status, dagtekening, pip_uuid, leerroute in (
        PipVersie.objects.filter(bereik.q("dossier_id"))
        .values_list("dossier_id", "status", "dagtekening", "uuid", "leerroute")
        .order_by()
    ):
        if (f := feiten.get(dossier_id)) is None:
            continue
        if status == PipStatus.CONCEPT:
            f.concept_uuid = pip_uuid
        else:
            # Only a concept may lack it (check constraint pip_vastgesteld_heeft_beschikking).
            assert dagtekening is not None, "a decided PIP always has a dagtekening"
            f.pip_dagtekeningen += (dagtekening,)
            if status == PipStatus.VASTGESTELD:
                f.huidige_leerroute = leerroute
    # Every kind of decision (PIP, fine, ontzorgen): R67 counts from its bekendmaking.
    for bezwaar_uuid, dossier_id, bekendgemaakt, commissie, verdaagd in Bezwaar.objects.filter(
        bereik.q("beschikking__dossier_id"), uitkomst=BezwaarUitkomst.OPEN
    ).values_list(
        "uuid",
        "beschikking__dossier_id",
        "beschikking__bekendgemaakt_op",
        "adviescommissie",
        "verdaagd",
    ):
        if (f := feiten.get(dossier_id)) is not None:
            f.open_bezwaren.append((bezwaar_uuid, bekendgemaakt, commissie, verdaagd))
    for gesprek_uuid, dossier_id, gepland in Voortgangsgesprek.objects.filter(
        bereik.q("dossier_id"), status=GesprekStatus.GEPLAND
    ).values_list("uuid", "dossier_id", "gepland_op"):
        if (f := feiten.get(dossier_id)) is not None:
            f.geplande_gesprekken.append((gesprek_uuid, gepland))
    return feiten


def _termijnen(chunk: Chunk) -> Iterable[Werkpunt]:
    """signalen's own source: the deadlines ``regels`` derives from the dossier's facts."""
    for f in _feiten(chunk.dossiers, chunk.bereik).values():
        yield from gewenste_signalen(f, chunk.peildatum)


#: Registered by ``SignalenConfig.ready`` beside the sources other apps register.
TERMIJNEN = Bron(
    naam="termijnen",
    soorten=tuple(
        s.value
        for s in Soort
        if s not in (Soort.DUO, Soort.SCHOOL, Soort.BEGELEIDING, Soort.PORTAAL)
    ),
    lees=_termijnen,
)


_KOLOMMEN = (
    "uuid", "gemeente_id", "dossier_id", "soort", "sleutel", "deadline", "sorteerdatum", "regel",
    "uitleg", "titel", "object_uuid", "status", "toegewezen_aan_id", "aangemaakt_op",
    "gewijzigd_op", "uitleg_en",
)  # fmt: skip
_TIJDELIJK = "signalen_signaal_nieuw"


def _invoegen(rijen: list[tuple]) -> None:
    """Insert new work items. On PostgreSQL through ``COPY`` into a temporary table and one
    ``INSERT … SELECT`` from it: a first full run inserts hundreds of thousands of rows, and
    building an ORM instance and an INSERT parameter per field costs more than the database's
    own work. Not ``COPY`` straight into the table: PostgreSQL refuses ``COPY FROM`` on a table
    whose row-level security applies (ADR 0056), and the ``INSERT`` is checked by the policy
    like any other write. (``INSERT … SELECT FROM unnest(…)`` took 45% longer at a million.)"""
    if connection.vendor == "postgresql":
        tabel = Signaal._meta.db_table
        kolommen = ", ".join(_KOLOMMEN)
        with transaction.atomic(), connection.cursor() as c:
            # Made and dropped within this transaction: no state left on the session (a later
            # transaction may run as another role, or on another pooled connection).
            c.execute(
                f"CREATE TEMP TABLE {_TIJDELIJK} ON COMMIT DROP AS "
                f"SELECT {kolommen} FROM {tabel} WITH NO DATA"
            )
            with c.cursor.copy(f"COPY {_TIJDELIJK} ({kolommen}) FROM STDIN") as copy:
                for rij in rijen:
                    copy.write_row(rij)
            c.execute(f"INSERT INTO {tabel} ({kolommen}) SELECT {kolommen} FROM {_TIJDELIJK}")
            c.execute(f"DROP TABLE {_TIJDELIJK}")
        return
    Signaal.objects.bulk_create(
        (Signaal(**dict(zip(_KOLOMMEN, rij, strict=True))) for rij in rijen), batch_size=1000
    )


def _verwerk(dossiers: list[dict], peildatum: date, nu, bereik: Bereik) -> dict[str, int]:
    chunk = Chunk(dossiers=dossiers, peildatum=peildatum, bereik=bereik)
    # A source's rows of dossiers outside ``dossiers`` (another gemeente in a range, deleted
    # meanwhile) or of a closed dossier are dropped: a closed dossier has no open work.
    per_dossier = {d["id"]: d for d in dossiers if d["status"] != Status.AFGEROND}
    gewenst: dict[str, Werkpunt] = {}
    for bron in bronnen():
        for punt in bron.lees(chunk):
            if punt.dossier_id in per_dossier:
                gewenst[punt.sleutel] = punt
    # Plain tuples, not model instances: on a no-change run this comparison is the whole work.
    bestaand = {
        rij[1]: rij
        for rij in Signaal.objects.filter(bereik.q("dossier_id"), status=SignaalStatus.OPEN)
        .values_list("id", "sleutel", *_VELDEN)
        .order_by()
    }
    nieuw, gewijzigd = [], []
    for sleutel, g in gewenst.items():
        oud = bestaand.get(sleutel)
        if oud is None:
            d = per_dossier[g.dossier_id]
            nieuw.append(
                (
                    uuid4(), d["gemeente_id"], g.dossier_id, g.soort, sleutel, g.deadline,
                    g.deadline or GEEN_DEADLINE, g.regel, g.uitleg, g.titel, g.object_uuid,
                    SignaalStatus.OPEN.value, d["klantregisseur_id"], nu, nu, g.uitleg_en,
                )
            )  # fmt: skip
        elif oud[2:] != (g.deadline, g.regel, g.uitleg, g.titel, g.object_uuid, g.uitleg_en):
            gewijzigd.append(
                Signaal(
                    id=oud[0],
                    deadline=g.deadline,
                    regel=g.regel,
                    uitleg=g.uitleg,
                    titel=g.titel,
                    object_uuid=g.object_uuid,
                    uitleg_en=g.uitleg_en,
                    sorteerdatum=g.deadline or GEEN_DEADLINE,
                    gewijzigd_op=nu,
                )
            )
    weg = [rij[0] for sleutel, rij in bestaand.items() if sleutel not in gewenst]
    if nieuw:
        _invoegen(nieuw)
    if gewijzigd:
        Signaal.objects.bulk_update(
            gewijzigd, [*_VELDEN, "sorteerdatum", "gewijzigd_op"], batch_size=500
        )
    if weg:
        Signaal.objects.filter(id__in=weg).update(
            status=SignaalStatus.AFGEHANDELD, afgehandeld_op=nu, gewijzigd_op=nu
        )
    return {"nieuw": len(nieuw), "gewijzigd": len(gewijzigd), "gesloten": len(weg)}


def signalen_herberekenen(
    *,
    dossier_ids: Iterable[int] | None = None,
    gemeente=None,
    peildatum: date | None = None,
    chunk: int = CHUNK,
) -> dict[str, int]:
    """Recompute the work items of the given dossiers (or all), in chunks of set-based queries.

    Each chunk costs a fixed number of queries whatever its size: the dossiers (with DUO's
    term and PIP), then each registered source (``bronnen``) reads its facts for the whole
    chunk (signalen's own deadlines: SS139/SS129 dates, intakes, PIP versions, open objections,
    planned talks; DUO work items, school reports and begeleiding from their apps), the open
    work items, then one bulk insert, one bulk update and one bulk close. A full run selects
    each chunk's rows by id range, so every query is an index range scan. Idempotent: a second
    run changes nothing.
    """
    peildatum = peildatum or timezone.localdate()
    nu = timezone.now()
    qs = Dossier.objects.order_by("id").values(
        "id",
        "gemeente_id",
        "status",
        "klantregisseur_id",
        "aangemeld_op",
        "inburgeraar__geboortedatum",
        "inburgeraar__doelgroep",
        **_DUO_KOLOMMEN,
    )
    totaal: defaultdict[str, int] = defaultdict(int)
    if dossier_ids is not None:
        ids = sorted(set(dossier_ids))
        if gemeente is not None:
            qs = qs.filter(gemeente=gemeente)
        for i in range(0, len(ids), chunk):
            deel = ids[i : i + chunk]
            # Rows read by column name in _feiten; their exact shape is not checked here.
            dossiers: list[Any] = list(qs.filter(id__in=deel))
            with transaction.atomic():
                for k, v in _verwerk(dossiers, peildatum, nu, Bereik(ids=deel)).items():
                    totaal[k] += v
            totaal["dossiers"] += len(dossiers)
        return dict(totaal)
    if gemeente is not None:
        # One gemeente's dossiers are spread over the whole id space: ranges would read every
        # other gemeente's rows too, so use explicit id lists.
        ids = list(Dossier.objects.filter(gemeente=gemeente).values_list("id", flat=True))
        return signalen_herberekenen(dossier_ids=ids, peildatum=peildatum, chunk=chunk)
    vanaf = 0
    while True:
        dossiers = list(qs.filter(id__gt=vanaf)[:chunk])
        if not dossiers:
            break
        bereik = Bereik(na=vanaf, tot=dossiers[-1]["id"])
        with transaction.atomic():
            for k, v in _verwerk(dossiers, peildatum, nu, bereik).items():
                totaal[k] += v
        vanaf = dossiers[-1]["id"]
        totaal["dossiers"] += len(dossiers)
    logger.info("signalen_herberekend", **totaal)
    return dict(totaal)


_bundel = threading.local()


@contextmanager
def signalen_gebundeld():
    """Collect the recomputations asked for inside this block and do them once, set-based,
    after the commit: a worker that processes fifty DUO notifications in one transaction
    recomputes fifty dossiers in one pass instead of a hundred single ones."""
    if getattr(_bundel, "ids", None) is not None:
        yield
        return
    _bundel.ids = set()
    try:
        yield
    finally:
        ids, _bundel.ids = _bundel.ids, None
    if ids:
        transaction.on_commit(lambda: signalen_herberekenen(dossier_ids=ids))


def herbereken_na_commit(dossier) -> None:
    """Call from a service that changed a dossier's facts: recompute once the change is stored."""
    dossier_id = dossier.pk if hasattr(dossier, "pk") else dossier
    ids = getattr(_bundel, "ids", None)
    if ids is not None:
        ids.add(dossier_id)
        return
    transaction.on_commit(lambda: signalen_herberekenen(dossier_ids=[dossier_id]))


@transaction.atomic
def signalen_toewijzen(*, actor: Actor, signalen: list[Signaal], aan) -> int:
    """(Re)assign work items; only a role with WERK_TOEWIJZEN, and only within the gemeente."""
    if not actor.mag(Recht.WERK_TOEWIJZEN):
        raise Geweigerd(_("Alleen een teamleider kan werk toewijzen."))
    if aan is not None and not aan.lidmaatschappen.filter(gemeente=actor.gemeente).exists():
        raise Geweigerd(_("Deze medewerker werkt niet voor deze gemeente."), veld="aan")
    ids = [s.id for s in signalen if s.gemeente_id == actor.gemeente.id]
    aantal = Signaal.objects.filter(id__in=ids, status=SignaalStatus.OPEN).update(
        toegewezen_aan=aan, gewijzigd_op=timezone.now()
    )
    logger.info("signalen_toegewezen", aantal=aantal, gemeente=actor.gemeente.code)
    return aantal


@transaction.atomic
def signalen_oppakken(*, actor: Actor, signalen: list[Signaal]) -> int:
    """A caseworker takes unassigned items: assign them to themselves."""
    ids = [s.id for s in signalen if s.gemeente_id == actor.gemeente.id]
    return Signaal.objects.filter(
        id__in=ids, status=SignaalStatus.OPEN, toegewezen_aan__isnull=True
    ).update(toegewezen_aan=actor.user, gewijzigd_op=timezone.now())
