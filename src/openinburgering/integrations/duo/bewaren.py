"""What the DUO integration does when a dossier is destroyed (R69, ADR 0060).

Notifications and outgoing messages are the chain's bookkeeping: a notification's row is what
refuses the same ``berichtId`` twice, a message's row is what was delivered to DUO under which
``berichtId``. They stay, without the person: no encrypted BSN, no search hash, no pseudonym, no
V-nummer, no content, no fingerprint (it hashes the search hash). Work items about the person go,
also those from before the dossier existed (found by the search hash). An outgoing message still
open keeps the dossier until it is settled.
"""

from collections.abc import Iterable

from django.db.models import Q

from openinburgering.inburgeraars.bewaren import Opruimer, Opruiming, TeVernietigen
from openinburgering.regels.bewaren import Beletsel

from .models import OPEN_UITGAAND, IntegriteitsIncident, Notificatie, UitgaandBericht, Werkitem


def _van_persoon(doel: TeVernietigen) -> Q:
    # A hash of "" would match every row without a BSN: only look by hash when there is one.
    q = Q(inburgeraar_id=doel.inburgeraar_id)
    if doel.bsn_hash:
        q |= Q(bsn_hash=doel.bsn_hash)
    return Q(gemeente_id=doel.gemeente_id) & q


def opruimen(doel: TeVernietigen, opruiming: Opruiming) -> None:
    notificaties = list(Notificatie.objects.filter(_van_persoon(doel)).values_list("id", flat=True))
    # A fingerprint hashes the search hash with the message's other fields: whoever holds the key
    # could test a guessed BSN against it. Without it, DUO resending the same berichtId is refused
    # as an integrity incident instead of a silent repeat: still never processed twice.
    aantal = Notificatie.objects.filter(id__in=notificaties).update(
        inburgeraar=None,
        bsn_versleuteld="",
        bsn_hash="",
        pseudoniem="",
        vnummer="",
        resultaat="",
        vingerafdruk="",
    )
    if aantal:
        opruiming.geanonimiseerd[Notificatie._meta.label] += aantal
    incidenten = list(IntegriteitsIncident.objects.filter(notificatie_id__in=notificaties))
    for incident in incidenten:
        # Unique per notification, so not simply empty; names nothing.
        incident.vingerafdruk = f"vernietigd:{incident.uuid.hex}"
    IntegriteitsIncident.objects.bulk_update(incidenten, ["vingerafdruk"])
    if incidenten:
        opruiming.geanonimiseerd[IntegriteitsIncident._meta.label] += len(incidenten)
    berichten = list(UitgaandBericht.objects.filter(_van_persoon(doel)))
    for bericht in berichten:
        bericht.inburgeraar = None
        bericht.bsn_versleuteld = bericht.bsn_hash = bericht.pseudoniem = ""
        bericht.inhoud = None
        bericht.pad_parameters = {}
        bericht.fouten = []
        bericht.laatste_fout = ""
        # The per-person key was "p:<search hash>"; the message is settled, order no longer matters.
        bericht.volgorde_sleutel = f"v:{bericht.uuid}"
    UitgaandBericht.objects.bulk_update(
        berichten,
        [
            "inburgeraar",
            "bsn_versleuteld",
            "bsn_hash",
            "pseudoniem",
            "inhoud",
            "pad_parameters",
            "fouten",
            "laatste_fout",
            "volgorde_sleutel",
        ],
    )
    if berichten:
        opruiming.geanonimiseerd[UitgaandBericht._meta.label] += len(berichten)
    if doel.bsn_hash:
        aantal, _ = Werkitem.objects.filter(
            gemeente_id=doel.gemeente_id, dossier__isnull=True, bsn_hash=doel.bsn_hash
        ).delete()
        if aantal:
            opruiming.vernietigd[Werkitem._meta.label] += aantal


def beletsels(doel: TeVernietigen) -> Iterable[Beletsel]:
    if UitgaandBericht.objects.filter(_van_persoon(doel), status__in=OPEN_UITGAAND).exists():
        yield Beletsel.MELDING_DUO


OPRUIMER = Opruimer(naam="duo", opruimen=opruimen, beletsels=beletsels)
