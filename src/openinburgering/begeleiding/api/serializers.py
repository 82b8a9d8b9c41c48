from rest_framework import serializers

from openinburgering.begeleiding.models import StapStatus


class StapSerializer(serializers.Serializer):
    uuid = serializers.UUIDField(read_only=True)
    naam = serializers.CharField(read_only=True)
    omschrijving = serializers.CharField(read_only=True, allow_blank=True)
    streefdagen = serializers.IntegerField(read_only=True)
    volgorde = serializers.IntegerField(read_only=True)
    actief = serializers.BooleanField(read_only=True)


class ChecklistRijSerializer(serializers.Serializer):
    stap = serializers.UUIDField(source="stap.uuid", read_only=True)
    naam = serializers.CharField(source="stap.naam", read_only=True)
    status = serializers.CharField(
        read_only=True, help_text=f"Een van: {', '.join(StapStatus.values)}."
    )
    datum = serializers.DateField(source="voortgang.datum", read_only=True, allow_null=True)
    geholpenDoor = serializers.CharField(
        source="voortgang.geholpen_door", read_only=True, allow_blank=True, allow_null=True
    )
    toelichting = serializers.CharField(
        source="voortgang.toelichting", read_only=True, allow_blank=True, allow_null=True
    )
    streefdatum = serializers.DateField(read_only=True)
    achterstallig = serializers.BooleanField(read_only=True)


class ChecklistSerializer(serializers.Serializer):
    inburgeraar = serializers.UUIDField(read_only=True)
    vanToepassing = serializers.BooleanField(
        read_only=True, help_text="Wi2021 art. 13: voor asielstatushouders."
    )
    klaar = serializers.IntegerField(read_only=True)
    totaal = serializers.IntegerField(read_only=True)
    rijen = ChecklistRijSerializer(many=True, read_only=True)


class ChecklistStapSerializer(serializers.Serializer):
    stap = serializers.UUIDField()
    status = serializers.ChoiceField(choices=StapStatus.choices)
    datum = serializers.DateField(required=False, allow_null=True, default=None)
    geholpenDoor = serializers.CharField(
        max_length=150, required=False, allow_blank=True, default=""
    )
    toelichting = serializers.CharField(
        max_length=300, required=False, allow_blank=True, default=""
    )


class ChecklistVastleggenSerializer(serializers.Serializer):
    stappen = ChecklistStapSerializer(many=True, min_length=1, max_length=200)
