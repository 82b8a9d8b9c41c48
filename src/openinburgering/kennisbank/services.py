"""Writes of the kennisbank: a beheerder saves an entry (new or changed), optimistically locked."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

import structlog

from openinburgering.accounts.context import Actor
from openinburgering.accounts.rollen import Recht
from openinburgering.regels.catalogus import regel as regel_uit_catalogus

from .models import Artikel
from .plaatsen import Plaats

logger = structlog.get_logger(__name__)


def _vrije_slug(titel: str) -> str:
    """A stable key from the title (the start content is matched on it), unique."""
    basis = slugify(titel)[:70] or "artikel"
    slug, n = basis, 1
    while Artikel.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{basis}-{n}"
    return slug


def _controleren(velden: dict[str, Any]) -> None:
    fouten: dict[str, str] = {}
    onbekend = [p for p in velden.get("plaatsen", []) if p not in Plaats.values]
    if onbekend:
        fouten["plaatsen"] = _("Onbekende plaats: %(p)s.") % {"p": ", ".join(onbekend)}
    regels = []
    for regel_id in velden.get("regels", []):
        try:
            regels.append(regel_uit_catalogus(regel_id).id)
        except KeyError:
            fouten["regels"] = _("Regel %(id)s staat niet in de regelcatalogus.") % {"id": regel_id}
    velden["regels"] = regels
    url = velden.get("bron_url", "")
    if url and not url.startswith("https://") and not url.startswith("http://"):
        fouten["bron_url"] = _("Een link begint met https:// of http://.")
    if fouten:
        raise ValidationError(fouten)


@transaction.atomic
def artikel_opslaan(
    *, actor: Actor, artikel: Artikel | None = None, versie: int | None = None, **velden: Any
) -> Artikel:
    """Create an entry, or change one that nobody changed since ``versie`` was read."""
    if not actor.mag(Recht.KENNISBANK_BEHEREN):
        raise ValidationError(_("U mag de kennisbank niet bijwerken."))
    _controleren(velden)
    if artikel is None:
        slug = _vrije_slug(velden.get("titel", ""))
        artikel = Artikel(**velden, slug=slug, bijgewerkt_door=actor.user)
        artikel.full_clean()
        artikel.save()
        logger.info("kennisbank_artikel_aangemaakt", artikel=str(artikel.uuid))
        return artikel
    artikel = Artikel.objects.select_for_update().get(pk=artikel.pk)
    if versie is not None and versie != artikel.versie:
        raise ValidationError(
            _("Iemand anders heeft dit artikel intussen gewijzigd. Open het opnieuw.")
        )
    for naam, waarde in velden.items():
        setattr(artikel, naam, waarde)
    artikel.bijgewerkt_door = actor.user
    artikel.versie += 1
    artikel.full_clean()
    artikel.save()
    logger.info("kennisbank_artikel_gewijzigd", artikel=str(artikel.uuid))
    return artikel
