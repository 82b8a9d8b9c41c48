"""Writes of the portal language: the newcomer's choice, kept on their dossier."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

import structlog

from openinburgering.core.talen import is_portaaltaal
from openinburgering.inburgeraars.models import Inburgeraar

from .models import Taalvoorkeur

logger = structlog.get_logger(__name__)


@transaction.atomic
def taal_bewaren(*, inburgeraar: Inburgeraar, taal: str) -> Taalvoorkeur:
    """Remember ``taal`` as the newcomer's portal language (one row per person)."""
    if not is_portaaltaal(taal):
        raise ValidationError({"taal": _("Deze taal biedt het portaal niet aan.")})
    voorkeur, _nieuw = Taalvoorkeur.objects.update_or_create(
        inburgeraar=inburgeraar,
        defaults={"taal": taal, "gemeente_id": inburgeraar.gemeente_id},
    )
    logger.info("portaaltaal_bewaard", taal=taal)
    return voorkeur
