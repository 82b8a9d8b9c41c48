"""Move every fine recorded as an intake step into one handhaving zaak (art. 22; ADR 0040).

An intake "boete" step recorded that the college fined the person € ``bedrag`` on ``datum`` for
not cooperating with the brede intake. Each becomes a ``Handhavingszaak`` (verplichting
brede_intake, Wi2021 art. 22, status "besloten") with one ``besluit`` step carrying the same
date, amount, reduction reason and note, and the bezwaar term (R23) computed from that date. The
violation date is the last ignored call on or before the fine (else the fine's date); the number
of ignored calls is counted the same way. No letter existed for these fines, so the steps have
none. The intake row is then deleted. The reverse is not possible (nothing to undo to).
"""

from django.db import migrations

OMSCHRIJVING = (
    "Overgenomen uit de brede intake: deze boete was daar vastgelegd als stap op {datum}. "
    "Er is geen brief bij bewaard."
)


def boetes_naar_handhaving(apps, schema_editor):
    from openinburgering.regels.termijnen import bezwaartermijn

    Stap = apps.get_model("intake", "Handhavingsstap")
    Zaak = apps.get_model("handhaving", "Handhavingszaak")
    Besluit = apps.get_model("handhaving", "Handhavingsstap")
    for boete in (
        Stap.objects.filter(soort="boete").select_related("intake").order_by("intake_id", "datum")
    ):
        genegeerd = list(
            Stap.objects.filter(intake_id=boete.intake_id, genegeerd=True, datum__lte=boete.datum)
            .exclude(soort="boete")
            .order_by("datum", "id")
            .values_list("datum", flat=True)
        )
        toelichting = OMSCHRIJVING.format(datum=boete.datum.strftime("%d-%m-%Y"))
        if boete.toelichting.strip():
            toelichting += " " + boete.toelichting.strip()
        zaak = Zaak.objects.create(
            gemeente_id=boete.intake.gemeente_id,
            dossier_id=boete.intake.dossier_id,
            verplichting="brede_intake",
            artikel="Wi2021 art. 22",
            overtredingsdatum=genegeerd[-1] if genegeerd else boete.datum,
            omschrijving=toelichting,
            genegeerde_oproepen=len(genegeerd),
            status="besloten",
            aangemaakt_door_id=boete.vastgelegd_door_id,
        )
        bezwaar = bezwaartermijn(boete.datum)
        Besluit.objects.create(
            zaak=zaak,
            soort="besluit",
            datum=boete.datum,
            bedrag=boete.bedrag,
            matigingsreden=boete.matigingsreden,
            bezwaar_uiterlijk=bezwaar.laatste_dag,
            regel=bezwaar.regel.id,
            uitleg=bezwaar.uitleg,
            aangemaakt_door_id=boete.vastgelegd_door_id,
        )
        boete.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("intake", "0003_niet_meewerken_brieven_en_lbt"),
        ("handhaving", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(boetes_naar_handhaving, migrations.RunPython.noop, elidable=False),
    ]
