"""Reads for maatschappelijke begeleiding; the tenant filter is applied here."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Q
from django.http import Http404
from django.utils.functional import Promise

from openinburgering.accounts.context import Actor
from openinburgering.inburgeraars.codes import Doelgroep
from openinburgering.inburgeraars.models import Dossier

from .models import Stap, StapStatus, Voortgang


def stap_list(*, actor: Actor, alleen_actief: bool = False):
    qs = Stap.objects.filter(gemeente=actor.gemeente)
    return qs.filter(actief=True) if alleen_actief else qs


def stap_get(*, actor: Actor, uuid) -> Stap:
    try:
        return Stap.objects.get(gemeente=actor.gemeente, uuid=uuid)
    except (Stap.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def heeft_begeleiding(dossier: Dossier) -> bool:
    """The task of Wi2021 art. 13 is for asielstatushouders, under either regime.

    Wi2013 asielstatushouders keep the steps that were started for them; the regime is shown next
    to the checklist so nobody mistakes which law applies.
    """
    return dossier.inburgeraar.doelgroep == Doelgroep.ASIELSTATUSHOUDER


@dataclass(frozen=True)
class Rij:
    stap: Stap
    voortgang: Voortgang | None
    streefdatum: date
    achterstallig: bool

    @property
    def status(self) -> str:
        return self.voortgang.status if self.voortgang else StapStatus.OPEN

    @property
    def status_label(self) -> str | Promise:
        return StapStatus(self.status).label

    @property
    def klaar(self) -> bool:
        return self.status != StapStatus.OPEN


@dataclass(frozen=True)
class Checklist:
    rijen: list[Rij]

    @property
    def totaal(self) -> int:
        return len(self.rijen)

    @property
    def klaar(self) -> int:
        return sum(1 for r in self.rijen if r.klaar)

    @property
    def achterstallig(self) -> list[Rij]:
        return [r for r in self.rijen if r.achterstallig]

    @property
    def procent(self) -> int:
        return round(100 * self.klaar / self.totaal) if self.totaal else 0


def checklist(*, actor: Actor, dossier: Dossier, peildatum: date) -> Checklist:
    """The steps in use plus retired steps this person already has a record for (2 queries)."""
    if dossier.gemeente_id != actor.gemeente.pk:
        raise Http404
    voortgang = {
        v.stap_id: v for v in Voortgang.objects.filter(dossier=dossier).select_related("stap")
    }
    stappen = list(stap_list(actor=actor, alleen_actief=True))
    stappen += [v.stap for v in voortgang.values() if not v.stap.actief]
    stappen.sort(key=lambda s: (s.volgorde, s.pk))
    rijen = []
    for stap in stappen:
        v = voortgang.get(stap.pk)
        streef = dossier.aangemeld_op + timedelta(days=stap.streefdagen)
        open_ = v is None or v.status == StapStatus.OPEN
        rijen.append(Rij(stap, v, streef, open_ and streef < peildatum and stap.actief))
    return Checklist(rijen)


def achterstallig_per_dossier(
    *,
    dossiers: Iterable[tuple[int, int, date, str, bool]],
    peildatum: date,
    voortgang: Q | None = None,
) -> dict[int, list[tuple]]:
    """For the worklist engine: per dossier, the overdue steps as (stap uuid, naam, streefdatum).

    ``dossiers`` are (id, gemeente id, aangemeld op, doelgroep, actief) as the engine read
    them; only active asielstatushouders count. ``voortgang`` selects their progress rows (the
    engine passes its id range, so no parameter list); by default the ids of ``dossiers``.
    Set-based: two queries for any number of dossiers.
    """
    asiel = [
        (dossier_id, gemeente_id, aangemeld_op)
        for dossier_id, gemeente_id, aangemeld_op, doelgroep, actief in dossiers
        if actief and doelgroep == Doelgroep.ASIELSTATUSHOUDER
    ]
    if not asiel:
        return {}
    stappen: dict[int, list[Stap]] = {}
    for stap in Stap.objects.filter(gemeente_id__in={g for _, g, _ in asiel}, actief=True):
        stappen.setdefault(stap.gemeente_id, []).append(stap)
    if not stappen:
        return {}
    if voortgang is None:
        voortgang = Q(dossier_id__in=[d for d, _, _ in asiel])
    klaar = set(
        Voortgang.objects.filter(voortgang)
        .exclude(status=StapStatus.OPEN)
        .values_list("dossier_id", "stap_id")
    )
    uit: dict[int, list[tuple]] = {}
    for dossier_id, gemeente_id, aangemeld_op in asiel:
        for stap in stappen.get(gemeente_id, []):
            streef = aangemeld_op + timedelta(days=stap.streefdagen)
            if streef < peildatum and (dossier_id, stap.pk) not in klaar:
                uit.setdefault(dossier_id, []).append((stap.uuid, stap.naam, streef))
    return uit


def dossier_vergrendelen(*, actor: Actor, dossier) -> None:
    """Lock the dossier's row until the transaction ends: a checklist write checks the state a
    client read (``If-Match``) and writes it without another write in between."""
    list(
        Dossier.objects.select_for_update()
        .filter(pk=dossier.pk, gemeente=actor.gemeente)
        .values_list("pk", flat=True)
    )
