"""The kennisbank's first entries (``startinhoud``), in every install: a fresh one and the demo.

Only entries whose slug is not there yet are added, so a beheerder's later edits survive a
re-run; going back removes nothing a beheerder may have changed.
"""

from django.db import migrations


def laden(apps, schema_editor):
    from openinburgering.kennisbank.startinhoud import ARTIKELEN

    Artikel = apps.get_model("kennisbank", "Artikel")
    bestaand = set(Artikel.objects.values_list("slug", flat=True))
    Artikel.objects.bulk_create(
        [Artikel(**velden) for velden in ARTIKELEN if velden["slug"] not in bestaand]
    )


class Migration(migrations.Migration):
    dependencies = [("kennisbank", "0001_initial")]

    operations = [migrations.RunPython(laden, migrations.RunPython.noop)]
