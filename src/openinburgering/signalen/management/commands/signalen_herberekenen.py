from django.core.management.base import BaseCommand

from openinburgering.signalen.services import signalen_herberekenen


class Command(BaseCommand):
    help = "Herbereken alle werkitems uit de feiten van de dossiers (dagelijks draaien)."

    def handle(self, *args, **options):
        self.stdout.write(str(signalen_herberekenen()))
