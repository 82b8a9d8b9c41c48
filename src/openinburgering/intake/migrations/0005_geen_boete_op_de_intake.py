"""A fine is no longer an intake step (ADR 0040): drop the fine fields and forbid the kind."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("intake", "0004_boetes_naar_handhaving"),
    ]

    operations = [
        migrations.RemoveField(model_name="handhavingsstap", name="bedrag"),
        migrations.RemoveField(model_name="handhavingsstap", name="matigingsreden"),
        migrations.RemoveField(model_name="handhavingsstap", name="regel"),
        migrations.AlterField(
            model_name="handhavingsstap",
            name="soort",
            field=models.CharField(
                choices=[
                    ("uitnodiging", "Uitnodiging"),
                    ("herinnering", "Herinnering"),
                    ("waarschuwing", "Schriftelijke waarschuwing"),
                ],
                max_length=20,
                verbose_name="soort",
            ),
        ),
        migrations.AddConstraint(
            model_name="handhavingsstap",
            constraint=models.CheckConstraint(
                condition=models.Q(soort__in=["uitnodiging", "herinnering", "waarschuwing"]),
                name="intake_stap_geen_boete",
            ),
        ),
    ]
