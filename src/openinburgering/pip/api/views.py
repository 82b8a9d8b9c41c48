from django.db import transaction
from django.http import FileResponse, Http404
from django.utils.translation import gettext as _

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from openinburgering import brieven
from openinburgering.accounts.context import actor_uit_request
from openinburgering.api.bouwstenen import FIELDS, Schema, Velden
from openinburgering.api.permissions import HeeftGemeenteToken
from openinburgering.api.problems import PROBLEM_SCHEMA, problem, regels_probleem
from openinburgering.api.schema import PAGINA
from openinburgering.besluiten import services as besluiten_services
from openinburgering.core.exceptions import Geweigerd, RegelsGeschonden
from openinburgering.inburgeraars import selectors as inburgeraar_selectors
from openinburgering.inburgeraars.api.views import CONFLICT, FOUTEN, IF_MATCH, _versie_uit_if_match
from openinburgering.logboek.models import Activiteit
from openinburgering.logboek.services import verwerkingen_vastleggen
from openinburgering.pip import selectors, services
from openinburgering.pip.models import PipStatus, PipVersie

from .serializers import API_NAAM, BezwaarSerializer, PipSerializer, PipWijzigenSerializer

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


def _log_lijst(request, inburgeraar):
    # Outside a transaction: the record joins the request's one insert (logboek, ADR 0057).
    verwerkingen_vastleggen(
        actor=actor_uit_request(request),
        activiteit=Activiteit.LIJST,
        pseudoniemen=[inburgeraar.pseudoniem],
    )


def _geweigerd(exc: Geweigerd, veldnamen: dict[str, str]):
    naam = veldnamen.get(exc.veld or "", exc.veld) or "nonFieldErrors"
    params = [{"name": naam, "code": "geweigerd", "reason": exc.message}]
    return problem(400, detail=exc.message, code="geweigerd", invalid_params=params)


