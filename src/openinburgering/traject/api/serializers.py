from django.utils.translation import gettext_lazy as _

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from openinburgering.inburgeraars.codes import keuzes
from openinburgering.regels.codes import (
    Examenniveau,
    Examenonderdeel,
    Examenresultaat,
    JaNee,
    NietVrijstellendOnderwijs,
    RedenGeenResultaat,
)
from openinburgering.traject.models import (
    Aanwezigheid,
    DeelnameStatus,
    MapSoort,
    UrenSoort,
)


def _waarden(codes) -> str:
    return f"Een van: {', '.join(c.value for c in codes)}."


#: The database's integer columns hold at most this (a bigger number is a 400, not a 500).
INT_MAX = 2_147_483_647
SMALLINT_MAX = 32_767


class AfrondingSerializer(serializers.Serializer):
    """The PVT signing, the MAP final interview or the Z-route completion, as DUO gets it."""

    onderdeel = serializers.CharField(read_only=True)
    datum = serializers.DateField(allow_null=True, read_only=True)
    verwijtbaar = serializers.CharField(read_only=True, allow_blank=True, help_text=_waarden(JaNee))
    motivering = serializers.CharField(read_only=True, allow_blank=True)
    duoKlaargezetOp = serializers.DateTimeField(
        source="duo_klaargezet_op", read_only=True, allow_null=True
    )
    versie = serializers.IntegerField(read_only=True)


class AfrondingVastleggenSerializer(serializers.Serializer):
    """As the screen's form: the date, the culpability judgement and its motivation, and
    optionally non-exempting education (R43)."""

    datum = serializers.DateField(required=False, allow_null=True, default=None)
    verwijtbaar = serializers.ChoiceField(
        choices=[("", ""), *keuzes(JaNee)], required=False, allow_blank=True, default=""
    )
    motivering = serializers.CharField(required=False, allow_blank=True, default="")
    onderwijsSoort = serializers.ChoiceField(
        choices=[("", ""), *keuzes(NietVrijstellendOnderwijs)],
        required=False,
        allow_blank=True,
        default="",
        help_text=_("Niet-vrijstellend onderwijs tijdens de termijn (R43)."),
    )
    onderwijsBegin = serializers.DateField(required=False, allow_null=True, default=None)
    onderwijsEinde = serializers.DateField(required=False, allow_null=True, default=None)

    def validate(self, data):
        if data["onderwijsSoort"] and not data["onderwijsBegin"]:
            raise serializers.ValidationError(
                {"onderwijsBegin": _("Vul in vanaf wanneer het onderwijs liep.")}
            )
        return data


class ZrouteSerializer(serializers.Serializer):
    datum = serializers.DateField()


class TrajectSerializer(serializers.Serializer):
    inburgeraar = serializers.UUIDField(read_only=True)
    leerroute = serializers.CharField(
        read_only=True, allow_blank=True, help_text=_("B, O of Z (uit het geldende PIP).")
    )
    pvt = AfrondingSerializer(read_only=True, allow_null=True)
    map = AfrondingSerializer(read_only=True, allow_null=True)
    zroute = AfrondingSerializer(read_only=True, allow_null=True)
    urenPerSoort = serializers.DictField(
        child=serializers.IntegerField(), read_only=True, help_text=_("Uren per soort.")
    )
    mapUren = serializers.DecimalField(max_digits=8, decimal_places=1, read_only=True)


class MapActiviteitSerializer(serializers.Serializer):
    uuid = serializers.UUIDField(read_only=True)
    inburgeraar = serializers.UUIDField(source="dossier.inburgeraar.uuid", read_only=True)
    soort = serializers.ChoiceField(choices=MapSoort.choices)
    omschrijving = serializers.CharField(max_length=200)
    datum = serializers.DateField()
    uren = serializers.DecimalField(max_digits=5, decimal_places=1)


