from django.core.management.base import BaseCommand

from openinburgering.accounts.rollen import matrix_als_markdown


class Command(BaseCommand):
    help = "Schrijf de rollen- en rechtenmatrix (docs/rollen.md) naar stdout."

    def handle(self, *args, **options):
        self.stdout.write(matrix_als_markdown(), ending="")
