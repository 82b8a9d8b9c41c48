from django.utils.translation import gettext_lazy as _

from rest_framework import serializers

from openinburgering.integrations.duo.models import (
    MeldingSoort,
    UitgaandStatus,
    WerkitemSoort,
    WerkitemStatus,
)


class WerkitemSerializer(serializers.Serializer):
    """A task the DUO exchange raised (a notice from DUO, a refusal of a message)."""

    uuid = serializers.UUIDField(read_only=True)
    soort = serializers.ChoiceField(choices=WerkitemSoort.choices, read_only=True)
    titel = serializers.CharField(source="titel_weergave", read_only=True)
    toelichting = serializers.CharField(source="toelichting_weergave", read_only=True)
    deadline = serializers.DateField(read_only=True, allow_null=True)
    regel = serializers.CharField(read_only=True)
    status = serializers.CharField(
        read_only=True, help_text=_("Een van: %(w)s.") % {"w": ", ".join(WerkitemStatus.values)}
    )
    aangemaaktOp = serializers.DateTimeField(source="aangemaakt_op", read_only=True)
    afgehandeldOp = serializers.DateTimeField(
        source="afgehandeld_op", read_only=True, allow_null=True
    )
    inburgeraar = serializers.UUIDField(
        source="dossier.inburgeraar.uuid",
        read_only=True,
        allow_null=True,
        help_text=_("Leeg voor een persoon die DUO kent en de gemeente (nog) niet."),
    )


class UitgaandBerichtSerializer(serializers.Serializer):
    """A message the gemeente owes DUO, from the outbox: what, and how far it got."""

    uuid = serializers.UUIDField(read_only=True)
    berichtId = serializers.UUIDField(source="bericht_id", read_only=True)
    soort = serializers.ChoiceField(choices=MeldingSoort.choices, read_only=True)
    status = serializers.CharField(
        read_only=True, help_text=_("Een van: %(w)s.") % {"w": ", ".join(UitgaandStatus.values)}
    )
    pogingen = serializers.IntegerField(read_only=True)
    laatsteStatuscode = serializers.IntegerField(
        source="laatste_statuscode",
        read_only=True,
        allow_null=True,
        help_text=_("De HTTP-status van DUO bij de laatste poging."),
    )
    aangemaaktOp = serializers.DateTimeField(source="aangemaakt_op", read_only=True)
    laatstePogingOp = serializers.DateTimeField(
        source="laatste_poging_op", read_only=True, allow_null=True
    )
    afgerondOp = serializers.DateTimeField(source="afgerond_op", read_only=True, allow_null=True)
    inburgeraar = serializers.UUIDField(source="inburgeraar.uuid", read_only=True, allow_null=True)
