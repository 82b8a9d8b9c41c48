from django.utils.translation import gettext_lazy as _

from rest_framework import serializers

from openinburgering.handhaving.models import StapSoort, ZaakStatus
from openinburgering.inburgeraars.codes import keuzes
from openinburgering.regels.codes import Verplichting


class HandhavingsstapSerializer(serializers.Serializer):
    uuid = serializers.UUIDField(read_only=True)
    soort = serializers.CharField(
        read_only=True, help_text=_("Een van: %(w)s.") % {"w": ", ".join(StapSoort.values)}
    )
    datum = serializers.DateField(read_only=True)
    bedrag = serializers.DecimalField(
        max_digits=7, decimal_places=2, read_only=True, allow_null=True
    )
    matigingsreden = serializers.CharField(read_only=True, allow_blank=True)
    toelichting = serializers.CharField(read_only=True, allow_blank=True)
    zienswijzeUiterlijk = serializers.DateField(
        source="zienswijze_uiterlijk", read_only=True, allow_null=True
    )
    bezwaarUiterlijk = serializers.DateField(
        source="bezwaar_uiterlijk", read_only=True, allow_null=True
    )
    regel = serializers.CharField(read_only=True, allow_blank=True)
    uitleg = serializers.CharField(read_only=True, allow_blank=True)


class HandhavingszaakSerializer(serializers.Serializer):
    uuid = serializers.UUIDField(read_only=True)
    inburgeraar = serializers.UUIDField(source="dossier.inburgeraar.uuid", read_only=True)
    verplichting = serializers.ChoiceField(choices=keuzes(Verplichting))
    artikel = serializers.CharField(
        read_only=True, help_text=_("De grondslag uit R33: Wi2021 art. 22, art. 23 of Pw.")
    )
    overtredingsdatum = serializers.DateField()
    omschrijving = serializers.CharField()
    genegeerdeOproepen = serializers.IntegerField(
        source="genegeerde_oproepen", min_value=0, max_value=10, required=False, default=0
    )
    # A plain string: a second enum named "status" would collide with the dossier's in the schema.
    status = serializers.CharField(
        read_only=True, help_text=_("Een van: %(w)s.") % {"w": ", ".join(ZaakStatus.values)}
    )
    stappen = HandhavingsstapSerializer(many=True, read_only=True)


class HandhavingStapInvoerSerializer(serializers.Serializer):
    datum = serializers.DateField()
    toelichting = serializers.CharField(required=False, allow_blank=True, default="")


class VoornemenSerializer(serializers.Serializer):
    datum = serializers.DateField()
    bedrag = serializers.DecimalField(max_digits=7, decimal_places=2, min_value=0)
    matigingsreden = serializers.CharField(required=False, allow_blank=True, default="")
    rapport = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        help_text=_("Verplicht bij een PIP-boete (art. 23, Awb 5:53)."),
    )
