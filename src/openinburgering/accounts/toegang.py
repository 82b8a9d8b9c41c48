"""What a session may keep of a user's access between requests, and when it must look again.

Every request of a logged-in user reads the user row (Django's authentication) and the session.
What used to take a query of its own on every request — the second-factor device, and in
``gemeenten`` the memberships — is kept in the session together with the user's
``toegang_versie``. Every change that can take access away raises that version: a membership
saved or deleted, a device saved or deleted, a gemeente changed (ADR 0061). The next request
sees a different version and reads again; a revoked membership or a removed device takes effect
on the next request, as before.

The version is raised by signal receivers, so every change through the ORM's ``save`` and
``delete`` (services, the admin commands, cascades) counts. A bulk ``QuerySet.update`` of a
membership or a device sends no signal: code that does that calls :func:`toegang_gewijzigd`.
"""

from __future__ import annotations

from django.apps import apps
from django.db import DEFAULT_DB_ALIAS
from django.db.models import F
from django.db.models.signals import post_delete, post_save

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.models import Device

from .models import User

#: Session key: the device this session was verified with, checked for this user at this
#: ``toegang_versie``.
APPARAAT_GECONTROLEERD = "tweede_factor_gecontroleerd"


def toegang_gewijzigd(*, user_ids) -> None:
    """Sessions of these users resolve their memberships and device again on the next request."""
    User.objects.filter(pk__in=user_ids).update(toegang_versie=F("toegang_versie") + 1)


def _apparaat_gewijzigd(sender, instance, **kwargs) -> None:
    if instance.user_id is not None:
        toegang_gewijzigd(user_ids=[instance.user_id])


def signalen_verbinden() -> None:
    """Every concrete django-otp device model (TOTP, recovery codes) raises its user's version."""
    for model in apps.get_models():
        if issubclass(model, Device) and not model._meta.abstract:
            post_save.connect(_apparaat_gewijzigd, sender=model, dispatch_uid=f"toegang_{model}")
            post_delete.connect(
                _apparaat_gewijzigd, sender=model, dispatch_uid=f"toegang_del_{model}"
            )


def apparaat_uit_sessie(session, user) -> Device | None:
    """The device the session was verified with, without a query, when the session checked it at
    the user's current version; else None (the caller checks it in the database)."""
    persistent_id = session.get(DEVICE_ID_SESSION_KEY)
    if not persistent_id or session.get(APPARAAT_GECONTROLEERD) != _stempel(persistent_id, user):
        return None
    try:
        label, pk = persistent_id.rsplit("/", 1)
        model = apps.get_model(label)
        pk = int(pk)
    except (LookupError, ValueError):
        return None
    if not issubclass(model, Device):
        return None
    # Only what was checked is known (id, owner, confirmed); every other field is deferred and
    # read from the database if some code uses it (as verifying a code does).
    bekend = {"id": pk, "user_id": user.pk, "confirmed": True}
    velden = [veld.attname for veld in model._meta.concrete_fields if veld.attname in bekend]
    return model.from_db(DEFAULT_DB_ALIAS, velden, [bekend[naam] for naam in velden])


def _stempel(persistent_id: str, user) -> list:
    return [persistent_id, user.pk, user.toegang_versie]


def apparaat_onthouden(session, user, device: Device | None) -> None:
    if device is None:
        session.pop(APPARAAT_GECONTROLEERD, None)
        return
    waarde = _stempel(device.persistent_id, user)
    if session.get(APPARAAT_GECONTROLEERD) != waarde:
        session[APPARAAT_GECONTROLEERD] = waarde
