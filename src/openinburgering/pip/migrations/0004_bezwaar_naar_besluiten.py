"""The bezwaren and the bezwaar term now live with the beschikking (besluiten 0002 moved them)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("pip", "0003_pipversie_beschikking"),
        ("besluiten", "0002_bestaande_besluiten"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="bezwaar", name="bezwaar_beslist_heeft_datum"),
        migrations.RemoveField(model_name="pipversie", name="bezwaar_uiterlijk"),
        migrations.DeleteModel(name="Bezwaar"),
    ]
