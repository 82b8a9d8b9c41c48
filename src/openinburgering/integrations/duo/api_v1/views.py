"""DUO's side of the work, read-only: the work items the exchange raised and the state of every
message the gemeente owes DUO (the outbox)."""

from uuid import UUID

from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics

from openinburgering.accounts.context import actor_uit_request
from openinburgering.api.bouwstenen import FIELDS, Schema, Velden
from openinburgering.api.permissions import HeeftGemeenteToken
from openinburgering.api.schema import PAGINA
from openinburgering.core.replica import leest_van_replica
from openinburgering.inburgeraars.api.views import FOUTEN
from openinburgering.integrations.duo import selectors
from openinburgering.integrations.duo.models import (
    MeldingSoort,
    UitgaandBericht,
    UitgaandStatus,
    Werkitem,
    WerkitemStatus,
)
from openinburgering.logboek.models import Activiteit
from openinburgering.logboek.services import verwerkingen_vastleggen

from .serializers import UitgaandBerichtSerializer, WerkitemSerializer

INBURGERAAR = OpenApiParameter(
    "inburgeraar", str, description=_("Alleen die van deze inburgeraar (uuid).")
)


def _inburgeraar(qs, waarde: str, veld: str):
    if not waarde:
        return qs
    try:
        return qs.filter(**{veld: UUID(waarde)})
    except ValueError:
        return qs.none()


def _log(request, pseudoniemen):
    verwerkingen_vastleggen(
        actor=actor_uit_request(request),
        activiteit=Activiteit.LIJST,
        pseudoniemen=[p for p in pseudoniemen if p],
    )


class Werkitems(Velden, generics.GenericAPIView):
    permission_classes = [HeeftGemeenteToken]
    bereik = "duo"
    serializer_class = WerkitemSerializer
    schema = Schema()
    velden_serializers = {"GET": WerkitemSerializer}
    queryset = Werkitem.objects.none()  # for the schema; a request reads through selectors

    @extend_schema(
        operation_id="duo_werkitem_list",
        summary=_("Werkitems uit de uitwisseling met DUO"),
        parameters=[
            OpenApiParameter(
                "status",
                str,
                enum=WerkitemStatus.values,
                description=_("Filter op status (standaard: alle)."),
            ),
            INBURGERAAR,
            *PAGINA,
            FIELDS,
        ],
        responses={200: WerkitemSerializer(many=True), **FOUTEN},
    )
    @method_decorator(leest_van_replica)
    def get(self, request):
        actor = actor_uit_request(request)
        params = request.query_params
        qs = selectors.werkitem_list(actor=actor, status=params.get("status", ""))
        qs = _inburgeraar(qs, params.get("inburgeraar", ""), "dossier__inburgeraar__uuid")
        pagina = self.paginate_queryset(qs)
        _log(
            request,
            [w.dossier.inburgeraar.pseudoniem if w.dossier else w.pseudoniem for w in pagina],
        )
        return self.get_paginated_response(WerkitemSerializer(pagina, many=True).data)


class Berichten(Velden, generics.GenericAPIView):
    permission_classes = [HeeftGemeenteToken]
    bereik = "duo"
    serializer_class = UitgaandBerichtSerializer
    schema = Schema()
    velden_serializers = {"GET": UitgaandBerichtSerializer}
    queryset = UitgaandBericht.objects.none()  # for the schema; a request reads via selectors

    @extend_schema(
        operation_id="duo_bericht_list",
        summary=_("Berichten aan DUO en hun stand (de outbox)"),
        parameters=[
            OpenApiParameter(
                "status", str, enum=UitgaandStatus.values, description=_("Filter op stand")
            ),
            OpenApiParameter(
                "soort", str, enum=MeldingSoort.values, description=_("Filter op soort")
            ),
            INBURGERAAR,
            *PAGINA,
            FIELDS,
        ],
        responses={200: UitgaandBerichtSerializer(many=True), **FOUTEN},
    )
    @method_decorator(leest_van_replica)
    def get(self, request):
        actor = actor_uit_request(request)
        params = request.query_params
        status = params.get("status", "")
        qs = selectors.uitgaand_list(actor=actor, statussen=[status] if status else None)
        qs = qs.select_related("inburgeraar")
        if params.get("soort"):
            qs = qs.filter(soort=params["soort"])
        qs = _inburgeraar(qs, params.get("inburgeraar", ""), "inburgeraar__uuid")
        pagina = self.paginate_queryset(qs)
        _log(request, [b.inburgeraar.pseudoniem if b.inburgeraar else b.pseudoniem for b in pagina])
        return self.get_paginated_response(UitgaandBerichtSerializer(pagina, many=True).data)
