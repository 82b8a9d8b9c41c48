from django.db import migrations, models


def teksten_herkennen(apps, schema_editor):
    # Existing titles the catalogue knows are kept as msgids, so they show in the reader's
    # language; the rest keep showing as they were written.
    from openinburgering.core.teksten import velden_herkennen

    velden_herkennen(apps.get_model("taalaanbieders", "Aandachtspunt"), ("titel", "toelichting"))


class Migration(migrations.Migration):

    dependencies = [
        ('taalaanbieders', '0001_initial'),
    ]

    operations = [
        migrations.AddField(
            model_name='aandachtspunt',
            name='teksten',
            field=models.JSONField(blank=True, default=dict),
        ),
        migrations.RunPython(teksten_herkennen, migrations.RunPython.noop, elidable=True),
    ]
