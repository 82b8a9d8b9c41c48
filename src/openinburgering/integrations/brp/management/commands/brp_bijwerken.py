from django.core.management.base import BaseCommand

from openinburgering.integrations.brp.poort import achterstand_bijwerken


class Command(BaseCommand):
    help = (
        "Haal opnieuw uit de BRP wat eerder mislukte door een storing (naam, geboortedatum en "
        "adres van personen die DUO meldde terwijl de BRP onbereikbaar was)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--limiet", type=int, default=500)

    def handle(self, *args, limiet, **options):
        aantal = achterstand_bijwerken(limiet=limiet)
        self.stdout.write(f"{aantal} personen bijgewerkt uit de BRP.")
