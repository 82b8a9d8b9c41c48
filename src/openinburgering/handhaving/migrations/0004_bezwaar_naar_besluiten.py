"""A fine's bezwaar term now lives with its beschikking (besluiten 0002 moved it)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("handhaving", "0003_handhavingsstap_beschikking"),
        ("besluiten", "0002_bestaande_besluiten"),
    ]

    operations = [
        migrations.RemoveField(model_name="handhavingsstap", name="bezwaar_uiterlijk"),
    ]
