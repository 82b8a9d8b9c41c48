"""What brieven does when a dossier is destroyed (R69, ADR 0060): a letter's kenmerk stays,
without its dossier, so the number is never handed out again; the kenmerk names no person."""

from openinburgering.inburgeraars.bewaren import Opruimer, Opruiming, TeVernietigen

from .models import Briefkenmerk


def opruimen(doel: TeVernietigen, opruiming: Opruiming) -> None:
    aantal = Briefkenmerk.objects.filter(dossier_id=doel.dossier_id).update(dossier=None)
    if aantal:
        opruiming.geanonimiseerd[Briefkenmerk._meta.label] += aantal


OPRUIMER = Opruimer(naam="brieven", opruimen=opruimen)
