from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from openinburgering.accounts.bereiken import STANDAARD, alle
from openinburgering.gemeenten.models import Gemeente
from openinburgering.gemeenten.services import apitoken_aanmaken


class Command(BaseCommand):
    help = "Maak een API-token voor een gemeente aan en toon het eenmalig."

    def add_arguments(self, parser):
        parser.add_argument("--gemeente", required=True, help="gemeentecode, 4 cijfers")
        parser.add_argument(
            "--naam", required=True, help="naam van het systeem dat het token gebruikt"
        )
        parser.add_argument(
            "--bereik",
            action="append",
            dest="bereiken",
            metavar="GEBIED:lezen|schrijven",
            help=(
                "een bereik, bijvoorbeeld pip:lezen; herhaal voor meer. Zonder: "
                + ", ".join(STANDAARD)
                + ". Mogelijk: "
                + ", ".join(alle())
            ),
        )

    def handle(self, *args, gemeente, naam, bereiken=None, **options):
        try:
            gemeente_obj = Gemeente.objects.get(code=gemeente)
        except Gemeente.DoesNotExist:
            raise CommandError(f"Onbekende gemeente: {gemeente}") from None
        try:
            _, sleutel = apitoken_aanmaken(gemeente=gemeente_obj, naam=naam, bereiken=bereiken)
        except ValidationError as exc:
            raise CommandError(f"Token niet aangemaakt: {exc.messages}") from None
        self.stdout.write(sleutel)
