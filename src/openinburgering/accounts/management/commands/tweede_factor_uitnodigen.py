"""Issue an invitation to set up the second factor, from the server (the installation's beheerder).

For the first functioneel beheerder of a gemeente, for taalaanbieder staff and superusers, and
for anyone whose factor must be reset when no beheerder of their gemeente can (ADR 0054).
"""

from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse

from openinburgering.accounts import selectors, services
from openinburgering.accounts.models import User


class Command(BaseCommand):
    help = "Maak een uitnodiging (link die één keer werkt) om de tweede factor in te stellen."

    def add_arguments(self, parser):
        parser.add_argument("--gebruiker", required=True, help="Gebruikersnaam.")
        parser.add_argument(
            "--resetten",
            action="store_true",
            help="Verwijder eerst de ingestelde authenticator-app en herstelcodes.",
        )
        parser.add_argument(
            "--basis-url",
            default="",
            help="Adres van de installatie, bijvoorbeeld https://inburgering.gemeente.nl.",
        )

    def handle(self, *args, gebruiker, resetten, basis_url, **options):
        user = User.objects.filter(username=gebruiker).first()
        if user is None:
            raise CommandError(f"Geen gebruiker met gebruikersnaam {gebruiker!r}.")
        if selectors.heeft_tweede_factor(user=user) and not resetten:
            raise CommandError(
                "Deze gebruiker heeft al een tweede factor. Gebruik --resetten om die te vervangen."
            )
        if resetten:
            token = services.tweede_factor_resetten(user=user, door=None)
        else:
            token = services.uitnodiging_uitgeven(user=user, door=None)
        pad = reverse("accounts:uitnodiging", kwargs={"token": token})
        self.stdout.write(f"{basis_url.rstrip('/')}{pad}")
