from django.db import migrations, models


def teksten_herkennen(apps, schema_editor):
    # Entries written before texts were stored as msgids: where the stored sentence is one the
    # catalogue knows, keep its msgid so it shows in the reader's language; the rest stay as
    # they were written.
    from openinburgering.core.teksten import Herkenner

    Gebeurtenis = apps.get_model("inburgeraars", "Gebeurtenis")
    herkenner = Herkenner()
    bijwerken = []
    for g in Gebeurtenis.objects.filter(tekst__isnull=True).only("id", "omschrijving").iterator(
        chunk_size=2000
    ):
        tekst = herkenner.herken(g.omschrijving)
        if tekst is not None:
            g.tekst = tekst
            bijwerken.append(g)
        if len(bijwerken) >= 2000:
            Gebeurtenis.objects.bulk_update(bijwerken, ["tekst"])
            bijwerken = []
    Gebeurtenis.objects.bulk_update(bijwerken, ["tekst"])


class Migration(migrations.Migration):
    dependencies = [("inburgeraars", "0004_placeholders_leegmaken")]

    operations = [
        migrations.AddField(
            model_name="gebeurtenis",
            name="tekst",
            field=models.JSONField(blank=True, null=True),
        ),
        migrations.RunPython(teksten_herkennen, migrations.RunPython.noop, elidable=True),
    ]
