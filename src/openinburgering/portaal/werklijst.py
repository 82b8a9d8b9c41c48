"""A message from the newcomer as work on the one worklist (``core.werklijst``, ADR 0051)."""

from collections.abc import Iterable
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from openinburgering.core.werklijst import Bron, Chunk, Werkpunt
from openinburgering.signalen.models import Soort

from .models import Bericht, BerichtStatus

#: A message is answered within this many days: the klantregisseur's own service standard,
#: not a legal term (a term under the Awb would be a rule in ``regels``).
ANTWOORD_BINNEN_DAGEN = 5


def _lees(chunk: Chunk) -> Iterable[Werkpunt]:
    """The chunk's unhandled messages: one query."""
    for b in Bericht.objects.filter(chunk.q("dossier_id"), status=BerichtStatus.NIEUW).only(
        "uuid", "dossier_id", "verstuurd_op", "bijlage_pad"
    ):
        dag = timezone.localtime(b.verstuurd_op).date()
        yield Werkpunt(
            b.dossier_id,
            Soort.PORTAAL,
            dag + timedelta(days=ANTWOORD_BINNEN_DAGEN),
            uitleg="De inburgeraar stuurde een bericht via het portaal"
            + (" met een document." if b.bijlage_pad else "."),
            uitleg_en="The newcomer sent a message through the portal"
            + (" with a document." if b.bijlage_pad else "."),
            object_uuid=b.uuid,
        )


def _link(signaal) -> str:
    return (
        reverse("inburgeraars:detail", kwargs={"uuid": signaal.dossier.inburgeraar.uuid})
        + "#portaal"
    )


BRON = Bron(naam="portaal", soorten=(Soort.PORTAAL,), lees=_lees, link=_link)
