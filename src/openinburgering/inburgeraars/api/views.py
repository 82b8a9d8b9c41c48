import contextlib

from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _

from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from openinburgering.accounts.context import actor_uit_request
from openinburgering.api.bouwstenen import FIELDS, Schema, Velden
from openinburgering.api.permissions import HeeftGemeenteToken
from openinburgering.api.problems import PROBLEM_SCHEMA
from openinburgering.api.schema import PAGINA
from openinburgering.core import brp
from openinburgering.core.replica import leest_van_replica
from openinburgering.inburgeraars import selectors, services
from openinburgering.inburgeraars.models import Bron, Gebeurtenis
from openinburgering.logboek.models import Activiteit, Doel
from openinburgering.logboek.services import verwerkingen_vastleggen

from .serializers import (
    ALS_DICT_VELDEN,
    DossierTellingSerializer,
    GebeurtenisSerializer,
    InburgeraarAanmakenSerializer,
    InburgeraarDetailSerializer,
    InburgeraarLijstSerializer,
    InburgeraarSerializer,
    StatuswijzigingSerializer,
    ZoekSerializer,
)

PROBLEM = "application/problem+json"
FOUTEN = {
    (400, PROBLEM): OpenApiResponse(PROBLEM_SCHEMA, description="Ongeldige invoer"),
    (401, PROBLEM): OpenApiResponse(PROBLEM_SCHEMA, description="Niet geauthenticeerd"),
    (404, PROBLEM): OpenApiResponse(PROBLEM_SCHEMA, description="Niet gevonden"),
}
CONFLICT = {(409, PROBLEM): OpenApiResponse(PROBLEM_SCHEMA, description="Tussentijds gewijzigd")}
IF_MATCH = OpenApiParameter(
    "If-Match",
    location=OpenApiParameter.HEADER,
    required=False,
    description=_('De `versie` die u las, als `"3"`; bij een tussentijdse wijziging volgt 409.'),
)
# What a PATCH may change: the service's list, not a copy of it.
VELDEN = frozenset(services.WIJZIGBARE_VELDEN)


def _versie_uit_if_match(request) -> int | None:
    waarde = request.headers.get("If-Match")
    if not waarde:
        return None
    try:
        return int(waarde.strip().removeprefix("W/").strip('"'))
    except ValueError:
        raise ValidationError(
            {
                "If-Match": [
                    _('Gebruik de versie als getal tussen aanhalingstekens, bijvoorbeeld "3".')
                ]
            }
        ) from None


def _log(request, activiteit, inburgeraars):
    # Outside a transaction: the records join the request's one insert (logboek, ADR 0057).
    verwerkingen_vastleggen(
        actor=actor_uit_request(request),
        activiteit=activiteit,
        pseudoniemen=[i.pseudoniem for i in inburgeraars],
    )


LINK = OpenApiParameter(
    "Link",
    location=OpenApiParameter.HEADER,
    response=[200],
    description=_('De volgende en vorige pagina (RFC 8288), als `<url>; rel="next"`.'),
)


