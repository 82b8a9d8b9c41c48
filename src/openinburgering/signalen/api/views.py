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
from openinburgering.inburgeraars.codes import Doelgroep, keuzes
from openinburgering.logboek.models import Activiteit
from openinburgering.logboek.services import verwerkingen_vastleggen
from openinburgering.signalen import selectors
from openinburgering.signalen.models import Signaal, Soort

from .serializers import SignaalSerializer


class Werklijst(Velden, generics.GenericAPIView):
    """The gemeente's open work items. The engine closes an item when its facts no longer call
    for it (a PIP vastgesteld, a talk recorded): there is no "done" to send."""

    permission_classes = [HeeftGemeenteToken]
    bereik = "werklijst"
    serializer_class = SignaalSerializer
    schema = Schema()
    velden_serializers = {"GET": SignaalSerializer}
    queryset = Signaal.objects.none()  # for the schema; a request reads through selectors

    @extend_schema(
        operation_id="werklijst_list",
        summary=_("Open werk van de gemeente"),
        parameters=[
            OpenApiParameter("soort", str, enum=Soort.values, description=_("Filter op soort")),
            OpenApiParameter(
                "doelgroep",
                str,
                enum=[code for code, _label in keuzes(Doelgroep)],
                description=_("Filter op doelgroep"),
            ),
            OpenApiParameter(
                "toegewezen",
                bool,
                description=_("Alleen werk dat een medewerker heeft (true) of niet (false)."),
            ),
            OpenApiParameter(
                "inburgeraar", str, description=_("Alleen het werk van deze inburgeraar (uuid).")
            ),
            *PAGINA,
            FIELDS,
        ],
        responses={200: SignaalSerializer(many=True), **FOUTEN},
    )
    @method_decorator(leest_van_replica)
    def get(self, request):
        actor = actor_uit_request(request)
        params = request.query_params
        qs = selectors.werklijst_api(
            actor=actor,
            soort=params.get("soort", ""),
            doelgroep=params.get("doelgroep", ""),
            toegewezen={"true": True, "false": False}.get(params.get("toegewezen", "")),
            inburgeraar=params.get("inburgeraar", ""),
        )
        pagina = self.paginate_queryset(qs)
        verwerkingen_vastleggen(
            actor=actor,
            activiteit=Activiteit.LIJST,
            pseudoniemen=[s.dossier.inburgeraar.pseudoniem for s in pagina],
        )
        context = {"teksten": selectors.titelteksten(pagina)}
        return self.get_paginated_response(
            SignaalSerializer(pagina, many=True, context=context).data
        )
