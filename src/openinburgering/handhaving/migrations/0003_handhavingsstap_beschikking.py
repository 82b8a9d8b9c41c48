import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("besluiten", "0001_initial"),
        ("handhaving", "0002_verplichting_labels"),
    ]

    operations = [
        migrations.AddField(
            model_name="handhavingsstap",
            name="beschikking",
            field=models.OneToOneField(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.RESTRICT,
                related_name="handhavingsstap",
                to="besluiten.beschikking",
            ),
        ),
    ]
