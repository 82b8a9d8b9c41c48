"""The kennisbank's first entries (``startinhoud``), in every install: a fresh one and the demo.

Only entries whose slug is not there yet are added, so a beheerder's later edits survive a
re-run; going back removes nothing a beheerder may have changed.
"""

from django.db import migrations


def laden(apps, schema_editor):
    from openinburgering.kennisbank.startinhoud import laden as startinhoud_laden

    startinhoud_laden(apps.get_model("kennisbank", "Artikel"))


class Migration(migrations.Migration):
    dependencies = [("kennisbank", "0001_initial")]

    operations = [migrations.RunPython(laden, migrations.RunPython.noop)]
