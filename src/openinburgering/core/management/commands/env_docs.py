from django.core.management.base import BaseCommand

from openinburgering.conf.env import as_markdown


class Command(BaseCommand):
    help = "Schrijf de documentatie van alle omgevingsvariabelen (docs/env.md) naar stdout."

    def handle(self, *args, **options):
        self.stdout.write(as_markdown(), ending="")
