from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_tweede_factor_uitnodiging_en_afremming"),
    ]

    operations = [
        migrations.AddField(
            model_name="user",
            name="toegang_versie",
            field=models.PositiveIntegerField(default=0, editable=False),
        ),
    ]
