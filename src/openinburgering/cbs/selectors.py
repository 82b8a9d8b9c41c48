"""Reads for the CBS delivery: the deliveries of a berichtgever, and each person's facts as the
SWI file needs them (in our own terms; ``formaat`` names them)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from openinburgering.besluiten.models import Beschikking, Soort
from openinburgering.gemeenten.models import Gemeente
from openinburgering.inburgeraars.models import Dossier
from openinburgering.inburgeraars.workflow import Status
from openinburgering.pip.models import GesprekStatus, PipStatus, PipVersie
from openinburgering.regels.codes import Doelgroep, Regime
from openinburgering.regels.statistiek import in_levering, kwartaal_periode
from openinburgering.traject.models import Onderdeel, Urenregistratie, UrenSoort

from .formaat import Persoonsgegevens
from .models import Levering

#: Dossiers read per round: the prefetches cost a fixed number of queries per batch.
PER_BATCH = 200


def levering_list(*, gemeente: Gemeente) -> QuerySet[Levering]:
    """The berichtgever's deliveries, newest first, without the files' bytes."""
    return (
        Levering.objects.filter(gemeente=gemeente)
        .defer("bestand", "controle")
        .select_related("aangemaakt_door", "aangeleverd_door", "vervangt")
        .prefetch_related("gemeenten")
    )


def aangeleverd(*, gemeente: Gemeente, jaar: int, kwartaal: int) -> Levering | None:
    """The latest delivery of this quarter that went to CBS, if any."""
    return (
        Levering.objects.filter(
            gemeente=gemeente, jaar=jaar, kwartaal=kwartaal, aangeleverd_op__isnull=False
        )
        .defer("bestand", "controle")
        .order_by("-aangeleverd_op")
        .first()
    )


def levering_get(*, gemeente: Gemeente, uuid: Any) -> Levering:
    try:
        return (
            Levering.objects.filter(gemeente=gemeente)
            .select_related("aangemaakt_door", "aangeleverd_door", "vervangt", "gemeente")
            .prefetch_related("gemeenten", "correcties")
            .get(uuid=uuid)
        )
    except (Levering.DoesNotExist, ValueError, TypeError):
        # Another gemeente's delivery is indistinguishable from one that does not exist.
        raise Http404 from None


def dossier_ids(*, gemeenten: Sequence[Gemeente], jaar: int, kwartaal: int) -> list[int]:
    """The dossiers in the quarter's delivery (R81), in file order (gemeente code, then id).

    The database narrows on tenant, regime and registration date; R81 itself decides."""
    _eerste, laatste = kwartaal_periode(jaar, kwartaal)
    rijen = (
        Dossier.objects.filter(
            gemeente__in=gemeenten,
            inburgeraar__regime=Regime.WI2021.value,
            aangemeld_op__lte=laatste,
        )
        .order_by("gemeente__code", "id")
        .values_list("id", "aangemeld_op", "afgerond_op")
    )
    return [
        pk
        for pk, aangemeld_op, afgerond_op in rijen
        if in_levering(
            regime_wi2021=True,
            aangemeld_op=aangemeld_op,
            afgerond_op=afgerond_op,
            jaar=jaar,
            kwartaal=kwartaal,
        ).waarde
    ]


def _batch(ids: Sequence[int], *, eerste: date, laatste: date) -> list[Dossier]:
    return list(
        Dossier.objects.filter(id__in=ids)
        .select_related("inburgeraar", "gemeente", "brede_intake")
        .prefetch_related(
            Prefetch(
                "pip_versies",
                queryset=PipVersie.objects.exclude(status=PipStatus.CONCEPT).order_by("volgnummer"),
            ),
            "afrondingen",
            "map_activiteiten",
            "pvt_deelnames",
            "begeleiding",
            "voortgangsgesprekken",
            Prefetch(
                "beschikkingen",
                queryset=Beschikking.objects.filter(soort=Soort.ONTZORGEN),
                to_attr="ontzorgbesluiten",
            ),
            Prefetch(
                "urenregistraties",
                queryset=Urenregistratie.objects.filter(
                    soort=UrenSoort.TAAL, periode_einde__gte=eerste, periode_einde__lte=laatste
                ),
                to_attr="taaluren_in_kwartaal",
            ),
        )
        .order_by("gemeente__code", "id")
    )


def dossiers_in_batches(*, ids: Sequence[int], jaar: int, kwartaal: int) -> Iterator[list[Dossier]]:
    """The dossiers with everything the file needs, ``PER_BATCH`` at a time."""
    eerste, laatste = kwartaal_periode(jaar, kwartaal)
    for start in range(0, len(ids), PER_BATCH):
        yield _batch(ids[start : start + PER_BATCH], eerste=eerste, laatste=laatste)


def _voor(dag: date | None, laatste: date) -> date | None:
    """A date that had happened by the quarter's end, or None (what came later is not in it)."""
    return dag if dag is not None and dag <= laatste else None


