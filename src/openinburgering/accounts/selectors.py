"""Reads about accounts: second-factor devices, invitations, and a gemeente's staff."""

from __future__ import annotations

from django.db.models import Exists, F, OuterRef, Prefetch, QuerySet
from django.utils import timezone

from django_otp.plugins.otp_totp.models import TOTPDevice

from .models import TweedeFactorUitnodiging, User, hash_uitnodiging


def totp_apparaat(*, user: User) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def heeft_tweede_factor(*, user: User) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def uitnodiging_zoeken(*, token: str) -> TweedeFactorUitnodiging | None:
    """The usable invitation with this token, or None (unknown, used or expired)."""
    if not token or len(token) > 100:
        return None
    uitnodiging = (
        TweedeFactorUitnodiging.objects.select_related("user")
        .filter(token_hash=hash_uitnodiging(token))
        .first()
    )
    if uitnodiging is None or not uitnodiging.bruikbaar:
        return None
    return uitnodiging


def _medewerkers(gemeente) -> QuerySet[User]:
    """Staff of this gemeente a beheerder of it may manage: members, never the installation's
    superusers (their factor is reset on the server, with the management command)."""
    return User.objects.filter(lidmaatschappen__gemeente=gemeente, is_superuser=False)


def medewerker_list(*, gemeente) -> QuerySet[User]:
    open_uitnodigingen = TweedeFactorUitnodiging.objects.filter(
        gebruikt_op__isnull=True, geldig_tot__gt=timezone.now()
    ).order_by("-geldig_tot")
    return (
        _medewerkers(gemeente)
        .annotate(
            # One membership per user and gemeente: the join of the filter, so one row a user.
            rol_hier=F("lidmaatschappen__rol"),
            met_tweede_factor=Exists(
                TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)
            ),
        )
        .prefetch_related(
            Prefetch(
                "tweede_factor_uitnodigingen",
                queryset=open_uitnodigingen,
                to_attr="open_uitnodigingen",
            )
        )
        .order_by("last_name", "first_name", "username")
    )


def medewerker_get(*, gemeente, uuid) -> User:
    """A member of this gemeente; another gemeente's user is a DoesNotExist (a 404)."""
    return _medewerkers(gemeente).get(uuid=uuid)
