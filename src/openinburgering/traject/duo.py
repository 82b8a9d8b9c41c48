"""Every message from the route work to DUO, one function per message, through the chain.

Each function states the domain fact (``core.keten.uitgaand``); the DUO integration checks DUO's
acceptance rules with ``regels`` once more, fixes the ``berichtId`` and the body and writes the
outbox row in the caller's transaction: the change and the message commit together or not at
all. The services here apply the same rules (R39, R40, R41, R43, R25) before they get this far,
so the caseworker sees the rule and the article on the form.
"""

from django.utils import timezone

from openinburgering.core.keten import uitgaand
from openinburgering.regels.codes import JaNee
from openinburgering.taalaanbieders.services import gevolgde_taaluren

from .models import Afronding, Onderdeel, Urenregistratie, UrenSoort

#: DUO ``GevolgdeUren``: the maximum of every total (``uren`` maximum 9999 in the schema).
DUO_UREN_MAXIMUM = uitgaand.UREN_MAXIMUM

#: Our kinds of hours → DUO's three totals (GevolgdeUren API).
UREN_NAAR_DUO = {
    UrenSoort.TAAL: "participatie_taalles",
    UrenSoort.PARTICIPATIE: "participatieactiviteiten",
    UrenSoort.PARTICIPATIE_BREDE_INTAKE: "participatieactiviteiten",
    UrenSoort.TAAL_BREDE_INTAKE: "taalles_knm_brede_intake",
}


def _vastleggen(afronding: Afronding, ontvangst: uitgaand.Ontvangst) -> dict:
    inhoud = ontvangst.inhoud or {}
    afronding.duo_inhoud = inhoud
    afronding.duo_klaargezet_op = timezone.now()
    Afronding.objects.filter(pk=afronding.pk).update(
        duo_inhoud=inhoud, duo_klaargezet_op=afronding.duo_klaargezet_op
    )
    return inhoud


def _participatie(*, actor, afronding: Afronding, feiten, zroute_afronding) -> dict:
    ontvangst = uitgaand.melden(
        uitgaand.ParticipatieAfgerond(
            inburgeraar=afronding.dossier.inburgeraar,
            onderdeel=afronding.onderdeel.upper(),
            datum=afronding.datum,
            verwijtbaar=JaNee(afronding.verwijtbaar) if afronding.verwijtbaar else None,
            termijn=feiten.termijn,
            eigen_huidig_pip=feiten.eigen_huidig_pip,
            zroute_afronding=zroute_afronding,
        ),
        actor=actor,
    )
    return _vastleggen(afronding, ontvangst)


def pvt_melden(*, actor, afronding: Afronding, feiten, zroute_afronding=None) -> dict:
    """PUT /personen/{bsn}/pvt — ``ResultaatPvt``: signing date and/or culpability."""
    assert afronding.onderdeel == Onderdeel.PVT
    return _participatie(
        actor=actor, afronding=afronding, feiten=feiten, zroute_afronding=zroute_afronding
    )


def map_melden(*, actor, afronding: Afronding, feiten, zroute_afronding=None) -> dict:
    """PUT /personen/{bsn}/map — ``ResultaatMap``: final interview date and/or culpability."""
    assert afronding.onderdeel == Onderdeel.MAP
    return _participatie(
        actor=actor, afronding=afronding, feiten=feiten, zroute_afronding=zroute_afronding
    )


def zroute_melden(*, actor, afronding: Afronding, uren: dict[str, int]) -> dict:
    """PUT /personen/{bsn}/zroute — ``ResultaatZroute``: the completion date (R41 checked on
    ``uren``, the totals of :func:`zroute_uren`)."""
    assert afronding.onderdeel == Onderdeel.ZROUTE
    ontvangst = uitgaand.melden(
        uitgaand.ZrouteAfgerond(
            inburgeraar=afronding.dossier.inburgeraar,
            datum=afronding.datum,
            taaluren=uren["taaluren"],
            participatieuren=uren["participatieuren"],
        ),
        actor=actor,
    )
    return _vastleggen(afronding, ontvangst)


def zroute_uren(*, dossier) -> dict[str, int]:
    """The hours R41 counts, as keyword arguments of ``toets_zroute_afronding``: the very totals
    DUO gets (:func:`uren_totaal`), so the hours schools report count for the Z-route too.

    DUO's participation total already holds the participation during the brede intake, which
    R41 counts as participation; language hours during the intake are DUO's third total and do
    not count (R54).
    """
    return {
        "taaluren": uren_totaal(dossier=dossier, duo_soort="participatie_taalles"),
        "participatieuren": uren_totaal(dossier=dossier, duo_soort="participatieactiviteiten"),
    }


def uren_totaal(*, dossier, duo_soort: str) -> int:
    """The total DUO keeps for one of its three kinds: the sum of our registrations.

    DUO keeps ONE total of language hours per person, which a new message replaces. Schools
    report hours too, so that total comes from the one function that adds both (R68).
    """
    if duo_soort == "participatie_taalles":
        return int(gevolgde_taaluren(inburgeraar=dossier.inburgeraar).waarde)
    soorten = [ons for ons, duo in UREN_NAAR_DUO.items() if duo == duo_soort]
    return int(
        sum(
            Urenregistratie.objects.filter(dossier=dossier, soort__in=soorten).values_list(
                "uren", flat=True
            )
        )
    )


def uren_melden(*, actor, dossier, duo_soort: str) -> dict:
    """PUT /personen/{bsn}/uren/… — the new total of one kind (``{"uren": n}``, 0–9999)."""
    ontvangst = uitgaand.melden(
        uitgaand.UrenGevolgd(
            inburgeraar=dossier.inburgeraar,
            soort=duo_soort,
            uren=uren_totaal(dossier=dossier, duo_soort=duo_soort),
        ),
        actor=actor,
    )
    return ontvangst.inhoud or {}
