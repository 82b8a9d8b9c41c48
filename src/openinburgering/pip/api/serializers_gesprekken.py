"""Progress talks in the API (ADR 0076); apart from the PIP's own serializers."""

from django.utils.translation import gettext_lazy as _

from rest_framework import serializers

from openinburgering.pip.models import Beoordeling, GesprekStatus


def _beoordeling():
    return serializers.ChoiceField(
        choices=Beoordeling.choices, required=False, allow_blank=True, default=""
    )


class VoortgangsgesprekSerializer(serializers.Serializer):
    uuid = serializers.UUIDField(read_only=True)
    inburgeraar = serializers.UUIDField(source="dossier.inburgeraar.uuid", read_only=True)
    pip = serializers.UUIDField(source="pip_versie.uuid", read_only=True)
    geplandOp = serializers.DateField(source="gepland_op", read_only=True)
    # A plain string: a second enum named "status" would collide with the dossier's in the schema.
    status = serializers.CharField(
        read_only=True, help_text=_("Een van: %(w)s.") % {"w": ", ".join(GesprekStatus.values)}
    )
    gevoerdOp = serializers.DateField(source="gevoerd_op", read_only=True, allow_null=True)
    taal = serializers.CharField(read_only=True, allow_blank=True)
    knm = serializers.CharField(read_only=True, allow_blank=True)
    pvt = serializers.CharField(read_only=True, allow_blank=True)
    map = serializers.CharField(read_only=True, allow_blank=True)
    participatie = serializers.CharField(read_only=True, allow_blank=True)
    notities = serializers.CharField(read_only=True, allow_blank=True)
    versie = serializers.IntegerField(read_only=True)


class GesprekPlannenSerializer(serializers.Serializer):
    geplandOp = serializers.DateField()


class GesprekVastleggenSerializer(serializers.Serializer):
    gemist = serializers.BooleanField(required=False, default=False)
    gevoerdOp = serializers.DateField(required=False, allow_null=True, default=None)
    taal = _beoordeling()
    knm = _beoordeling()
    pvt = _beoordeling()
    map = _beoordeling()
    participatie = _beoordeling()
    notities = serializers.CharField(required=False, allow_blank=True, default="")

    def validate(self, data):
        # As the screen's form.
        if not data["gemist"] and not data["gevoerdOp"]:
            raise serializers.ValidationError(
                {"gevoerdOp": _("Vul in wanneer het gesprek was, of kies ‘gemist’.")}
            )
        return data
