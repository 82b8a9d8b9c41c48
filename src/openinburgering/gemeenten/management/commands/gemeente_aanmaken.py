from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from openinburgering.gemeenten.services import gemeente_aanmaken


class Command(BaseCommand):
    help = "Maak een gemeente (tenant) aan."

    def add_arguments(self, parser):
        parser.add_argument("--code", required=True, help="gemeentecode, 4 cijfers")
        parser.add_argument("--naam", required=True)
        parser.add_argument("--oin", required=True, help="OIN, 20 cijfers")
        parser.add_argument("--koppeling", default="m2m", choices=["m2m", "portal"])
        parser.add_argument("--adres", default="", help="bezoekadres, voor brieven")
        parser.add_argument("--telefoon", default="", help="telefoonnummer, voor brieven")
        parser.add_argument("--email", default="", help="e-mailadres, voor brieven")

    def handle(self, *args, code, naam, oin, koppeling, adres, telefoon, email, **options):
        try:
            gemeente = gemeente_aanmaken(
                code=code, naam=naam, oin=oin, koppeling=koppeling, adres=adres,
                telefoonnummer=telefoon, email=email,
            )  # fmt: skip
        except ValidationError as exc:
            fouten = "; ".join(
                f"{veld}: {' '.join(msgs)}" for veld, msgs in exc.message_dict.items()
            )
            raise CommandError(f"Gemeente niet aangemaakt. {fouten}") from None
        self.stdout.write(f"Gemeente {gemeente.naam} ({gemeente.code}) aangemaakt.")
