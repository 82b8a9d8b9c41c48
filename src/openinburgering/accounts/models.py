import uuid

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A person who works with the system (staff); roles come from gemeente memberships."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    mislukte_pogingen = models.PositiveIntegerField(_("mislukte inlogpogingen"), default=0)
    geblokkeerd_tot = models.DateTimeField(_("geblokkeerd tot"), null=True, blank=True)

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")

    def __str__(self):
        return self.get_full_name() or self.username
