"""For a data warehouse (ADR 0091): pseudonymised facts per person and the precomputed figures,
readable with the scope ``statistiek:lezen`` alone, which gives no personal data."""

from django.utils.translation import gettext_lazy as _

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema

from openinburgering.api.bouwstenen import FOUTEN, LIJST, Lijst
from openinburgering.cijfers import selectors
from openinburgering.inburgeraars.codes import Doelgroep, keuzes
from openinburgering.inburgeraars.workflow import Status

from .serializers import (
    FeitenFilterSerializer,
    FeitSerializer,
    KengetallenFilterSerializer,
    KengetalSerializer,
)

TAG = ["statistiek"]


class Feiten(Lijst):
    bereik = "statistiek"
    serializer_class = FeitSerializer

    def rijen(self):
        return selectors.feiten_per_dossier(
            actor=self.actor, **self.params_lezen(FeitenFilterSerializer)
        )

    def pseudoniemen(self, rij):
        # Pseudonymised data is still personal data (AVG overweging 26): each read is logged,
        # under the log's own pseudonym, never the one the recipient gets.
        return [rij.pseudoniem]

    @extend_schema(
        tags=TAG,
        operation_id="statistiek_feiten",
        summary=_("Gepseudonimiseerde feiten per dossier (datawarehouse)"),
        description=_(
            "Eén rij per dossier: een pseudoniem per persoon dat alleen voor dit token geldt, "
            "de gemeente, doelgroep, leerroute, status, eindreden, cohort en datums tot op de "
            "maand. Nooit een BSN, naam, adres of geboortedatum. Gepseudonimiseerd is niet "
            "anoniem: het blijven persoonsgegevens (ADR 0091)."
        ),
        parameters=[
            OpenApiParameter("status", str, enum=Status.values, description=_("Filter op status")),
            OpenApiParameter(
                "doelgroep",
                str,
                enum=[code for code, _label in keuzes(Doelgroep)],
                description=_("Filter op doelgroep"),
            ),
            OpenApiParameter("cohort", int, description=_("Filter op jaar van aanmelding")),
            *LIJST,
        ],
        responses={200: FeitSerializer(many=True), **FOUTEN},
    )
    def get(self, request):
        return self.lijst()


class Kengetallen(Lijst):
    bereik = "statistiek"
    serializer_class = KengetalSerializer

    def rijen(self):
        return selectors.kengetallen_api(
            actor=self.actor, **self.params_lezen(KengetallenFilterSerializer)
        )

    @extend_schema(
        tags=TAG,
        operation_id="statistiek_kengetallen",
        summary=_("De stuurcijfers, rij voor rij (aantallen per maand, doelgroep en leerroute)"),
        description=_(
            "De vooraf berekende kengetallen van de dashboards (ADR 0068): geen persoon, dus "
            "geen record in het verwerkingenlogboek."
        ),
        parameters=[
            OpenApiParameter("sleutel", str, description=_("Filter op kengetal")),
            OpenApiParameter("van", OpenApiTypes.DATE, description=_("Vanaf de maand van")),
            OpenApiParameter("tot", OpenApiTypes.DATE, description=_("Tot en met")),
            *LIJST,
        ],
        responses={200: KengetalSerializer(many=True), **FOUTEN},
    )
    def get(self, request):
        return self.lijst()
