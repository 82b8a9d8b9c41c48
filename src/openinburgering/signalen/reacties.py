"""The deadline engine's reactions to DUO's events (registered in ``SignalenConfig.ready()``).

The events that start the 10-week term for the PIP are those ``regels.duo`` gives that meaning
(``PIP_TERMIJN_GEBEURTENISSEN``: SS139, SS129). The engine reads them from the timeline, so the
reaction writes the entry with the term it starts; the engine derives the worklist item from it.
It also bundles a batch's recomputation; changes reach it through ``core.dossierfeiten``.
"""

from __future__ import annotations

from datetime import date

from django.utils import timezone
from django.utils.formats import date_format

from openinburgering.core.keten import reacties
from openinburgering.core.teksten import vertaal as _  # gettext that keeps the msgid
from openinburgering.inburgeraars.models import Gebeurtenis
from openinburgering.regels import termijnen
from openinburgering.regels.duo import PIP_TERMIJN_GEBEURTENISSEN, Domeingevolg

from .services import signalen_gebundeld

_PIP_TERMIJN_SOORTEN = sorted(g.value for g in PIP_TERMIJN_GEBEURTENISSEN)


def _datum(waarde: date) -> str:
    return date_format(waarde, "d-m-Y")


def pip_termijn_starten(gebeurtenis: reacties.DuoGebeurtenis) -> None:
    """R9/R10/R46: the event starts the 10-week term for the PIP; a later one restarts it."""
    # A person created by this event has no earlier term on the timeline: no query.
    eerdere = (
        []
        if gebeurtenis.nieuw
        else [
            timezone.localdate(t)
            for t in Gebeurtenis.objects.filter(
                dossier=gebeurtenis.dossier, soort__in=_PIP_TERMIJN_SOORTEN
            ).values_list("tijdstip", flat=True)
        ]
    )
    termijn = termijnen.pip_termijn([*eerdere, gebeurtenis.meldingsdatum])
    tekst = (
        _(
            "DUO meldt dat de termijn van 10 weken om het PIP vast te stellen opnieuw is begonnen. "
            "Het PIP moet uiterlijk %(datum)s zijn vastgesteld."
        )
        if eerdere
        else _(
            "DUO meldt dat de termijn van 10 weken om het PIP vast te stellen is begonnen. "
            "Het PIP moet uiterlijk %(datum)s zijn vastgesteld."
        )
    ) % {"datum": _datum(termijn.laatste_dag)}
    gebeurtenis.tijdlijn(
        tekst,
        pip_termijn_laatste_dag=termijn.laatste_dag.isoformat(),
        regel=termijn.regel.id,
        uitleg=termijn.uitleg,
    )
    # No recomputation asked here: the chain reports every dossier it changed once, after all
    # reactions (``dossier_gewijzigd``), and a second request would recompute twice.


def registreren() -> None:
    reacties.registreren(
        gebeurtenissen=PIP_TERMIJN_GEBEURTENISSEN,
        domeingevolg=Domeingevolg.PIP_TERMIJN_STARTEN,
        reactie=pip_termijn_starten,
        app="signalen",
    )
    reacties.bundeling_registreren(signalen_gebundeld)
