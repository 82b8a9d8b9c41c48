"""DUO's decisions in the demo (ADR 0064): one person whose extension DUO granted (the term runs
six months longer, and the deadline engine follows), and one person DUO fined. Stored as if
fetched with "Ophalen bij DUO", and handed to the DUO simulator (``demo.simulator``) so that
fetching again gives the same answer."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from openinburgering.accounts.context import Actor
from openinburgering.inburgeraars.models import Inburgeraar
from openinburgering.inburgeraars.workflow import Status
from openinburgering.integrations.duo import besluiten, data
from openinburgering.integrations.duo.verwerking import Opgehaald
from openinburgering.pip.models import PipStatus
from openinburgering.regels import termijnen
from openinburgering.regels.codes import Regime
from openinburgering.regels.kalender import plus_jaren, plus_maanden

#: DUO's verlengingsgrond for illness (the simulator's ``getVerlengingsgronden``).
GROND_ZIEKTE = ("1", "Ziekte of gebrek van de inburgeraar")


def _verlengd(gemeente) -> Inburgeraar | None:
    """A Wi2021 person on the route, with a PIP: DUO granted the extension."""
    return (
        Inburgeraar.objects.filter(
            gemeente=gemeente,
            regime=Regime.WI2021,
            dossier__status=Status.IN_UITVOERING,
            dossier__pip_versies__status=PipStatus.VASTGESTELD,
        )
        .select_related("dossier")
        .order_by("id")
        .first()
    )


def _beboet(gemeente, *, niet: Inburgeraar | None) -> Inburgeraar | None:
    """A Wi2013 person whose duty is still open (DUO fined them after the term, R73); in a small
    demo without one, another running dossier."""
    open_ = (
        Inburgeraar.objects.filter(gemeente=gemeente, datum_bekendmaking_ind__isnull=False)
        .exclude(dossier__status=Status.AFGEROND)
        .exclude(pk=niet.pk if niet is not None else None)
        .select_related("dossier")
        .order_by("id")
    )
    return open_.filter(regime=Regime.WI2013).first() or open_.first()


def laden(*, gemeente, actor: Actor) -> list[str]:
    """Give two dossiers of ``gemeente`` DUO's decisions; returns what was done, for the output."""
    gedaan = []
    verlengd = _verlengd(gemeente)
    if verlengd is not None:
        eerste_pip = (
            verlengd.dossier.pip_versies.filter(status=PipStatus.VASTGESTELD)
            .order_by("dagtekening")
            .values_list("dagtekening", flat=True)
            .first()
        )
        termijn = termijnen.inburgeringstermijn([eerste_pip])
        assert termijn is not None, "the dossier has a vastgesteld PIP"
        ontvangen = max(termijn.start, timezone.localdate() - timedelta(days=60))
        besluiten.opslaan(
            actor=actor,
            inburgeraar=verlengd,
            opgehaald=Opgehaald(
                termijn=data.Inburgeringstermijn(
                    startdatum=termijn.start,
                    einddatum=plus_maanden(termijn.einde, 6),
                    verlengingsgrondcode=GROND_ZIEKTE[0],
                    verlengingsgrondomschrijving=GROND_ZIEKTE[1],
                ),
                verlengingen=[
                    data.Verlengingsaanvraag(
                        ontvangstdatum=ontvangen,
                        beoordeling_aanvraag="Toegekend",
                        datum_beoordeling=ontvangen + timedelta(days=28),
                    )
                ],
                boetes=[],
                gevraagd=besluiten.VRAGEN,
            ),
        )
        gedaan.append(f"{verlengd.volledige_naam}: verlenging toegekend door DUO")
    beboet = _beboet(gemeente, niet=verlengd)
    if beboet is not None:
        # Wi2013: the term ran 3 years from the duty; DUO fined some weeks after it ended.
        boetedatum = min(
            plus_jaren(beboet.datum_bekendmaking_ind, 3) + timedelta(days=60),
            timezone.localdate() - timedelta(days=30),
        )
        besluiten.opslaan(
            actor=actor,
            inburgeraar=beboet,
            opgehaald=Opgehaald(
                verlengingen=[],
                boetes=[data.BoeteBijDuo(bedrag=500, datum=boetedatum)],
                gevraagd=besluiten.VRAGEN,
            ),
        )
        gedaan.append(f"{beboet.volledige_naam}: boete van DUO (€ 500, {beboet.regime})")
    return gedaan
