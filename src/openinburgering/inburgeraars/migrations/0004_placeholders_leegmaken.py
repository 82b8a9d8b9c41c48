"""Persons DUO announced used to get invented values; a legal record holds none (ADR 0041).

The placeholders were "Onbekend" / "(aangemeld door DUO)" / 01-01-1900. The work item asking the
caseworker to fill them in from the BRP stays as it was.
"""

import datetime

from django.db import migrations

VOORNAMEN = "Onbekend"
ACHTERNAAM = "(aangemeld door DUO)"
GEBOORTEDATUM = datetime.date(1900, 1, 1)


def leegmaken(apps, schema_editor):
    Inburgeraar = apps.get_model("inburgeraars", "Inburgeraar")
    aangemeld = Inburgeraar.objects.filter(voornamen=VOORNAMEN, achternaam=ACHTERNAAM)
    aangemeld.filter(geboortedatum=GEBOORTEDATUM).update(geboortedatum=None)
    aangemeld.update(voornamen="", achternaam="")
    # A date of birth of 01-01-1900 is the placeholder (the form refuses anything before it).
    Inburgeraar.objects.filter(geboortedatum=GEBOORTEDATUM).update(geboortedatum=None)


class Migration(migrations.Migration):
    dependencies = [
        ("inburgeraars", "0003_persoonsgegevens_optioneel"),
    ]

    operations = [migrations.RunPython(leegmaken, migrations.RunPython.noop)]