class UrenregistratieSerializer(serializers.Serializer):
    uuid = serializers.UUIDField(read_only=True)
    inburgeraar = serializers.UUIDField(source="dossier.inburgeraar.uuid", read_only=True)
    soort = serializers.ChoiceField(choices=UrenSoort.choices)
    periodeStart = serializers.DateField(source="periode_start")
    periodeEinde = serializers.DateField(source="periode_einde")
    uren = serializers.IntegerField(max_value=INT_MAX, min_value=-INT_MAX)
    omschrijving = serializers.CharField(
        max_length=200, required=False, allow_blank=True, default=""
    )


class ExamenUitslagSerializer(serializers.Serializer):
    uuid = serializers.UUIDField(read_only=True)
    inburgeraar = serializers.UUIDField(source="dossier.inburgeraar.uuid", read_only=True)
    onderdeel = serializers.CharField(read_only=True, help_text=_waarden(Examenonderdeel))
    niveau = serializers.CharField(
        read_only=True, allow_blank=True, help_text=_waarden(Examenniveau)
    )
    examendatum = serializers.DateField(read_only=True)
    resultaat = serializers.CharField(read_only=True, help_text=_waarden(Examenresultaat))
    redenGeenResultaat = serializers.CharField(
        source="reden_geen_resultaat",
        read_only=True,
        allow_blank=True,
        help_text=_waarden(RedenGeenResultaat),
    )


# --- PVT -----------------------------------------------------------------------------------


class PvtGroepSerializer(serializers.Serializer):
    uuid = serializers.UUIDField(read_only=True)
    naam = serializers.CharField(max_length=120)
    locatie = serializers.CharField(max_length=200)
    taal = serializers.CharField(max_length=60)
    tolk = serializers.CharField(max_length=60, required=False, allow_blank=True, default="")
    capaciteit = serializers.IntegerField(
        min_value=-SMALLINT_MAX,
        max_value=SMALLINT_MAX,
        help_text=_("Maximaal aantal deelnemers (1 tot en met 200)."),
    )
    begeleider = serializers.CharField(max_length=120)
    opmerkingen = serializers.CharField(required=False, allow_blank=True, default="")


@extend_schema_field(
    {
        "type": "string",
        "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$",
        "example": "09:30",
        "description": "Lokale tijd (Nederland), uu:mm.",
    }
)
class Tijd(serializers.TimeField):
    """A wall-clock time in the Netherlands, as the screen takes it: not RFC 3339's time with
    an offset, which JSON Schema's ``format: time`` demands."""

    def __init__(self, **kwargs):
        super().__init__(format="%H:%M", input_formats=["%H:%M", "%H:%M:%S"], **kwargs)


class PvtBijeenkomstSerializer(serializers.Serializer):
    uuid = serializers.UUIDField(read_only=True)
    groep = serializers.UUIDField(source="groep.uuid", read_only=True)
    onderwerp = serializers.CharField(max_length=200)
    datum = serializers.DateField()
    begintijd = Tijd()
    eindtijd = Tijd()


class PvtDeelnameSerializer(serializers.Serializer):
    uuid = serializers.UUIDField(read_only=True)
    groep = serializers.UUIDField(source="groep.uuid", read_only=True)
    inburgeraar = serializers.UUIDField(source="dossier.inburgeraar.uuid", read_only=True)
    status = serializers.CharField(read_only=True, help_text=_waarden(DeelnameStatus))
    uitgenodigdOp = serializers.DateField(source="uitgenodigd_op", read_only=True)


class UitnodigenSerializer(serializers.Serializer):
    inburgeraars = serializers.ListField(
        child=serializers.UUIDField(), min_length=1, max_length=200
    )


class AanwezigheidRegelSerializer(serializers.Serializer):
    deelname = serializers.UUIDField()
    status = serializers.ChoiceField(choices=Aanwezigheid.choices)


class AanwezigheidSerializer(serializers.Serializer):
    aanwezigheid = AanwezigheidRegelSerializer(many=True, min_length=1, max_length=200)


class OndertekeningSerializer(serializers.Serializer):
    datum = serializers.DateField()
