from django.db import models
from django.utils.translation import gettext_lazy as _

from openinburgering.gemeenten.models import Gemeente
from openinburgering.inburgeraars.models import Inburgeraar


class BrpStand(models.Model):
    """What the BRP last said about a person beside name, birth date and address (those are on
    the person): the markers a caseworker must see, and the state of the last attempt.

    Only what the gemeente needs (data minimisation): no history, no other people.
    """

    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="brp_standen")
    inburgeraar = models.OneToOneField(
        Inburgeraar, on_delete=models.CASCADE, related_name="brp_stand"
    )
    opgehaald_op = models.DateTimeField(_("opgehaald uit de BRP op"), null=True, blank=True)
    geheimhouding = models.BooleanField(_("geheimhouding persoonsgegevens"), default=False)
    adres_in_onderzoek = models.BooleanField(_("adres in onderzoek"), default=False)
    adres_in_onderzoek_sinds = models.DateField(null=True, blank=True)
    overleden = models.BooleanField(_("overleden"), default=False)
    overlijdensdatum = models.DateField(null=True, blank=True)
    nationaliteiten = models.JSONField(default=list, blank=True)
    gemeente_van_inschrijving = models.CharField(max_length=4, blank=True)
    gemeente_van_inschrijving_naam = models.CharField(max_length=100, blank=True)
    datum_inschrijving_in_gemeente = models.DateField(null=True, blank=True)
    #: The last attempt failed with this (Dutch, no BSN); empty when it succeeded.
    fout = models.TextField(blank=True)
    pogingen = models.PositiveIntegerField(default=0)
    #: When a temporary failure is tried again (``brp_bijwerken``, the inbox loop); or None.
    volgende_poging_op = models.DateTimeField(null=True, blank=True, db_index=True)
    bijgewerkt_op = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("gegevens uit de BRP")
        verbose_name_plural = _("gegevens uit de BRP")

    def __str__(self):
        return f"BRP {self.inburgeraar_id}"
