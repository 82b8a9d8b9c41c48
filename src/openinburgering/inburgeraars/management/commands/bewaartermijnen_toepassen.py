import json
from datetime import date

from django.core.management.base import BaseCommand, CommandError

from openinburgering.inburgeraars.bewaren import bewaartermijnen_toepassen


class Command(BaseCommand):
    help = (
        "Vernietig afgeronde dossiers na hun bewaartermijn (R69) en logboekregels na de hunne "
        "(R70), met een verklaring van vernietiging (dagelijks draaien). --dry-run telt alleen."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Niets wijzigen: tel wat er vernietigd en geanonimiseerd zou worden.",
        )
        parser.add_argument(
            "--peildatum",
            help="Rekenen alsof het deze dag is (JJJJ-MM-DD); standaard vandaag.",
        )

    def handle(self, *args, **options):
        peildatum = None
        if options["peildatum"]:
            try:
                peildatum = date.fromisoformat(options["peildatum"])
            except ValueError as fout:
                raise CommandError("--peildatum: verwacht JJJJ-MM-DD") from fout
        verslag = bewaartermijnen_toepassen(
            peildatum=peildatum, proefdraai=options["dry_run"], door="beheercommando"
        )
        self.stdout.write(json.dumps(verslag.als_dict(), indent=2, ensure_ascii=False))
