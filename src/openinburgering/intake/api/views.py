"""The brede intake and the learnability test through the API: read, start, save the concept
(If-Match), close (R26/R27), the meetings, and the LBT release to DUO (R27). Every write goes
through ``intake.services``, as the screen's."""

from django.utils.translation import gettext as _

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics, status
from rest_framework.response import Response
from rest_framework.views import APIView

from openinburgering.accounts.context import actor_uit_request
from openinburgering.api.bouwstenen import FIELDS, Schema, Velden
from openinburgering.api.permissions import HeeftGemeenteToken
from openinburgering.api.problems import PROBLEM_SCHEMA, problem, regels_probleem
from openinburgering.api.schema import PAGINA
from openinburgering.core.exceptions import Geweigerd, RegelsGeschonden
from openinburgering.inburgeraars import selectors as inburgeraar_selectors
from openinburgering.inburgeraars.api.views import CONFLICT, FOUTEN, IF_MATCH, _versie_uit_if_match
from openinburgering.intake import selectors, services
from openinburgering.intake.models import BredeIntake, Intakegesprek
from openinburgering.logboek.models import Activiteit
from openinburgering.logboek.services import verwerkingen_vastleggen

from .serializers import REGEL_VELDEN, VELDEN, GesprekSerializer, IntakeSerializer

PROBLEM = "application/problem+json"
REGELS = {
    (400, PROBLEM): OpenApiResponse(
        PROBLEM_SCHEMA,
        description="Ongeldige invoer of een geschonden regel: `invalidParams[].code` is het "
        "regel-id (bijvoorbeeld R26), `reason` de uitleg met het artikel.",
    )
}
GESPREK_VELDEN = {"tolk_taal": "tolkTaal", "tolk_gebruikt": "tolkGebruikt"}


def _log(request, intake, activiteit):
    verwerkingen_vastleggen(
        actor=actor_uit_request(request),
        activiteit=activiteit,
        pseudoniemen=[intake.dossier.inburgeraar.pseudoniem],
    )


def _geweigerd(exc: Geweigerd, veldnamen: dict[str, str]):
    naam = veldnamen.get(exc.veld or "", exc.veld) or "nonFieldErrors"
    params = [{"name": naam, "code": "geweigerd", "reason": exc.message}]
    return problem(400, detail=exc.message, code="geweigerd", invalid_params=params)


def _antwoord(intake, status_code=200):
    return Response(
        IntakeSerializer(intake).data, status=status_code, headers={"ETag": f'"{intake.versie}"'}
    )


def _intake(request, uuid) -> BredeIntake:
    actor = actor_uit_request(request)
    inburgeraar = inburgeraar_selectors.inburgeraar_get(actor=actor, uuid=uuid)
    return selectors.intake_van_dossier(actor=actor, dossier=inburgeraar.dossier)


