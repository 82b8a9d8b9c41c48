"""A user's memberships, kept in the session at the user's ``toegang_versie`` (ADR 0061).

Without this every request of a caseworker read all their memberships with their gemeenten
before the view ran. A membership saved or deleted raises the user's version, and so does a
change of one of their gemeenten (its name, its settings); the next request reads them again.
See ``accounts.toegang``.
"""

from __future__ import annotations

import uuid

from django.db import DEFAULT_DB_ALIAS
from django.db.models.signals import post_delete, post_save

from openinburgering.accounts.models import User
from openinburgering.accounts.toegang import toegang_gewijzigd

from .models import Gemeente, Lidmaatschap
from .selectors import lidmaatschap_list

#: Session key: ``{"user": pk, "versie": n, "rijen": [[membership id, rol, [gemeente values]]]}``.
LIDMAATSCHAPPEN = "lidmaatschappen"

# The gemeente's fields a session keeps: all but the logo (binary, only letters and the settings
# page use it; there it is read when used, as a deferred field).
_VELDEN = [veld for veld in Gemeente._meta.concrete_fields if veld.name != "logo"]
_NAMEN = [veld.attname for veld in _VELDEN]


def _naar_json(waarde):
    return str(waarde) if isinstance(waarde, uuid.UUID) else waarde


def _rij(lidmaatschap: Lidmaatschap) -> list:
    gemeente = lidmaatschap.gemeente
    return [
        lidmaatschap.pk,
        lidmaatschap.rol,
        [_naar_json(veld.value_from_object(gemeente)) for veld in _VELDEN],
    ]


def _lidmaatschap(user: User, rij: list) -> Lidmaatschap:
    pk, rol, waarden = rij
    gemeente = Gemeente.from_db(
        DEFAULT_DB_ALIAS,
        _NAMEN,
        [
            None if w is None else veld.to_python(w)
            for veld, w in zip(_VELDEN, waarden, strict=True)
        ],
    )
    lidmaatschap = Lidmaatschap.from_db(
        DEFAULT_DB_ALIAS,
        ["id", "user_id", "gemeente_id", "rol"],
        [pk, user.pk, gemeente.pk, rol],
    )
    lidmaatschap.gemeente = gemeente
    return lidmaatschap


def lidmaatschappen_van(request) -> list[Lidmaatschap]:
    """The user's memberships with their gemeenten, ordered by the gemeente's name; from the
    session when it holds them at the user's current version, else from the database (and then
    kept in the session)."""
    user = request.user
    versie = user.toegang_versie
    bewaard = request.session.get(LIDMAATSCHAPPEN)
    if (
        isinstance(bewaard, dict)
        and bewaard.get("user") == user.pk
        and bewaard.get("versie") == versie
    ):
        try:
            return [_lidmaatschap(user, rij) for rij in bewaard["rijen"]]
        except (KeyError, TypeError, ValueError):
            pass  # a session from another version of the code: read again
    lidmaatschappen = list(lidmaatschap_list(user=user))
    request.session[LIDMAATSCHAPPEN] = {
        "user": user.pk,
        "versie": versie,
        "rijen": [_rij(lm) for lm in lidmaatschappen],
    }
    return lidmaatschappen


def _lidmaatschap_gewijzigd(sender, instance, **kwargs) -> None:
    toegang_gewijzigd(user_ids=[instance.user_id])


def gemeente_gewijzigd(*, gemeente: Gemeente) -> None:
    """Sessions of the gemeente's members read it again on their next request (its name in the
    header, its settings). Services that change a gemeente with ``update()`` call this."""
    toegang_gewijzigd(user_ids=Lidmaatschap.objects.filter(gemeente=gemeente).values("user_id"))


def _gemeente_gewijzigd(sender, instance, created=False, **kwargs) -> None:
    if not created:
        gemeente_gewijzigd(gemeente=instance)


def signalen_verbinden() -> None:
    post_save.connect(_lidmaatschap_gewijzigd, sender=Lidmaatschap, dispatch_uid="toegang_lm")
    post_delete.connect(_lidmaatschap_gewijzigd, sender=Lidmaatschap, dispatch_uid="toegang_lm_d")
    post_save.connect(_gemeente_gewijzigd, sender=Gemeente, dispatch_uid="toegang_gemeente")


#: The value of a list's gemeente filter for "all my gemeenten" (a regional team).
ALLE_GEMEENTEN = "alle"


def regio(request, recht) -> tuple[Gemeente, ...]:
    """The gemeenten a user may see in one combined list: their memberships whose role has
    ``recht``, in the order of the gemeente's name. A centrumgemeente's team works for several
    gemeenten; each object stays in its own tenant (issue 16)."""
    from openinburgering.accounts.rollen import heeft_recht

    return tuple(
        lm.gemeente for lm in getattr(request, "lidmaatschappen", []) if heeft_recht(lm.rol, recht)
    )


def lijst_actor(request, actor, keuze: str, recht):
    """The actor for a list with a gemeente filter: the active gemeente (no choice), all the
    user's gemeenten with ``recht`` (``ALLE_GEMEENTEN``), or one of them by its code, as
    ``Actor.regio``. A code the user has no such membership for is the active gemeente."""
    from dataclasses import replace

    gemeenten = regio(request, recht)
    if keuze == ALLE_GEMEENTEN and len(gemeenten) > 1:
        return replace(actor, regio=gemeenten)
    gekozen = next((g for g in gemeenten if g.code == keuze), None)
    return replace(actor, regio=(gekozen,)) if gekozen is not None else actor


def gemeente_keuzes(request, recht) -> list[tuple[str, str]]:
    """The choices of a list's gemeente filter; empty for a user of one gemeente."""
    from django.utils.translation import gettext as _

    gemeenten = regio(request, recht)
    if len(gemeenten) < 2:
        return []
    return [("", _("Actieve gemeente")), (ALLE_GEMEENTEN, _("Al mijn gemeenten"))] + [
        (g.code, g.naam) for g in gemeenten
    ]
