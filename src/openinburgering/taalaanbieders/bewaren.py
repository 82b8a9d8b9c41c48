"""What taalaanbieders does when a dossier is destroyed (R69, ADR 0060).

Referrals, the school's reports and attention points go with the person (CASCADE). A school's
upload of hours hangs off the school, not the dossier: the rows it kept (checked rows not yet
imported, the report per refused row) name a referral by its kenmerk and may carry a remark
about the person. Those rows go; the upload itself and its counts stay.
"""

from django.db.models import Q, TextField
from django.db.models.functions import Cast

from openinburgering.inburgeraars.bewaren import Opruimer, Opruiming, TeVernietigen

from .models import Urenupload, Verwijzing


def _kenmerk(rij: object) -> str:
    return str(rij.get("kenmerk", "")).strip().upper() if isinstance(rij, dict) else ""


def opruimen(doel: TeVernietigen, opruiming: Opruiming) -> None:
    kenmerken: dict[int, set[str]] = {}
    for instelling_id, kenmerk in Verwijzing.objects.filter(
        inburgeraar_id=doel.inburgeraar_id
    ).values_list("instelling_id", "kenmerk"):
        kenmerken.setdefault(instelling_id, set()).add(kenmerk.upper())
    for instelling_id, eigen in kenmerken.items():
        # Only the uploads whose rows mention one of the kenmerken (schools write them in any case).
        vermeld = Q()
        for kenmerk in eigen:
            vermeld |= Q(goed_tekst__icontains=kenmerk) | Q(fout_tekst__icontains=kenmerk)
        uploads = (
            Urenupload.objects.filter(instelling_id=instelling_id)
            .annotate(goed_tekst=Cast("goed", TextField()), fout_tekst=Cast("fout", TextField()))
            .filter(vermeld)
        )
        for upload in uploads:
            goed = [r for r in upload.goed if _kenmerk(r) not in eigen]
            fout = [r for r in upload.fout if _kenmerk(r) not in eigen]
            if (len(goed), len(fout)) == (len(upload.goed), len(upload.fout)):
                continue
            upload.goed, upload.fout = goed, fout
            upload.save(update_fields=["goed", "fout"])
            opruiming.geanonimiseerd[Urenupload._meta.label] += 1


OPRUIMER = Opruimer(naam="taalaanbieders", opruimen=opruimen)