class Intake(Velden, APIView):
    permission_classes = [HeeftGemeenteToken]
    bereik = "intake"
    schema = Schema()
    velden_serializers = {m: IntakeSerializer for m in ("GET", "POST", "PATCH")}

    @extend_schema(
        operation_id="intake_read",
        summary=_("De brede intake van een inburgeraar"),
        description=_("Met de leerbaarheidstoets (R28) en het advies voor de leerroute (R29)."),
        parameters=[FIELDS],
        responses={200: IntakeSerializer, **FOUTEN},
    )
    def get(self, request, uuid):
        intake = _intake(request, uuid)
        _log(request, intake, Activiteit.INZIEN)
        return _antwoord(intake)

    @extend_schema(
        operation_id="intake_starten",
        summary=_("De brede intake starten"),
        description=_(
            "Start de intake (het dossier gaat naar ‘intake’). Loopt er al een, dan volgt die "
            "met 200."
        ),
        parameters=[FIELDS],
        request=None,
        responses={201: IntakeSerializer, 200: IntakeSerializer, **FOUTEN},
    )
    def post(self, request, uuid):
        actor = actor_uit_request(request)
        inburgeraar = inburgeraar_selectors.inburgeraar_get(actor=actor, uuid=uuid)
        bestond = BredeIntake.objects.filter(dossier=inburgeraar.dossier).exists()
        try:
            intake = services.intake_starten(actor=actor, dossier=inburgeraar.dossier)
        except Geweigerd as exc:
            return _geweigerd(exc, {})
        return _antwoord(intake, 200 if bestond else 201)

    @extend_schema(
        operation_id="intake_partial_update",
        summary=_("De concept-intake bijwerken"),
        description=_(
            "Wijzigt de onderdelen die u stuurt. Stuur `If-Match` met de `versie` die u las. "
            "Gezondheid staat niet in de API: dat onderdeel legt de klantregisseur vast."
        ),
        parameters=[IF_MATCH, FIELDS],
        request=IntakeSerializer,
        responses={200: IntakeSerializer, **CONFLICT, **FOUTEN},
    )
    def patch(self, request, uuid):
        actor = actor_uit_request(request)
        intake = _intake(request, uuid)
        versie = _versie_uit_if_match(request)
        serializer = IntakeSerializer(intake, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        modelvelden = set(VELDEN.values())
        velden = {k: v for k, v in serializer.validated_data.items() if k in modelvelden}
        try:
            intake = services.intake_opslaan(actor=actor, intake=intake, versie=versie, **velden)
        except Geweigerd as exc:
            return _geweigerd(exc, REGEL_VELDEN)
        return _antwoord(selectors.intake_van_dossier(actor=actor, dossier=intake.dossier))


class IntakeAfsluiten(Velden, APIView):
    permission_classes = [HeeftGemeenteToken]
    bereik = "intake"
    schema = Schema()
    velden_serializers = {"POST": IntakeSerializer}

    @extend_schema(
        operation_id="intake_afsluiten",
        summary=_("De brede intake afsluiten"),
        description=_(
            "Zoals op het scherm: ontbreekt een verplicht onderdeel (R26) of de "
            "leerbaarheidstoets (R27), dan volgt 400 met elk regel-id in `invalidParams`."
        ),
        parameters=[IF_MATCH, FIELDS],
        request=None,
        responses={200: IntakeSerializer, **CONFLICT, **FOUTEN, **REGELS},
    )
    def post(self, request, uuid):
        actor = actor_uit_request(request)
        intake = _intake(request, uuid)
        try:
            intake = services.intake_afsluiten(
                actor=actor, intake=intake, versie=_versie_uit_if_match(request)
            )
        except RegelsGeschonden as exc:
            return regels_probleem(exc, REGEL_VELDEN)
        except Geweigerd as exc:
            return _geweigerd(exc, {})
        return _antwoord(intake)


class IntakeGesprekken(Velden, generics.GenericAPIView):
    permission_classes = [HeeftGemeenteToken]
    bereik = "intake"
    serializer_class = GesprekSerializer
    schema = Schema()
    velden_serializers = {"GET": GesprekSerializer, "POST": GesprekSerializer}
    queryset = Intakegesprek.objects.none()  # for the schema; a request reads via selectors

    @extend_schema(
        operation_id="intake_gesprek_list",
        summary=_("De gesprekken van de brede intake"),
        parameters=[*PAGINA, FIELDS],
        responses={200: GesprekSerializer(many=True), **FOUTEN},
    )
    def get(self, request, uuid):
        actor = actor_uit_request(request)
        intake = _intake(request, uuid)
        pagina = self.paginate_queryset(selectors.intakegesprekken(actor=actor, intake=intake))
        _log(request, intake, Activiteit.LIJST)
        return self.get_paginated_response(GesprekSerializer(pagina, many=True).data)

    @extend_schema(
        operation_id="intake_gesprek_create",
        summary=_("Een gesprek van de brede intake vastleggen"),
        parameters=[FIELDS],
        request=GesprekSerializer,
        responses={201: GesprekSerializer, **FOUTEN},
    )
    def post(self, request, uuid):
        actor = actor_uit_request(request)
        intake = _intake(request, uuid)
        serializer = GesprekSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            gesprek = services.gesprek_toevoegen(
                actor=actor, intake=intake, **serializer.validated_data
            )
        except Geweigerd as exc:
            return _geweigerd(exc, GESPREK_VELDEN)
        return Response(GesprekSerializer(gesprek).data, status=status.HTTP_201_CREATED)


class LbtVrijstelling(Velden, APIView):
    permission_classes = [HeeftGemeenteToken]
    bereik = "intake"
    schema = Schema()
    velden_serializers = {"POST": IntakeSerializer}

    @extend_schema(
        operation_id="intake_lbt_vrijstelling",
        summary=_("Aan DUO melden dat de leerbaarheidstoets vervalt (R27)"),
        description=_(
            "Bij een visuele of auditieve beperking (eerst in de intake vastgelegd). De melding "
            "gaat via de outbox naar DUO; de stand staat bij de berichten aan DUO."
        ),
        parameters=[FIELDS],
        request=None,
        responses={200: IntakeSerializer, **FOUTEN, **REGELS},
    )
    def post(self, request, uuid):
        actor = actor_uit_request(request)
        intake = _intake(request, uuid)
        try:
            intake = services.lbt_vrijstelling_melden(actor=actor, intake=intake)
        except RegelsGeschonden as exc:
            return regels_probleem(exc, REGEL_VELDEN)
        except Geweigerd as exc:
            return _geweigerd(exc, {})
        return _antwoord(selectors.intake_van_dossier(actor=actor, dossier=intake.dossier))
