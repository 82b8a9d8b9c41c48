"""Progress talks (voortgangsgesprekken) through the API (ADR 0076), through the services the
screens use (``pip.services.gesprek_plannen`` and ``gesprek_vastleggen``)."""

from django.utils.translation import gettext_lazy as _

from drf_spectacular.utils import extend_schema

from openinburgering.api.bouwstenen import (
    CONFLICT,
    FIELDS,
    FOUTEN,
    IF_MATCH,
    LIJST,
    Bron,
    etag,
    log,
    versie_uit_if_match,
)
from openinburgering.inburgeraars.api.bouwstenen import LijstVanPersoon
from openinburgering.logboek.models import Activiteit
from openinburgering.pip import selectors, services
from openinburgering.pip.models import GesprekStatus

from .serializers_gesprekken import (
    GesprekPlannenSerializer,
    GesprekVastleggenSerializer,
    VoortgangsgesprekSerializer,
)

TAG = ["traject"]


class Voortgangsgesprekken(LijstVanPersoon):
    bereik = "traject"
    serializer_class = VoortgangsgesprekSerializer
    veldnamen = {"gepland_op": "geplandOp"}
    filters = {"status": ("status", GesprekStatus.values)}

    def rijen(self):
        return selectors.gesprek_api_list(actor=self.actor, dossier=self.persoon().dossier)

    @extend_schema(
        tags=TAG,
        operation_id="voortgangsgesprek_list",
        summary=_("Voortgangsgesprekken van een inburgeraar"),
        parameters=LIJST,
        responses={200: VoortgangsgesprekSerializer(many=True), **FOUTEN},
    )
    def get(self, request, uuid):
        return self.lijst()

    @extend_schema(
        tags=TAG,
        operation_id="voortgangsgesprek_create",
        summary=_("Een voortgangsgesprek plannen"),
        description=_("Alleen met een vastgesteld PIP: de gesprekken volgen uit het PIP."),
        parameters=[FIELDS],
        request=GesprekPlannenSerializer,
        responses={201: VoortgangsgesprekSerializer, **FOUTEN},
    )
    def post(self, request, uuid):
        dossier = self.persoon().dossier
        invoer = self.invoer_lezen(GesprekPlannenSerializer)
        gesprek = services.gesprek_plannen(
            actor=self.actor, dossier=dossier, gepland_op=invoer["geplandOp"]
        )
        return self.antwoord(gesprek, status=201, headers=etag(gesprek))


class Voortgangsgesprek(Bron):
    bereik = "traject"
    serializer_class = VoortgangsgesprekSerializer

    @extend_schema(
        tags=TAG,
        operation_id="voortgangsgesprek_read",
        summary=_("Eén voortgangsgesprek"),
        parameters=[FIELDS],
        responses={200: VoortgangsgesprekSerializer, **FOUTEN},
    )
    def get(self, request, uuid):
        gesprek = selectors.gesprek_get(actor=self.actor, uuid=uuid)
        log(self.actor, Activiteit.INZIEN, [gesprek.dossier.inburgeraar.pseudoniem])
        return self.antwoord(gesprek, headers=etag(gesprek))


class GesprekVastleggen(Bron):
    bereik = "traject"
    serializer_class = VoortgangsgesprekSerializer
    veldnamen = {"gevoerd_op": "gevoerdOp"}

    @extend_schema(
        tags=TAG,
        operation_id="voortgangsgesprek_vastleggen",
        summary=_("Een gepland voortgangsgesprek vastleggen (gevoerd of gemist)"),
        description=_(
            "Zoals het scherm: het volgende gesprek wordt gepland volgens de frequentie in het "
            "PIP. Een gesprek dat al is vastgelegd, of een verouderde `If-Match`, geeft 409."
        ),
        parameters=[IF_MATCH, FIELDS],
        request=GesprekVastleggenSerializer,
        responses={200: VoortgangsgesprekSerializer, **CONFLICT, **FOUTEN},
    )
    def post(self, request, uuid):
        gesprek = selectors.gesprek_get(actor=self.actor, uuid=uuid)
        versie = versie_uit_if_match(request)
        invoer = self.invoer_lezen(GesprekVastleggenSerializer)
        data = invoer
        data["gevoerd_op"] = data.pop("gevoerdOp")
        gesprek = services.gesprek_vastleggen(
            actor=self.actor, gesprek=gesprek, versie=versie, **data
        )
        return self.antwoord(gesprek, headers=etag(gesprek))