class PipAanmaken(Velden, GenericAPIView):
    """A person's PIP versions (every route, every reason) and a new concept."""

    permission_classes = [HeeftGemeenteToken]
    bereik = "pip"
    serializer_class = PipSerializer
    schema = Schema()
    velden_serializers = {"GET": PipSerializer, "POST": PipSerializer}

    queryset = PipVersie.objects.none()  # for the schema; a request reads through selectors

    @extend_schema(
        operation_id="pip_list",
        summary=_("De PIP-versies van een inburgeraar"),
        description=_(
            "Elke versie: het concept, de geldende (vastgesteld) en de vervangen versies, de "
            "nieuwste eerst."
        ),
        parameters=[
            OpenApiParameter(
                "status", str, enum=PipStatus.values, description=_("Filter op status")
            ),
            *PAGINA,
            FIELDS,
        ],
        responses={200: PipSerializer(many=True), **FOUTEN},
    )
    def get(self, request, uuid):
        actor = actor_uit_request(request)
        inburgeraar = inburgeraar_selectors.inburgeraar_get(actor=actor, uuid=uuid)
        qs = selectors.pip_versies(actor=actor, dossier=inburgeraar.dossier)
        status_filter = request.query_params.get("status", "")
        if status_filter:
            qs = qs.filter(status=status_filter)
        pagina = self.paginate_queryset(qs)
        _log_lijst(request, inburgeraar)
        return self.get_paginated_response(PipSerializer(pagina, many=True).data)

    @extend_schema(
        operation_id="pip_create",
        summary=_("Concept-PIP aanmaken"),
        description=_(
            "Maakt een concept-PIP. Breekt het concept een regel uit de Wet inburgering 2021 of "
            "van DUO, dan volgt 400 met elk geschonden regel-id in `invalidParams`."
        ),
        parameters=[FIELDS],
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


class PipDetail(Velden, APIView):
    permission_classes = [HeeftGemeenteToken]
    bereik = "pip"
    schema = Schema()
    velden_serializers = {"GET": PipSerializer, "PATCH": PipSerializer}

    @extend_schema(
        operation_id="pip_read",
        summary=_("Eén PIP-versie"),
        parameters=[FIELDS],
        responses={200: PipSerializer, **FOUTEN},
    )
    def get(self, request, uuid):
        pip = selectors.pip_get(actor=actor_uit_request(request), uuid=uuid)
        _log(request, pip, Activiteit.INZIEN)
        return Response(PipSerializer(pip).data, headers={"ETag": f'"{pip.versie}"'})

    @extend_schema(
        operation_id="pip_partial_update",
        summary=_("Een concept-PIP wijzigen"),
        description=_(
            "Wijzigt de velden die u stuurt; de rest blijft. Alleen een concept. Breekt het "
            "concept daarna een regel, dan volgt 400 met elk geschonden regel-id in "
            "`invalidParams` en verandert er niets. Stuur `If-Match` met de `versie` die u las."
        ),
        parameters=[IF_MATCH, FIELDS],
        request=PipWijzigenSerializer,
        responses={200: PipSerializer, **CONFLICT, **FOUTEN, **REGELS},
    )
    def patch(self, request, uuid):
        actor = actor_uit_request(request)
        pip = selectors.pip_get(actor=actor, uuid=uuid)
        versie = _versie_uit_if_match(request)
        serializer = PipWijzigenSerializer(pip, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        velden = {k: v for k, v in serializer.validated_data.items() if k in services.INHOUD}
        try:
            pip = services.pip_concept_opslaan(
                actor=actor, pip=pip, versie=versie, streng=True, **velden
            )
        except RegelsGeschonden as exc:
            return _regels_probleem(exc)
        pip = selectors.pip_get(actor=actor, uuid=uuid)
        return Response(PipSerializer(pip).data, headers={"ETag": f'"{pip.versie}"'})


class PipVaststellen(Velden, APIView):
    permission_classes = [HeeftGemeenteToken]
    bereik = "pip"
    schema = Schema()
    velden_serializers = {"POST": PipSerializer}

    @extend_schema(
        operation_id="pip_vaststellen",
        summary=_("Concept-PIP vaststellen"),
        description=_(
            "Stelt het concept vast als beschikking: de brief wordt gemaakt, de bezwaartermijn "
            "berekend (R23) en het PIP gaat via de outbox naar DUO."
        ),
        parameters=[IF_MATCH, FIELDS],
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
    bereik = "pip"

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


class PipBezwaren(Velden, GenericAPIView):
    """Bezwaar against the beschikking of a vastgestelde PIP version."""

    permission_classes = [HeeftGemeenteToken]
    bereik = "pip"
    serializer_class = BezwaarSerializer
    schema = Schema()
    velden_serializers = {"GET": BezwaarSerializer, "POST": BezwaarSerializer}
    queryset = PipVersie.objects.none()  # for the schema; a request reads through selectors
    VELDNAMEN = {"ontvangen_op": "ontvangenOp", "datum_ter_post": "datumTerPost"}

    @extend_schema(
        operation_id="pip_bezwaar_list",
        summary=_("Bezwaren tegen een PIP-besluit"),
        parameters=[*PAGINA, FIELDS],
        responses={200: BezwaarSerializer(many=True), **FOUTEN},
    )
    def get(self, request, uuid):
        actor = actor_uit_request(request)
        pip = selectors.pip_get(actor=actor, uuid=uuid)
        pagina = self.paginate_queryset(selectors.pip_bezwaren(actor=actor, pip=pip))
        _log(request, pip, Activiteit.LIJST)
        return self.get_paginated_response(BezwaarSerializer(pagina, many=True).data)

    @extend_schema(
        operation_id="pip_bezwaar_create",
        summary=_("Een bezwaar tegen een PIP-besluit registreren"),
        description=_(
            "Zoals op het scherm: of het bezwaar tijdig is volgt uit R23, de beslistermijn uit "
            "R67. Een concept-PIP is geen besluit: daartegen is geen bezwaar (409)."
        ),
        parameters=[FIELDS],
        request=BezwaarSerializer,
        responses={201: BezwaarSerializer, **CONFLICT, **FOUTEN},
    )
    def post(self, request, uuid):
        actor = actor_uit_request(request)
        pip = selectors.pip_get(actor=actor, uuid=uuid)
        serializer = BezwaarSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        if pip.beschikking is None:
            return problem(
                409,
                detail=_(
                    "Dit PIP is nog niet vastgesteld: er is geen besluit om bezwaar tegen te maken."
                ),
                code="conflict",
            )
        try:
            bezwaar = besluiten_services.bezwaar_registreren(
                actor=actor, beschikking=pip.beschikking, **serializer.validated_data
            )
        except Geweigerd as exc:
            return _geweigerd(exc, self.VELDNAMEN)
        return Response(BezwaarSerializer(bezwaar).data, status=status.HTTP_201_CREATED)
