"""Intake steps get a letter and the meeting they invite to; the LBT release and result fields.

The removal of the fine ("boete") as an intake step happens in 0004 (data) and 0005 (schema),
split so that no table is altered in the same transaction as its rows change (PostgreSQL).
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("intake", "0002_lbt_examennummer"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="handhavingsstap", name="bedrag_alleen_bij_boete"),
        migrations.AddField(
            model_name="bredeintake",
            name="lbt_uitslag_van_duo_op",
            field=models.DateTimeField(
                blank=True, editable=False, null=True, verbose_name="Uitslag ontvangen van DUO op"
            ),
        ),
        migrations.AddField(
            model_name="bredeintake",
            name="lbt_vrijstelling_bericht",
            field=models.UUIDField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name="handhavingsstap",
            name="afspraak_op",
            field=models.DateTimeField(
                blank=True, null=True, verbose_name="datum en tijd van het gesprek"
            ),
        ),
        migrations.AddField(
            model_name="handhavingsstap",
            name="afspraak_plaats",
            field=models.CharField(
                blank=True, max_length=200, verbose_name="plaats van het gesprek"
            ),
        ),
        migrations.AddField(
            model_name="handhavingsstap",
            name="brief_pad",
            field=models.CharField(blank=True, editable=False, max_length=300),
        ),
        migrations.AddField(
            model_name="handhavingsstap",
            name="brief_sha256",
            field=models.CharField(blank=True, editable=False, max_length=64),
        ),
    ]
