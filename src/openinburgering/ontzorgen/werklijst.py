"""The end of ontzorgen (R87) and refused or returned payments as a source of the one worklist
(``core.werklijst``, ADR 0051)."""

from collections.abc import Iterable

from django.urls import reverse

from openinburgering.core.werklijst import Bron, Chunk, Werkpunt
from openinburgering.regels import ontzorgen as regels
from openinburgering.signalen.models import Soort

from .models import Betaling, Ontzorgbesluit
from .workflow import NIET_BETAALD, BesluitStatus


def _lees(chunk: Chunk) -> Iterable[Werkpunt]:
    """Two queries per chunk."""
    for uuid, dossier_id, einde in Ontzorgbesluit.objects.filter(
        chunk.q("dossier_id"), status=BesluitStatus.VASTGESTELD, einde__isnull=False
    ).values_list("uuid", "dossier_id", "einde"):
        if regels.signaal_einde_ontzorgen(einde) <= chunk.peildatum <= einde:
            yield Werkpunt(
                dossier_id,
                Soort.ONTZORGEN_EINDE,
                einde,
                regel="R87",
                uitleg=f"Het ontzorgen stopt na {einde:%d-%m-%Y}: rond de afbouw af.",
                uitleg_en=f"Relief ends after {einde:%d-%m-%Y}: complete the phase-out.",
                object_uuid=uuid,
            )
    betaald = set(
        Betaling.objects.filter(chunk.q("dossier_id"))
        .exclude(status__in=NIET_BETAALD)
        .values_list("vaste_last_id", "periode")
    )
    for uuid, dossier_id, last_id, periode, reden in Betaling.objects.filter(
        chunk.q("dossier_id"), status__in=NIET_BETAALD
    ).values_list("uuid", "dossier_id", "vaste_last_id", "periode", "reden"):
        if (last_id, periode) in betaald:
            continue  # paid again in a later run
        yield Werkpunt(
            dossier_id,
            Soort.BETALING_GEWEIGERD,
            None,
            uitleg=f"Betaling over {periode:%m-%Y} kwam niet aan: {reden}",
            uitleg_en=f"Payment for {periode:%m-%Y} did not arrive: {reden}",
            object_uuid=uuid,
        )


def _link(signaal) -> str:
    return reverse("ontzorgen:overzicht", kwargs={"uuid": signaal.dossier.inburgeraar.uuid})


BRON = Bron(
    naam="ontzorgen",
    soorten=(Soort.ONTZORGEN_EINDE, Soort.BETALING_GEWEIGERD),
    lees=_lees,
    link=_link,
)
