# Scopes per API token (ADR 0074). Existing tokens keep exactly what they could do: the two
# resources of API v1, read and write.

import openinburgering.gemeenten.models
from django.db import migrations, models

#: A copy (migrations do not import the catalogue that may change): accounts.bereiken.STANDAARD.
STANDAARD = ["inburgeraars:lezen", "inburgeraars:schrijven", "pip:lezen", "pip:schrijven"]


def bestaande_tokens_bereik_geven(apps, schema_editor):
    ApiToken = apps.get_model("gemeenten", "ApiToken")
    ApiToken.objects.filter(bereiken=[]).update(bereiken=STANDAARD)


class Migration(migrations.Migration):
    dependencies = [
        ("gemeenten", "0006_gemeente_bezwaar_adres"),
    ]

    operations = [
        migrations.AddField(
            model_name="apitoken",
            name="bereiken",
            field=models.JSONField(
                blank=True,
                default=list,
                validators=[openinburgering.gemeenten.models.valideer_bereiken],
                verbose_name="bereik",
            ),
        ),
        migrations.AddField(
            model_name="apitoken",
            name="versie",
            field=models.PositiveIntegerField(default=1),
        ),
        migrations.RunPython(bestaande_tokens_bereik_geven, migrations.RunPython.noop),
    ]
