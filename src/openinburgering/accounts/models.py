import hashlib
import secrets
import uuid

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A person who works with the system (staff); roles come from gemeente memberships."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # Raised whenever a membership, a second-factor device or a gemeente of this user changes
    # (``accounts.toegang``). A session keeps what it resolved from those at this version; the
    # user row is read on every request anyway, so a change takes effect on the next one.
    toegang_versie = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")

    def __str__(self):
        return self.get_full_name() or self.username


class Afremming(models.Model):
    """The failure score of one IP address or one (hashed) username; see ``afremmen.py``."""

    sleutel = models.CharField(max_length=100, unique=True)
    score = models.FloatField(default=0.0)
    bijgewerkt_op = models.DateTimeField(db_index=True)
    wachten_tot = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("afremming van inlogpogingen")
        verbose_name_plural = _("afremmingen van inlogpogingen")

    def __str__(self):
        return self.sleutel


def hash_uitnodiging(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class TweedeFactorUitnodiging(models.Model):
    """A single-use, expiring link to set up the second factor, issued by a beheerder.

    Only the hash of the token is stored: the link is shown once, to the beheerder who issued it.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="tweede_factor_uitnodigingen",
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    uitgegeven_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    aangemaakt_op = models.DateTimeField(default=timezone.now)
    geldig_tot = models.DateTimeField()
    gebruikt_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("uitnodiging tweede factor")
        verbose_name_plural = _("uitnodigingen tweede factor")

    def __str__(self):
        return f"{self.user} ({self.aangemaakt_op:%Y-%m-%d})"

    @staticmethod
    def nieuw_token() -> str:
        return secrets.token_urlsafe(32)

    @property
    def bruikbaar(self) -> bool:
        return self.gebruikt_op is None and self.geldig_tot > timezone.now()
