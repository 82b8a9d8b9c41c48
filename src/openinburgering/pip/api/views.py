from django.db import transaction
from django.http import FileResponse, Http404
from django.utils.translation import gettext as _

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import APIView

from openinburgering import brieven
from openinburgering.accounts.context import actor_uit_request
from openinburgering.api.permissions import HeeftGemeenteToken
from openinburgering.api.problems import PROBLEM_SCHEMA, regels_probleem
from openinburgering.core.exceptions import RegelsGeschonden
from openinburgering.inburgeraars import selectors as inburgeraar_selectors
from openinburgering.inburgeraars.api.views import CONFLICT, FOUTEN, IF_MATCH, _versie_uit_if_match
from openinburgering.logboek.models import Activiteit
from openinburgering.logboek.services import verwerkingen_vastleggen
from openinburgering.pip import selectors, services

from .serializers import API_NAAM, PipSerializer

PROBLEM = "application/problem+json"
REGELS = {
    (400, PROBLEM): OpenApiResponse(
        PROBLEM_SCHEMA,
        description="Ongeldige invoer of een geschonden regel: `invalidParams[].code` is het "
        "regel-id (bijvoorbeeld R14), `reason` de uitleg met het artikel.",
    )
}


def _regels_probleem(exc: RegelsGeschonden):
    # The violations name the model's fields; the API names them in camelCase.
    return regels_probleem(exc, API_NAAM)


def _log(request, pip, activiteit):
    with transaction.atomic():
        verwerkingen_vastleggen(
            actor=actor_uit_request(request),
            activiteit=activiteit,
            pseudoniemen=[pip.dossier.inburgeraar.pseudoniem],
        )


class PipAanmaken(APIView):
    permission_classes = [HeeftGemeenteToken]

    @extend_schema(
        operation_id="pip_create",
        summary=_("Concept-PIP aanmaken"),
        description=_(
            "Maakt een concept-PIP. Breekt het concept een regel uit de Wet inburgering 2021 of "
            "van DUO, dan volgt 400 met elk geschonden regel-id in `invalidParams`."
        ),
        request=PipSerializer,
        responses={201: PipSerializer, **FOUTEN, **REGELS},
    )
    def post(self, request, uuid):
        actor = actor_uit_request(request)
        inburgeraar = inburgeraar_selectors.inburgeraar_get(actor=actor, uuid=uuid)
        serializer = PipSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        reden = data.pop("reden", "eerste")
        try:
            pip = services.pip_concept_aanmaken(
                actor=actor, dossier=inburgeraar.dossier, reden=reden, streng=True, **data
            )
        except RegelsGeschonden as exc:
            return _regels_probleem(exc)
        return Response(
            PipSerializer(pip).data,
            status=status.HTTP_201_CREATED,
            headers={"ETag": f'"{pip.versie}"'},
        )


class PipDetail(APIView):
    permission_classes = [HeeftGemeenteToken]

    @extend_schema(
        operation_id="pip_read",
        summary=_("Eén PIP-versie"),
        responses={200: PipSerializer, **FOUTEN},
    )
    def get(self, request, uuid):
        pip = selectors.pip_get(actor=actor_uit_request(request), uuid=uuid)
        _log(request, pip, Activiteit.INZIEN)
        return Response(PipSerializer(pip).data, headers={"ETag": f'"{pip.versie}"'})


class PipVaststellen(APIView):
    permission_classes = [HeeftGemeenteToken]

    @extend_schema(
        operation_id="pip_vaststellen",
        summary=_("Concept-PIP vaststellen"),
        description=_(
            "Stelt het concept vast als beschikking: de brief wordt gemaakt, de bezwaartermijn "
            "berekend (R23) en het PIP gaat via de outbox naar DUO."
        ),
        parameters=[IF_MATCH],
        request=None,
        responses={200: PipSerializer, **CONFLICT, **FOUTEN, **REGELS},
    )
    def post(self, request, uuid):
        actor = actor_uit_request(request)
        pip = selectors.pip_get(actor=actor, uuid=uuid)
        try:
            pip = services.pip_vaststellen(
                actor=actor, pip=pip, versie=_versie_uit_if_match(request)
            )
        except RegelsGeschonden as exc:
            return _regels_probleem(exc)
        return Response(PipSerializer(pip).data, headers={"ETag": f'"{pip.versie}"'})


class Beschikking(APIView):
    permission_classes = [HeeftGemeenteToken]

    @extend_schema(
        operation_id="pip_beschikking",
        summary=_("De beschikking (brief) als PDF"),
        responses={
            (200, "application/pdf"): OpenApiResponse(OpenApiTypes.BINARY, description="PDF"),
            **FOUTEN,
        },
    )
    def get(self, request, uuid):
        pip = selectors.pip_get(actor=actor_uit_request(request), uuid=uuid)
        if not pip.beschikking_pad:
            raise Http404
        pad = brieven.pad(pip.beschikking_pad)
        if not pad.exists():
            raise Http404
        _log(request, pip, Activiteit.EXPORTEREN)
        return FileResponse(
            pad.open("rb"),
            content_type="application/pdf",
            filename=f"beschikking-pip-{pip.volgnummer}.pdf",
        )
