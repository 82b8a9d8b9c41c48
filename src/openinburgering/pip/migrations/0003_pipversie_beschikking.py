import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("besluiten", "0001_initial"),
        ("pip", "0002_samenvattingstalen"),
    ]

    operations = [
        migrations.AddField(
            model_name="pipversie",
            name="beschikking",
            field=models.OneToOneField(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.RESTRICT,
                related_name="pip_versie",
                to="besluiten.beschikking",
            ),
        ),
    ]
