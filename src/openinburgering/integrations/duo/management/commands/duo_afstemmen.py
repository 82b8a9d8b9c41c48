"""Compare every active dossier with DUO's data; differences become work items."""

from django.core.management.base import BaseCommand, CommandError

from openinburgering.gemeenten.models import Gemeente
from openinburgering.integrations.duo.afstemming import afstemmen


class Command(BaseCommand):
    help = (
        "Stem de lopende dossiers af met DUO (plicht, doelgroep, PIP, termijn, uren, MAP, PVT). "
        "Zonder --gemeente: alle gemeenten met een M2M-koppeling."
    )

    def add_arguments(self, parser):
        parser.add_argument("--gemeente", help="Gemeentecode (4 cijfers).")

    def handle(self, *args, gemeente=None, **options):
        if gemeente:
            gemeenten = list(Gemeente.objects.filter(code=gemeente))
            if not gemeenten:
                raise CommandError(f"Onbekende gemeente: {gemeente}")
        else:
            gemeenten = list(Gemeente.objects.filter(koppeling="m2m"))
        for g in gemeenten:
            run = afstemmen(gemeente=g, gestart_door="duo_afstemmen")
            self.stdout.write(
                f"{g.code}: dossiers={run.aantal_dossiers} verschillen={run.aantal_verschillen} "
                f"opgelost={run.aantal_opgelost} onbekend={run.aantal_onbekende_personen} "
                f"fouten={run.aantal_fouten}"
            )