class InburgeraarListCreate(Velden, generics.GenericAPIView):
    permission_classes = [HeeftGemeenteToken]
    bereik = "inburgeraars"
    serializer_class = InburgeraarSerializer
    schema = Schema()
    velden_serializers = {"GET": InburgeraarLijstSerializer, "POST": InburgeraarDetailSerializer}

    def _pagina_query(self) -> tuple:
        # Rows, page keys and bounded join columns for ``api.pagination`` (ADR 0057); once per
        # request.
        if not hasattr(self, "_query"):
            params = self.request.query_params
            self._query = selectors.inburgeraar_pagina_query(
                actor=actor_uit_request(self.request),
                status=params.get("status", ""),
                doelgroep=params.get("doelgroep", ""),
                zoekterm=params.get("vNummer", ""),
            )
        return self._query

    def get_queryset(self):
        # The answer shows no klantregisseur: no user row per person (ADR 0061).
        return self._pagina_query()[0].select_related(None).select_related("dossier")

    #: What a list row shows (``serializers.als_dict``) and the processing log needs: the page
    #: is read as values, not as persons (``core.pagination.keyset_rijen``, ADR 0061).
    keyset_velden = (*ALS_DICT_VELDEN, "pseudoniem")

    @property
    def keyset_sleutels(self):
        return self._pagina_query()[1]

    @property
    def keyset_ook(self) -> tuple[str, ...]:
        return self._pagina_query()[2]

    @extend_schema(
        operation_id="inburgeraar_list",
        summary=_("Inburgeraars van de gemeente"),
        parameters=[
            OpenApiParameter("status", str, description=_("Filter op dossierstatus")),
            OpenApiParameter("doelgroep", str, description=_("Filter op doelgroep")),
            OpenApiParameter("vNummer", str, description=_("Filter op V-nummer")),
            OpenApiParameter(
                "cursor",
                str,
                description=_("De cursor uit `next` of `previous` (of de `Link`-header)."),
            ),
            OpenApiParameter(
                "pageSize", int, description=_("Aantal per pagina (standaard 50, hoogstens 200).")
            ),
            LINK,
            FIELDS,
        ],
        responses={200: InburgeraarSerializer(many=True), **FOUTEN},
    )
    @method_decorator(leest_van_replica)
    def get(self, request):
        pagina = self.paginate_queryset(self.get_queryset())
        _log(request, Activiteit.LIJST, pagina)
        return self.get_paginated_response(InburgeraarLijstSerializer(pagina, many=True).data)

    @extend_schema(
        operation_id="inburgeraar_create",
        summary=_("Inburgeraar aanmaken"),
        parameters=[FIELDS],
        request=InburgeraarAanmakenSerializer,
        responses={201: InburgeraarDetailSerializer, **FOUTEN},
    )
    def post(self, request):
        serializer = InburgeraarAanmakenSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        bsn = data.pop("bsn")
        actor = actor_uit_request(request)
        inburgeraar = services.inburgeraar_aanmaken(actor=actor, bsn=bsn, **data)
        if brp.aan():
            # As on the screen: the BRP's name, birth date and address replace what was sent.
            # When the BRP cannot answer, the person stays as sent and is read again later
            # (the failure is remembered; ADR 0062); the 201 stands either way.
            with contextlib.suppress(brp.BrpFout):
                brp.brp().bijwerken(actor=actor, inburgeraar=inburgeraar, doel=Doel.AANMAKEN)
            inburgeraar.refresh_from_db()
        return Response(
            InburgeraarDetailSerializer(inburgeraar).data, status=status.HTTP_201_CREATED
        )


