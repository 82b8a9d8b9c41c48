"""Every decision made before this app becomes a Beschikking, losing nothing (ADR 0052).

- Each vastgestelde or vervangen PIP version: its dagtekening (the letter was sent that day), its
  bezwaar_uiterlijk as stored, and its bezwaren with their own uuid (work items keep pointing at
  them), dates, timeliness, committee, postponement, outcome and explanation.
- Each handhaving besluit step (a fine): its date and bezwaar_uiterlijk; fines had no bezwaren.

The status follows from what is known: a replaced PIP is vervangen, an open bezwaar makes it
in_bezwaar, decided bezwaren herzien or in_stand (the table of ``besluiten.workflow``, copied
here so that later changes to it do not change this migration). Reversible: going back puts the
dates and bezwaren where they were.
"""

from datetime import timedelta

from django.db import migrations

#: Awb 6:7 and 6:8, R23 as it stood: only for a decision that never stored its term (none should).
BEZWAAR_WEKEN = 6

GEVOLG = {
    "gegrond": "herzien",
    "deels_gegrond": "herzien",
    "ongegrond": "in_stand",
    "niet_ontvankelijk": "in_stand",
    "ingetrokken": "bekendgemaakt",
}

BEZWAARVELDEN = (
    "uuid",
    "gemeente_id",
    "ontvangen_op",
    "datum_ter_post",
    "tijdig",
    "tijdigheid_uitleg",
    "adviescommissie",
    "verdaagd",
    "beslissen_uiterlijk",
    "uitkomst",
    "beslist_op",
    "toelichting",
)


def _status(vervangen: bool, uitkomsten: list[str]) -> str:
    if vervangen:
        return "vervangen"
    if "open" in uitkomsten:
        return "in_bezwaar"
    gevolgen = {GEVOLG[u] for u in uitkomsten}
    for gevolg in ("herzien", "in_stand"):
        if gevolg in gevolgen:
            return gevolg
    return "bekendgemaakt"


def _uiterlijk(opgeslagen, datum):
    # The stored date is what the letter said; only a missing one is computed (no Atw shift).
    return opgeslagen or datum + timedelta(weeks=BEZWAAR_WEKEN)


def vooruit(apps, schema_editor):
    Beschikking = apps.get_model("besluiten", "Beschikking")
    Bezwaar = apps.get_model("besluiten", "Bezwaar")
    PipVersie = apps.get_model("pip", "PipVersie")
    PipBezwaar = apps.get_model("pip", "Bezwaar")
    Stap = apps.get_model("handhaving", "Handhavingsstap")

    for pip in PipVersie.objects.exclude(status="concept").filter(beschikking__isnull=True):
        oude = list(PipBezwaar.objects.filter(pip_versie=pip).order_by("id"))
        beschikking = Beschikking.objects.create(
            gemeente_id=pip.gemeente_id,
            dossier_id=pip.dossier_id,
            soort="pip",
            omschrijving=f"PIP {pip.volgnummer}",
            datum=pip.dagtekening,
            bekendgemaakt_op=pip.dagtekening,
            bezwaar_uiterlijk=_uiterlijk(pip.bezwaar_uiterlijk, pip.dagtekening),
            status=_status(pip.status == "vervangen", [b.uitkomst for b in oude]),
        )
        PipVersie.objects.filter(pk=pip.pk).update(beschikking=beschikking)
        Bezwaar.objects.bulk_create(
            Bezwaar(beschikking=beschikking, **{v: getattr(b, v) for v in BEZWAARVELDEN})
            for b in oude
        )

    for stap in Stap.objects.filter(soort="besluit", beschikking__isnull=True).select_related(
        "zaak"
    ):
        bedrag = f"{stap.bedrag:.2f}".replace(".", ",") if stap.bedrag is not None else "?"
        beschikking = Beschikking.objects.create(
            gemeente_id=stap.zaak.gemeente_id,
            dossier_id=stap.zaak.dossier_id,
            soort="boete",
            omschrijving=f"Boete € {bedrag} ({stap.zaak.artikel})",
            datum=stap.datum,
            bekendgemaakt_op=stap.datum,
            bezwaar_uiterlijk=_uiterlijk(stap.bezwaar_uiterlijk, stap.datum),
        )
        Stap.objects.filter(pk=stap.pk).update(beschikking=beschikking)


def terug(apps, schema_editor):
    Beschikking = apps.get_model("besluiten", "Beschikking")
    Bezwaar = apps.get_model("besluiten", "Bezwaar")
    PipVersie = apps.get_model("pip", "PipVersie")
    PipBezwaar = apps.get_model("pip", "Bezwaar")
    Stap = apps.get_model("handhaving", "Handhavingsstap")

    for pip in PipVersie.objects.filter(beschikking__isnull=False).select_related("beschikking"):
        beschikking = pip.beschikking
        PipVersie.objects.filter(pk=pip.pk).update(
            bezwaar_uiterlijk=beschikking.bezwaar_uiterlijk, beschikking=None
        )
        PipBezwaar.objects.bulk_create(
            PipBezwaar(pip_versie_id=pip.pk, **{v: getattr(b, v) for v in BEZWAARVELDEN})
            for b in Bezwaar.objects.filter(beschikking=beschikking).order_by("id")
        )
    for stap in Stap.objects.filter(beschikking__isnull=False).select_related("beschikking"):
        Stap.objects.filter(pk=stap.pk).update(
            bezwaar_uiterlijk=stap.beschikking.bezwaar_uiterlijk, beschikking=None
        )
    # Only PIP and fine decisions existed before this app; each is back where it came from.
    Bezwaar.objects.all().delete()
    Beschikking.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("besluiten", "0001_initial"),
        ("pip", "0003_pipversie_beschikking"),
        ("handhaving", "0003_handhavingsstap_beschikking"),
        # Fines that were intake steps became handhaving steps there; they get a beschikking too.
        ("intake", "0005_geen_boete_op_de_intake"),
    ]

    operations = [migrations.RunPython(vooruit, terug)]
