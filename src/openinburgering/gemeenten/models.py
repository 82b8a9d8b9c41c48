import hashlib
import secrets
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from openinburgering.accounts import bereiken as bereiken_catalogus
from openinburgering.accounts.rollen import Rol

from .validators import valideer_adres, valideer_telefoonnummer

gemeentecode_validator = RegexValidator(r"^[0-9]{4}$", _("Een gemeentecode bestaat uit 4 cijfers."))
oin_validator = RegexValidator(r"^[0-9]{20}$", _("Een OIN bestaat uit 20 cijfers."))


class Koppeling(models.TextChoices):
    M2M = "m2m", _("Machine-to-machine met DUO")
    PORTAL = "portal", _("Invoer in het Portal Inburgering")


class Gemeente(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    code = models.CharField(
        _("gemeentecode"), max_length=4, unique=True, validators=[gemeentecode_validator]
    )
    naam = models.CharField(_("naam"), max_length=100)
    oin = models.CharField(_("OIN"), max_length=20, unique=True, validators=[oin_validator])
    koppeling = models.CharField(
        _("koppeling met DUO"), max_length=10, choices=Koppeling, default=Koppeling.M2M
    )
    # Contact details printed on letters to inburgeraars (optional; empty: not printed).
    adres = models.CharField(
        _("bezoekadres"), max_length=200, blank=True, validators=[valideer_adres]
    )
    # Where a bezwaarschrift goes, stated in every decision's letter (R23); empty: the bezoekadres.
    bezwaar_adres = models.CharField(
        _("adres voor bezwaarschriften"), max_length=200, blank=True, validators=[valideer_adres]
    )
    telefoonnummer = models.CharField(
        _("telefoonnummer"), max_length=22, blank=True, validators=[valideer_telefoonnummer]
    )
    email = models.EmailField(
        _("e-mailadres"),
        max_length=241,
        blank=True,
        error_messages={
            "invalid": _("Vul een geldig e-mailadres in, bijvoorbeeld inburgering@gemeente.nl.")
        },
    )
    # The logo on letters: a PNG made by ``services.gemeente_logo_wijzigen`` (checked, scaled,
    # stripped of metadata), kept in the database so every host renders the same letter.
    logo = models.BinaryField(_("logo op brieven"), blank=True, default=b"", editable=False)
    # Optimistic locking for the settings page: a save based on an old read is a conflict.
    versie = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")
        ordering = ["naam"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(code__regex=r"^[0-9]{4}$"), name="gemeente_code_4_cijfers"
            ),
            models.CheckConstraint(
                condition=models.Q(oin__regex=r"^[0-9]{20}$"), name="gemeente_oin_20_cijfers"
            ),
        ]

    def __str__(self):
        return self.naam


class Lidmaatschap(models.Model):
    """A user works for a gemeente in one role; regional teams have several memberships."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lidmaatschappen"
    )
    gemeente = models.ForeignKey(Gemeente, on_delete=models.CASCADE, related_name="lidmaatschappen")
    rol = models.CharField(_("rol"), max_length=30, choices=Rol)

    class Meta:
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")
        constraints = [
            models.UniqueConstraint(fields=["user", "gemeente"], name="een_rol_per_gemeente")
        ]

    def __str__(self):
        return f"{self.user} – {self.gemeente} ({self.get_rol_display()})"


def valideer_bereiken(waarde) -> None:
    bekend = set(bereiken_catalogus.alle())
    if not isinstance(waarde, list) or not all(isinstance(b, str) for b in waarde):
        raise ValidationError(_("Het bereik is een lijst van bereiken."), code="bereik")
    onbekend = sorted(set(waarde) - bekend)
    if onbekend:
        raise ValidationError(
            _("Onbekend bereik: %(b)s.") % {"b": ", ".join(onbekend)}, code="bereik"
        )


def hash_token(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


class ApiToken(models.Model):
    """A token for one system of one gemeente. Only its hash is stored."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    gemeente = models.ForeignKey(Gemeente, on_delete=models.CASCADE, related_name="api_tokens")
    naam = models.CharField(_("naam"), max_length=100)
    sleutel_hash = models.CharField(max_length=64, unique=True, editable=False)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    actief = models.BooleanField(default=True)
    #: The scopes (``area:lezen``/``area:schrijven``, accounts.bereiken) this token may use.
    bereiken = models.JSONField(
        _("bereik"), default=list, blank=True, validators=[valideer_bereiken]
    )
    versie = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("API-token")
        verbose_name_plural = _("API-tokens")

    def __str__(self):
        return f"{self.naam} ({self.gemeente})"

    @staticmethod
    def nieuwe_sleutel() -> str:
        return secrets.token_urlsafe(32)