def persoonsgegevens(dossier: Dossier, *, jaar: int, kwartaal: int) -> Persoonsgegevens:
    """One person's facts at the end of the quarter, per SWI category."""
    eerste, laatste = kwartaal_periode(jaar, kwartaal)
    inburgeraar = dossier.inburgeraar
    asiel = inburgeraar.doelgroep == Doelgroep.ASIELSTATUSHOUDER.value
    categorieen: dict[str, dict[str, Any] | None] = {}

    intake = getattr(dossier, "brede_intake", None)
    if intake is not None and _voor(intake.gestart_op, laatste):
        categorieen["brede_intake"] = {
            "gestart_op": intake.gestart_op,
            "afgesloten_op": _voor(intake.afgesloten_op, laatste),
            "lbt_afgenomen_op": _voor(intake.lbt_afgenomen_op, laatste),
            "lbt_resultaat": intake.lbt_resultaat or None,
            "geadviseerde_leerroute": intake.geadviseerde_leerroute or None,
        }
    else:
        categorieen["brede_intake"] = None

    versies = [p for p in dossier.pip_versies.all() if p.dagtekening and p.dagtekening <= laatste]
    if versies:
        geldend = versies[-1]
        categorieen["pip"] = {
            "eerste_dagtekening": versies[0].dagtekening,
            "dagtekening": geldend.dagtekening,
            "leerroute": geldend.leerroute or None,
            "niveau": geldend.niveau or None,
            "versies": len(versies),
            "reden": geldend.reden,
        }
    else:
        categorieen["pip"] = None

    afrondingen = {a.onderdeel: a for a in dossier.afrondingen.all()}

    def afronding(onderdeel: str) -> dict[str, Any]:
        a = afrondingen.get(onderdeel)
        if a is None or _voor(a.datum, laatste) is None:
            return {"afgerond_op": None, "verwijtbaar": None}
        return {"afgerond_op": a.datum, "verwijtbaar": a.verwijtbaar or None}

    activiteiten = [m for m in dossier.map_activiteiten.all() if m.datum <= laatste]
    map_afronding = afronding(Onderdeel.MAP)
    if activiteiten or map_afronding["afgerond_op"]:
        categorieen["map"] = {
            "startdatum": min((m.datum for m in activiteiten), default=None),
            "uren": sum((m.uren for m in activiteiten), Decimal(0)) if activiteiten else None,
            **map_afronding,
        }
    else:
        categorieen["map"] = None

    deelnames = [d for d in dossier.pvt_deelnames.all() if d.uitgenodigd_op <= laatste]
    pvt_afronding = afronding(Onderdeel.PVT)
    if deelnames or pvt_afronding["afgerond_op"]:
        categorieen["pvt"] = {
            "startdatum": min((d.uitgenodigd_op for d in deelnames), default=None),
            **pvt_afronding,
        }
    else:
        categorieen["pvt"] = None

    # Ontzorgen and maatschappelijke begeleiding are owed to asielstatushouders (R34; art. 13).
    if asiel:
        besluiten = [b for b in dossier.ontzorgbesluiten if b.datum <= laatste]  # type: ignore[attr-defined]
        geldend_pip = versies[-1] if versies else None
        categorieen["ontzorgen"] = {
            "ontzorgd": bool(besluiten) or bool(geldend_pip and geldend_pip.ontzorgen.strip()),
            "besluit_op": min((b.datum for b in besluiten), default=None),
        }
        stappen = [v for v in dossier.begeleiding.all() if v.status != "nvt"]
        klaar = [v for v in stappen if v.status == "afgerond" and v.datum and v.datum <= laatste]
        categorieen["begeleiding"] = {
            "afgerond": len(klaar),
            "totaal": len(stappen),
            "laatste_op": max((v.datum for v in klaar if v.datum), default=None),
        }
    else:
        categorieen["ontzorgen"] = None
        categorieen["begeleiding"] = None

    gevoerd = [
        g.gevoerd_op
        for g in dossier.voortgangsgesprekken.all()
        if g.status == GesprekStatus.GEVOERD and g.gevoerd_op and g.gevoerd_op <= laatste
    ]
    uren = dossier.taaluren_in_kwartaal  # type: ignore[attr-defined]
    categorieen["voortgang"] = {
        "gesprekken": sum(1 for d in gevoerd if d >= eerste),
        "laatste_gesprek_op": max(gevoerd, default=None),
        "uren_taal": sum(u.uren for u in uren) if uren else None,
    }

    if dossier.status == Status.AFGEROND and _voor(dossier.afgerond_op, laatste):
        categorieen["einde"] = {"afgerond_op": dossier.afgerond_op, "eindreden": dossier.eindreden}
    else:
        categorieen["einde"] = None

    return Persoonsgegevens(
        gemeentecode=dossier.gemeente.code,
        bsn=inburgeraar.bsn,
        doelgroep=inburgeraar.doelgroep,
        aangemeld_op=dossier.aangemeld_op,
        categorieen=categorieen,
    )
