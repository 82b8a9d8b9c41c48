"""Deliberately broken cases for the CBS check report (``make demo``; ADR 0070).

The services never let a caseworker save a PIP without a learning route or date a PIP before
its intake; such records do arrive, though, from a conversion of an older system. This command
plays that conversion for a handful of demo dossiers: it writes the wrong values directly (the
one place the demo does) and notes each on the dossier's timeline, so a demo user sees why the
check report on the CBS page names that dossier.
"""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from openinburgering.gemeenten.models import Gemeente
from openinburgering.inburgeraars.models import Bron, Dossier
from openinburgering.inburgeraars.services import gebeurtenis_toevoegen
from openinburgering.inburgeraars.workflow import Status
from openinburgering.intake.models import BredeIntake
from openinburgering.pip.models import PipStatus, PipVersie
from openinburgering.regels.codes import Leerroute, Regime
from openinburgering.regels.statistiek import kwartaal_periode, vorig_kwartaal

#: The timeline entry that marks a deliberately broken demo case; ``gegevens["code"]`` is the
#: check report's code for it (``cbs.controle.BEVINDINGEN``).
SOORT = "demo_cbs_fout"
OMSCHRIJVING = "Demo: bij de conversie uit het oude systeem ging een gegeven mis ({wat})."


def _geldende_pips(gemeente, tot):
    return (
        PipVersie.objects.filter(
            gemeente=gemeente,
            status=PipStatus.VASTGESTELD,
            dagtekening__lte=tot,
            dossier__inburgeraar__regime=Regime.WI2021.value,
            dossier__brede_intake__isnull=False,
        )
        .select_related("dossier", "dossier__brede_intake")
        .order_by("id")
    )


class Command(BaseCommand):
    help = "Zet bij een paar demodossiers bewust een fout gegeven voor het CBS-controleverslag."

    def add_arguments(self, parser):
        parser.add_argument("--gemeente", default="9001")

    @transaction.atomic
    def handle(self, *args, gemeente, **options):
        gemeente = Gemeente.objects.get(code=gemeente)
        # Dates before the end of the last finished quarter: the case is in that quarter's file
        # as well as in the current one's.
        _eerste, tot = kwartaal_periode(*vorig_kwartaal(timezone.localdate()))
        gebruikt: set[int] = set()
        gevallen = []

        def volgende(qs):
            for kandidaat in qs:
                if kandidaat.dossier_id not in gebruikt:
                    gebruikt.add(kandidaat.dossier_id)
                    return kandidaat
            return None

        pip = volgende(_geldende_pips(gemeente, tot))
        if pip is not None:
            PipVersie.objects.filter(pk=pip.pk).update(leerroute="")
            gevallen.append((pip.dossier, "pip_zonder_leerroute", "leerroute ontbreekt in het PIP"))
        pip = volgende(_geldende_pips(gemeente, tot).filter(leerroute=Leerroute.B1_ROUTE.value))
        if pip is not None:
            PipVersie.objects.filter(pk=pip.pk).update(niveau="")
            gevallen.append((pip.dossier, "b1_zonder_niveau", "taalniveau ontbreekt in het PIP"))
        pip = volgende(_geldende_pips(gemeente, tot))
        if pip is not None:
            eerste = pip.dossier.pip_versies.exclude(status=PipStatus.CONCEPT).order_by(
                "volgnummer"
            )[0]
            assert eerste.dagtekening is not None
            BredeIntake.objects.filter(dossier=pip.dossier).update(
                gestart_op=eerste.dagtekening + timedelta(days=7)
            )
            gevallen.append((pip.dossier, "pip_voor_intake", "PIP gedateerd vóór de intake"))
        intake = volgende(
            BredeIntake.objects.filter(
                gemeente=gemeente,
                gestart_op__lte=tot,
                dossier__inburgeraar__regime=Regime.WI2021.value,
                dossier__aangemeld_op__lte=tot,
            )
            .select_related("dossier")
            .order_by("id")
        )
        if intake is not None:
            BredeIntake.objects.filter(pk=intake.pk).update(
                gestart_op=intake.dossier.aangemeld_op - timedelta(days=10)
            )
            gevallen.append((intake.dossier, "intake_voor_aanmelding", "intake vóór de aanmelding"))
        afgerond = next(
            (
                d
                for d in Dossier.objects.filter(
                    gemeente=gemeente,
                    status=Status.AFGEROND,
                    aangemeld_op__lte=tot,
                    inburgeraar__regime=Regime.WI2021.value,
                ).order_by("id")
                if d.pk not in gebruikt
            ),
            None,
        )
        if afgerond is not None:
            Dossier.objects.filter(pk=afgerond.pk).update(afgerond_op=None)
            gevallen.append((afgerond, "einde_zonder_datum", "datum van afronding ontbreekt"))
        for dossier, code, wat in gevallen:
            gebeurtenis_toevoegen(
                dossier=dossier,
                soort=SOORT,
                omschrijving=OMSCHRIJVING.format(wat=wat),
                bron=Bron.SYSTEEM,
                gegevens={"code": code},
            )
        self.stdout.write(f"CBS-demo: {len(gevallen)} dossiers met een bewust fout gegeven.")
