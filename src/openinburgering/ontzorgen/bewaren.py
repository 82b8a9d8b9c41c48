"""What ontzorgen does when a dossier is destroyed (R69, ADR 0060): the decision letters go, and
the payments, fixed costs, decisions and bijstand periods before the dossier's cascade (they
RESTRICT each other)."""

from openinburgering.inburgeraars.bewaren import Opruimer, Opruiming, TeVernietigen

from .models import (
    Afbouwstap,
    Betaling,
    Bijstandimport,
    Bijstandsperiode,
    Ontzorgbesluit,
    VasteLast,
)


def opruimen(doel: TeVernietigen, opruiming: Opruiming) -> None:
    besluiten = Ontzorgbesluit.objects.filter(dossier_id=doel.dossier_id)
    for pad in besluiten.exclude(brief_pad="").values_list("brief_pad", flat=True):
        opruiming.bestand(pad)
    for model, rijen in (
        (Betaling, Betaling.objects.filter(dossier_id=doel.dossier_id)),
        (VasteLast, VasteLast.objects.filter(besluit__dossier_id=doel.dossier_id)),
        (Afbouwstap, Afbouwstap.objects.filter(besluit__dossier_id=doel.dossier_id)),
        (Ontzorgbesluit, besluiten),
        (Bijstandsperiode, Bijstandsperiode.objects.filter(dossier_id=doel.dossier_id)),
    ):
        aantal, _ = rijen.delete()
        if aantal:
            opruiming.vernietigd[model._meta.label] += aantal
    # An import's preview names dossiers by id (never a BSN): the destroyed one leaves it.
    for invoer in Bijstandimport.objects.filter(gemeente_id=doel.gemeente_id):
        regels = [r for r in invoer.regels if r.get("dossier") != doel.dossier_id]
        if len(regels) != len(invoer.regels):
            invoer.regels = regels
            invoer.save(update_fields=["regels"])
            opruiming.geanonimiseerd[Bijstandimport._meta.label] += 1


OPRUIMER = Opruimer(naam="ontzorgen", opruimen=opruimen)
