from django.utils.translation import gettext_lazy as _

from rest_framework import serializers

from openinburgering.core import bsn as bsn_tools


class BijstandsperiodeSerializer(serializers.Serializer):
    uuid = serializers.UUIDField(read_only=True)
    inburgeraar = serializers.UUIDField(source="dossier.inburgeraar.uuid", read_only=True)
    kenmerk = serializers.CharField(source="extern_kenmerk", read_only=True)
    start = serializers.DateField(read_only=True)
    startBron = serializers.CharField(source="start_bron", read_only=True)
    einde = serializers.DateField(read_only=True, allow_null=True)
    eindeBron = serializers.CharField(source="einde_bron", read_only=True)


class BijstandsperiodeInvoerSerializer(serializers.Serializer):
    bsn = serializers.CharField(max_length=9, write_only=True)
    kenmerk = serializers.CharField(
        max_length=80, help_text=_("De eigen sleutel van de periode bij Werk en Inkomen.")
    )
    start = serializers.DateField()
    einde = serializers.DateField(required=False, allow_null=True)

    def validate_bsn(self, waarde):
        if not bsn_tools.is_geldig(waarde):
            raise serializers.ValidationError(_("Dit is geen geldig BSN."))
        return bsn_tools.normaliseer(waarde)
