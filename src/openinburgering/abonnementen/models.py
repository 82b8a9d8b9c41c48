"""Subscriptions (webhooks) per gemeente and their outbox of CloudEvents (ADR 0072, 0073).

- :class:`Abonnement`: where a gemeente's other system wants to hear what happened, which kinds,
  and the secret the deliveries are signed with (stored encrypted).
- :class:`Bericht`: one event, written in the same transaction as the change it reports. Its body
  (the CloudEvent as JSON) is fixed at creation: every attempt sends exactly the same bytes.
- :class:`Bezorging`: that event for one subscription: status, attempts, the next attempt.
- :class:`Poging`: the delivery log: when, which status code or which kind of failure, how long.

Nothing here holds personal data: UUIDs, kinds of event, status codes and times.
"""

from uuid import uuid4

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from openinburgering.core.publicatie import Soort
from openinburgering.gemeenten.models import Gemeente


class Abonnement(models.Model):
    uuid = models.UUIDField(default=uuid4, unique=True, editable=False)
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="abonnementen")
    naam = models.CharField(_("naam"), max_length=100)
    url = models.URLField(_("callback-URL"), max_length=500)
    #: The kinds of event (``core.publicatie.Soort`` values) this subscriber wants.
    soorten = models.JSONField(_("soorten gebeurtenissen"), default=list)
    #: The signing secret (``whsec_`` + base64), encrypted; see ``ondertekenen``.
    geheim_versleuteld = models.TextField(editable=False)
    actief = models.BooleanField(_("actief"), default=True)
    aangemaakt_op = models.DateTimeField(default=timezone.now, editable=False)
    gewijzigd_op = models.DateTimeField(default=timezone.now, editable=False)
    # Optimistic locking for the edit form: a save based on an old read is a conflict.
    versie = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("abonnement")
        verbose_name_plural = _("abonnementen")
        indexes = [models.Index(fields=["gemeente", "actief"])]

    def __str__(self):
        return self.naam

    @property
    def soort_labels(self) -> list[str]:
        return [str(Soort(s).label) for s in self.soorten if s in Soort.values]


class Bericht(models.Model):
    """One CloudEvent. ``uuid`` is its ``id``: the receiver recognises a repeat by it."""

    uuid = models.UUIDField(default=uuid4, unique=True, editable=False)
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    soort = models.CharField(_("soort"), max_length=40, choices=Soort)
    #: The CloudEvents ``subject``: the UUID of the object the event is about.
    onderwerp = models.UUIDField(_("onderwerp"))
    #: Events with the same key reach a subscriber in the order they were written (the dossier).
    volgorde_sleutel = models.CharField(max_length=40)
    #: The CloudEvent as sent (structured mode, JSON): the same bytes on every attempt.
    inhoud = models.TextField()
    aangemaakt_op = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("gebeurtenis")
        verbose_name_plural = _("gebeurtenissen")

    def __str__(self):
        return f"{self.soort} {self.uuid}"


class BezorgStatus(models.TextChoices):
    WACHTEND = "wachtend", _("Wacht op bezorging")
    BEZORGD = "bezorgd", _("Bezorgd")
    DOOD = "dood", _("Opgegeven")


class Bezorging(models.Model):
    uuid = models.UUIDField(default=uuid4, unique=True, editable=False)
    abonnement = models.ForeignKey(Abonnement, on_delete=models.CASCADE, related_name="bezorgingen")
    bericht = models.ForeignKey(Bericht, on_delete=models.CASCADE, related_name="bezorgingen")
    #: ``<abonnement id>:<bericht.volgorde_sleutel>``: one queue per subscriber and dossier.
    volgorde_sleutel = models.CharField(max_length=60)
    status = models.CharField(
        _("status"), max_length=20, choices=BezorgStatus, default=BezorgStatus.WACHTEND
    )
    pogingen = models.PositiveIntegerField(_("pogingen"), default=0)
    volgende_poging_op = models.DateTimeField(_("volgende poging"), default=timezone.now)
    eerste_poging_op = models.DateTimeField(null=True, blank=True)
    laatste_poging_op = models.DateTimeField(null=True, blank=True)
    laatste_statuscode = models.PositiveIntegerField(null=True, blank=True)
    laatste_fout = models.CharField(_("laatste fout"), max_length=200, blank=True)
    aangemaakt_op = models.DateTimeField(default=timezone.now)
    afgerond_op = models.DateTimeField(null=True, blank=True)
    opnieuw_aangeboden_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("bezorging")
        verbose_name_plural = _("bezorgingen")
        constraints = [
            models.UniqueConstraint(
                fields=["abonnement", "bericht"], name="abonnementen_een_bezorging_per_bericht"
            )
        ]
        indexes = [
            models.Index(fields=["status", "volgende_poging_op"]),
            models.Index(fields=["volgorde_sleutel", "status"]),
            models.Index(fields=["abonnement", "status"]),
        ]

    def __str__(self):
        return f"{self.abonnement_id}:{self.bericht_id} {self.status}"


class Poging(models.Model):
    """One attempt in the delivery log. ``fout`` names the kind of failure (never the
    receiver's answer: we do not know what it holds)."""

    bezorging = models.ForeignKey(Bezorging, on_delete=models.CASCADE, related_name="log")
    tijdstip = models.DateTimeField(default=timezone.now)
    statuscode = models.PositiveIntegerField(null=True, blank=True)
    fout = models.CharField(max_length=200, blank=True)
    duur_ms = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("bezorgpoging")
        verbose_name_plural = _("bezorgpogingen")
        indexes = [models.Index(fields=["bezorging", "tijdstip"])]

    def __str__(self):
        return f"{self.bezorging_id} {self.statuscode or self.fout}"
