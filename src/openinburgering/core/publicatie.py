"""Events out: a domain app says "this happened"; whoever tells other systems listens (ADR 0072).

The domain apps (inburgeraars, pip, intake, taalaanbieders, handhaving) and the DUO integration
must not import the app that delivers events to subscribers (``abonnementen``): it sits at the
edge, beside the DUO integration. So the hook lives here, in the foundation, as ``dossierfeiten``
and ``keten`` do: the service that made the change calls :func:`publiceren` inside its own
transaction, and ``abonnementen`` registers, from its ``AppConfig.ready``, what to do about it
(write the event to its outbox in that same transaction). Without a listener nothing happens.

What a domain app hands over is deliberately poor: the kind of event and the UUIDs of the objects
(never a BSN, a name or other content). The subscriber reads the rest through the API, with a
token whose scopes decide what it may see.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from uuid import UUID

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Soort(models.TextChoices):
    """The kinds of event a subscriber can choose; the value is the end of the CloudEvents
    ``type`` (``nl.openinburgering.`` + value). Values are part of the product: never rename."""

    DOSSIER_GEOPEND = "dossier.geopend", _("Dossier geopend")
    DOSSIER_GESLOTEN = "dossier.gesloten", _("Dossier gesloten")
    PIP_VASTGESTELD = "pip.vastgesteld", _("PIP vastgesteld")
    INTAKE_AFGESLOTEN = "intake.afgesloten", _("Brede intake afgesloten")
    UREN_GEMELD = "uren.gemeld", _("Uren gemeld")
    BOETE_OPGELEGD = "boete.opgelegd", _("Boete opgelegd")
    DUO_AFWIJZING = "duo.melding-afgewezen", _("Melding afgewezen door DUO")


@dataclass(frozen=True)
class Feit:
    """One thing that happened, as far as a subscriber may learn it from the event itself.

    ``onderwerp`` is the UUID of the object the event is about (the CloudEvents ``subject``);
    ``dossier`` keys the order of delivery (events of one dossier arrive in the order they were
    written); ``objecten`` names further objects by UUID (``{"pip": ...}``), never their content.
    """

    #: The gemeente's id (not the object: publishing must cost no query when nobody listens).
    gemeente_id: int
    soort: Soort
    onderwerp: UUID
    dossier: UUID | None
    inburgeraar: UUID | None = None
    objecten: Mapping[str, UUID] = field(default_factory=dict)
    tijdstip: datetime = field(default_factory=timezone.now)


_luisteraars: dict[str, Callable[[list[Feit]], None]] = {}


def luisteraar_registreren(naam: str, luisteraar: Callable[[list[Feit]], None]) -> None:
    """Register (or replace, by name) what happens with published facts. The luisteraar gets
    every fact of one call at once and runs inside the caller's transaction."""
    _luisteraars[naam] = luisteraar


def publiceren(*feiten: Feit) -> None:
    """Call from a service, inside its transaction, after the change is written. A batch
    (several facts in one call) costs the listener the same few queries as one fact."""
    if not feiten:
        return
    for luisteraar in _luisteraars.values():
        luisteraar(list(feiten))
