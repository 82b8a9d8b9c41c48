"""Reads for the route work; the tenant filter is applied here."""

from django.db.models import Count, Prefetch, Q, Sum
from django.http import Http404

from openinburgering.accounts.context import Actor
from openinburgering.core.http import geldige_uuids
from openinburgering.core.keten import raadplegen
from openinburgering.inburgeraars.models import Dossier
from openinburgering.inburgeraars.workflow import Status

from .models import (
    Afronding,
    DeelnameStatus,
    ExamenUitslag,
    MapActiviteit,
    Onderdeel,
    PvtAanwezigheid,
    PvtBijeenkomst,
    PvtDeelname,
    PvtGroep,
    PvtMateriaal,
    Urenregistratie,
    UrenSoort,
)


def _get(qs, uuid):
    try:
        return qs.get(uuid=uuid)
    except (qs.model.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def groep_list(*, actor: Actor):
    return PvtGroep.objects.filter(gemeente=actor.gemeente).annotate(
        aantal_deelnemers=Count(
            "deelnames", filter=Q(deelnames__status=DeelnameStatus.UITGENODIGD), distinct=True
        ),
        aantal_bijeenkomsten=Count("bijeenkomsten", distinct=True),
    )


def groep_get(*, actor: Actor, uuid) -> PvtGroep:
    return _get(PvtGroep.objects.filter(gemeente=actor.gemeente), uuid)


def groep_detail(*, actor: Actor, groep: PvtGroep):
    """Sessions with materials, participants with person and PVT result, attendance (5 queries)."""
    bijeenkomsten = list(
        PvtBijeenkomst.objects.filter(groep=groep).prefetch_related(
            Prefetch("materialen", queryset=PvtMateriaal.objects.order_by("id"))
        )
    )
    deelnames = list(
        PvtDeelname.objects.filter(groep=groep)
        .select_related("dossier__inburgeraar")
        .prefetch_related(
            Prefetch(
                "dossier__afrondingen",
                queryset=Afronding.objects.filter(onderdeel=Onderdeel.PVT),
                to_attr="pvt_afronding",
            )
        )
        .order_by("dossier__inburgeraar__achternaam", "id")
    )
    aanwezig = {
        (a.deelname_id, a.bijeenkomst_id): a.status
        for a in PvtAanwezigheid.objects.filter(deelname__groep=groep)
    }
    return bijeenkomsten, deelnames, aanwezig


def bijeenkomst_get(*, actor: Actor, uuid) -> PvtBijeenkomst:
    return _get(
        PvtBijeenkomst.objects.filter(groep__gemeente=actor.gemeente).select_related("groep"), uuid
    )


def deelname_get(*, actor: Actor, uuid) -> PvtDeelname:
    return _get(
        PvtDeelname.objects.filter(gemeente=actor.gemeente).select_related(
            "groep", "dossier__inburgeraar"
        ),
        uuid,
    )


def materiaal_get(*, actor: Actor, uuid) -> PvtMateriaal:
    return _get(
        PvtMateriaal.objects.filter(bijeenkomst__groep__gemeente=actor.gemeente).select_related(
            "bijeenkomst__groep"
        ),
        uuid,
    )


def pvt_kandidaten(*, actor: Actor, groep: PvtGroep, zoekterm: str = "", limiet: int = 50):
    """Active dossiers without a PVT signing and not yet in this group (one query)."""
    qs = (
        Dossier.objects.filter(gemeente=actor.gemeente)
        .exclude(status=Status.AFGEROND)
        .exclude(afrondingen__onderdeel=Onderdeel.PVT, afrondingen__datum__isnull=False)
        .exclude(pvt_deelnames__groep=groep)
        .select_related("inburgeraar")
        .order_by("inburgeraar__achternaam", "id")
    )
    if zoekterm.strip():
        qs = qs.filter(
            Q(inburgeraar__achternaam__icontains=zoekterm.strip())
            | Q(inburgeraar__voornamen__icontains=zoekterm.strip())
        )
    return list(qs[:limiet])


def dossiers_get(*, actor: Actor, uuids) -> list[Dossier]:
    return list(
        Dossier.objects.filter(
            gemeente=actor.gemeente, inburgeraar__uuid__in=geldige_uuids(uuids)
        ).select_related("inburgeraar")
    )


def traject_van(dossier):
    """Everything the route page shows for one person (a fixed number of queries)."""
    afrondingen = {a.onderdeel: a for a in Afronding.objects.filter(dossier=dossier)}
    deelnames = list(
        PvtDeelname.objects.filter(dossier=dossier).select_related("groep").order_by("-id")
    )
    activiteiten = list(MapActiviteit.objects.filter(dossier=dossier)[:200])
    uren = list(Urenregistratie.objects.filter(dossier=dossier)[:200])
    return afrondingen, deelnames, activiteiten, uren


def duo_berichten(dossier) -> dict[str, raadplegen.BerichtStand]:
    """The latest outbox message per kind for this person (through ``core.keten``)."""
    uit: dict[str, raadplegen.BerichtStand] = {}
    for bericht in raadplegen.raadpleging().berichten(inburgeraar_id=dossier.inburgeraar_id):
        uit.setdefault(bericht.soort, bericht)
    return uit


def geregistreerde_taaluren(dossier) -> float:
    """Language hours the caseworker registered in the route work (kind "taal"): a source of the
    R68 total that taalaanbieders reports (registered in ``TrajectConfig.ready``)."""
    totaal = Urenregistratie.objects.filter(dossier=dossier, soort=UrenSoort.TAAL).aggregate(
        t=Sum("uren")
    )
    return float(totaal["t"] or 0)


# --- the public API's lists (ADR 0076): the tenant filter on every row, pages by primary key ---


def map_activiteit_list(*, actor: Actor, dossier):
    return MapActiviteit.objects.filter(gemeente=actor.gemeente, dossier=dossier).select_related(
        "dossier__inburgeraar"
    )


def urenregistratie_list(*, actor: Actor, dossier):
    return Urenregistratie.objects.filter(gemeente=actor.gemeente, dossier=dossier).select_related(
        "dossier__inburgeraar"
    )


def examenuitslag_list(*, actor: Actor, dossier):
    return ExamenUitslag.objects.filter(gemeente=actor.gemeente, dossier=dossier).select_related(
        "dossier__inburgeraar"
    )


def bijeenkomst_list(*, actor: Actor, groep: PvtGroep):
    return PvtBijeenkomst.objects.filter(
        groep__gemeente=actor.gemeente, groep=groep
    ).select_related("groep")


def deelname_list(*, actor: Actor, groep: PvtGroep):
    return PvtDeelname.objects.filter(gemeente=actor.gemeente, groep=groep).select_related(
        "groep", "dossier__inburgeraar"
    )


def deelnames_op_uuid(*, actor: Actor, groep: PvtGroep, uuids) -> dict[str, PvtDeelname]:
    """The group's participations among ``uuids`` (others, and other gemeenten's, are absent)."""
    return {
        str(d.uuid): d
        for d in PvtDeelname.objects.filter(
            gemeente=actor.gemeente, groep=groep, uuid__in=geldige_uuids(uuids)
        )
    }
