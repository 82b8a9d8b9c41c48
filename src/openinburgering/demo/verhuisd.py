"""The demo's moved person has a dossier in both gemeenten (ADR 0066): the registers (DUO, the
BRP) know the person once, where they live now. These are the old gemeente's copies to leave
out when the demo seeds them."""

from openinburgering.inburgeraars.models import Inburgeraar
from openinburgering.inburgeraars.workflow import Eindreden, Status


def vertrokken_kopieen() -> set[int]:
    """Ids of persons whose dossier closed as moved while the same person (BSN) has a dossier
    in another gemeente of the demo."""
    rijen = list(
        Inburgeraar.objects.values_list("id", "bsn_hash", "dossier__status", "dossier__eindreden")
    )
    vertrokken = {
        (id_, sleutel)
        for id_, sleutel, status, reden in rijen
        if status == Status.AFGEROND and reden == Eindreden.VERHUISD
    }
    elders = {sleutel for id_, sleutel, _s, _r in rijen if (id_, sleutel) not in vertrokken}
    return {id_ for id_, sleutel in vertrokken if sleutel in elders}