class InburgeraarDetail(Velden, APIView):
    permission_classes = [HeeftGemeenteToken]
    bereik = "inburgeraars"
    schema = Schema()
    velden_serializers = {"GET": InburgeraarDetailSerializer, "PATCH": InburgeraarDetailSerializer}

    @extend_schema(
        operation_id="inburgeraar_read",
        summary=_("Eén inburgeraar"),
        parameters=[FIELDS],
        responses={200: InburgeraarDetailSerializer, **FOUTEN},
    )
    def get(self, request, uuid):
        inburgeraar = selectors.inburgeraar_get(actor=actor_uit_request(request), uuid=uuid)
        _log(request, Activiteit.INZIEN, [inburgeraar])
        return Response(
            InburgeraarDetailSerializer(inburgeraar).data,
            headers={"ETag": f'"{inburgeraar.versie}"'},
        )

    @extend_schema(
        operation_id="inburgeraar_partial_update",
        summary=_("Gegevens van een inburgeraar wijzigen"),
        parameters=[IF_MATCH, FIELDS],
        request=InburgeraarSerializer,
        responses={
            200: InburgeraarDetailSerializer,
            **CONFLICT,
            **FOUTEN,
        },
    )
    def patch(self, request, uuid):
        actor = actor_uit_request(request)
        inburgeraar = selectors.inburgeraar_get(actor=actor, uuid=uuid)
        versie = _versie_uit_if_match(request)
        serializer = InburgeraarSerializer(inburgeraar, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        velden = {k: v for k, v in serializer.validated_data.items() if k in VELDEN}
        inburgeraar = services.inburgeraar_wijzigen(
            actor=actor, inburgeraar=inburgeraar, versie=versie, **velden
        )
        return Response(
            InburgeraarDetailSerializer(inburgeraar).data,
            headers={"ETag": f'"{inburgeraar.versie}"'},
        )


class InburgeraarZoek(Velden, APIView):
    """Search by BSN as a POST, so the number stays out of URLs and access logs."""

    permission_classes = [HeeftGemeenteToken]
    schema = Schema()
    velden_serializers = {"POST": InburgeraarDetailSerializer}
    bereik = "inburgeraars"
    bereik_acties = {"POST": "lezen"}  # a search: it reads

    @extend_schema(
        operation_id="inburgeraar_zoek",
        summary=_("Zoeken op BSN"),
        parameters=[FIELDS],
        request=ZoekSerializer,
        responses={200: InburgeraarDetailSerializer(many=True), **FOUTEN},
    )
    def post(self, request):
        serializer = ZoekSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        gevonden = list(
            selectors.inburgeraar_zoek_bsn(
                actor=actor_uit_request(request), bsn=serializer.validated_data["bsn"]
            )
        )
        _log(request, Activiteit.ZOEKEN, gevonden)
        return Response(InburgeraarDetailSerializer(gevonden, many=True).data)


class Statuswijziging(Velden, APIView):
    permission_classes = [HeeftGemeenteToken]
    bereik = "inburgeraars"
    schema = Schema()
    velden_serializers = {"POST": InburgeraarDetailSerializer}

    @extend_schema(
        operation_id="dossier_statuswijziging",
        summary=_("De status van het dossier wijzigen"),
        parameters=[IF_MATCH, FIELDS],
        request=StatuswijzigingSerializer,
        responses={
            200: InburgeraarDetailSerializer,
            **CONFLICT,
            **FOUTEN,
        },
    )
    def post(self, request, uuid):
        actor = actor_uit_request(request)
        inburgeraar = selectors.inburgeraar_get(actor=actor, uuid=uuid)
        serializer = StatuswijzigingSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.dossier_status_wijzigen(
            actor=actor,
            dossier=inburgeraar.dossier,
            naar=serializer.validated_data["status"],
            eindreden=serializer.validated_data["eindreden"],
            versie=_versie_uit_if_match(request),
        )
        inburgeraar = selectors.inburgeraar_get(actor=actor, uuid=uuid)
        return Response(InburgeraarDetailSerializer(inburgeraar).data)


class Tijdlijn(Velden, generics.GenericAPIView):
    """What happened in the dossier: DUO's events, the gemeente's decisions, the linked systems'
    changes; the latest recorded first."""

    permission_classes = [HeeftGemeenteToken]
    bereik = "tijdlijn"
    serializer_class = GebeurtenisSerializer
    schema = Schema()
    velden_serializers = {"GET": GebeurtenisSerializer}
    queryset = Gebeurtenis.objects.none()  # for the schema; a request reads through selectors

    @extend_schema(
        operation_id="tijdlijn_list",
        summary=_("De tijdlijn van het dossier"),
        parameters=[
            OpenApiParameter("soort", str, description=_("Filter op soort gebeurtenis")),
            OpenApiParameter("bron", str, enum=Bron.values, description=_("Filter op bron")),
            *PAGINA,
            FIELDS,
        ],
        responses={200: GebeurtenisSerializer(many=True), **FOUTEN},
    )
    @method_decorator(leest_van_replica)
    def get(self, request, uuid):
        actor = actor_uit_request(request)
        inburgeraar = selectors.inburgeraar_get(actor=actor, uuid=uuid)
        qs = selectors.gebeurtenissen(actor=actor, dossier=inburgeraar.dossier)
        for veld in ("soort", "bron"):
            if request.query_params.get(veld):
                qs = qs.filter(**{veld: request.query_params[veld]})
        pagina = self.paginate_queryset(qs)
        _log(request, Activiteit.INZIEN, [inburgeraar])
        return self.get_paginated_response(GebeurtenisSerializer(pagina, many=True).data)


class DossierTellingen(APIView):
    """Counts for a data warehouse: no person, so no processing-log record."""

    permission_classes = [HeeftGemeenteToken]
    bereik = "statistiek"

    @extend_schema(
        operation_id="statistiek_dossiers",
        summary=_("Aantal dossiers per status, eindreden en doelgroep"),
        description=_(
            "Alleen aantallen, geen personen: voor een datawarehouse met alleen het bereik "
            "`statistiek:lezen`."
        ),
        responses={200: DossierTellingSerializer(many=True), **FOUTEN},
    )
    @method_decorator(leest_van_replica)
    def get(self, request):
        tellingen = selectors.dossier_tellingen(actor=actor_uit_request(request))
        return Response(DossierTellingSerializer(tellingen, many=True).data)
