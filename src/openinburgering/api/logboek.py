"""The processing log through the API, read-only (ADR 0076): the gemeente's own records, for
its privacy officer or its own log store.

``logboek`` sits below ``api`` in the layers (the web scaffolding builds on it), so its
resource lives here rather than in ``logboek/api/``. A record names a person only by pseudonym;
a search for one person's records takes the BSN in a POST body, as the screen does, and turns it
into the pseudonym.
"""

from django.utils.translation import gettext_lazy as _

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers

from openinburgering.core import bsn as bsn_tools
from openinburgering.logboek import selectors
from openinburgering.logboek.models import Activiteit, Doel, Resultaat

from .bouwstenen import FOUTEN, LIJST, Lijst

TAG = ["logboek"]


class VerwerkingSerializer(serializers.Serializer):
    uuid = serializers.UUIDField(read_only=True)
    tijdstip = serializers.DateTimeField(read_only=True)
    actor = serializers.CharField(read_only=True)
    actorSoort = serializers.CharField(source="actor_soort", read_only=True)  # noqa: N815
    betrokkene = serializers.CharField(
        read_only=True, help_text=_("Het pseudoniem van de betrokkene (nooit het BSN).")
    )
    activiteit = serializers.CharField(read_only=True, help_text=", ".join(Activiteit.values))
    resultaat = serializers.CharField(read_only=True, help_text=", ".join(Resultaat.values))
    doel = serializers.CharField(read_only=True, allow_blank=True, help_text=", ".join(Doel.values))


class FilterSerializer(serializers.Serializer):
    activiteit = serializers.ChoiceField(
        choices=Activiteit.choices, required=False, allow_blank=True, default=""
    )
    van = serializers.DateField(required=False, allow_null=True, default=None)
    tot = serializers.DateField(required=False, allow_null=True, default=None)

    def validate(self, data):
        if data["van"] and data["tot"] and data["van"] > data["tot"]:
            raise serializers.ValidationError({"tot": _("De einddatum ligt vóór de begindatum.")})
        return data


class VerwerkingZoekSerializer(FilterSerializer):
    bsn = serializers.RegexField(
        r"^[0-9]{9}$",
        min_length=9,
        max_length=9,
        validators=[bsn_tools.valideer_bsn],
        error_messages={"invalid": _("Een BSN bestaat uit 9 cijfers.")},
    )


class Verwerkingen(Lijst):
    bereik = "logboek"
    serializer_class = VerwerkingSerializer

    def rijen(self):
        return selectors.verwerking_list(
            gemeente=self.actor.gemeente, **self.params_lezen(FilterSerializer)
        )

    @extend_schema(
        tags=TAG,
        operation_id="verwerking_list",
        summary=_("Het verwerkingenlogboek van de gemeente"),
        parameters=[
            OpenApiParameter(
                "activiteit", str, enum=Activiteit.values, description=_("Filter op activiteit")
            ),
            OpenApiParameter("van", OpenApiTypes.DATE, description=_("Vanaf")),
            OpenApiParameter("tot", OpenApiTypes.DATE, description=_("Tot en met")),
            *LIJST,
        ],
        responses={200: VerwerkingSerializer(many=True), **FOUTEN},
    )
    def get(self, request):
        return self.lijst()


class VerwerkingenZoeken(Lijst):
    """By BSN as a POST, so the number stays out of URLs and access logs; the next pages are
    asked for with the same body."""

    bereik = "logboek"
    bereik_acties = {"POST": "lezen"}  # a search: it reads
    serializer_class = VerwerkingSerializer

    def rijen(self):
        invoer = VerwerkingZoekSerializer(data=self.request.data)
        invoer.is_valid(raise_exception=True)
        return selectors.verwerking_list(gemeente=self.actor.gemeente, **invoer.validated_data)

    @extend_schema(
        tags=TAG,
        operation_id="verwerking_zoek",
        summary=_("De verwerkingen van één persoon (zoeken op BSN)"),
        request=VerwerkingZoekSerializer,
        parameters=LIJST,
        responses={200: VerwerkingSerializer(many=True), **FOUTEN},
    )
    def post(self, request):
        return self.lijst()
