"""Enforcement through the API (ADR 0076): cases, warnings, the intention to fine and the
zienswijze, through ``handhaving.services`` with the same rules (R30–R33, R53) as the screens.

The fine decision itself (``besluit_nemen``) is not offered: it is the four-eyes step a
teamleider takes on the screen, and a token is no person (ADR 0076).
"""

from django.utils.translation import gettext_lazy as _

from drf_spectacular.utils import OpenApiParameter, extend_schema

from openinburgering.api.bouwstenen import FIELDS, FOUTEN, LIJST, REGELS, Bron, Lijst, log
from openinburgering.handhaving import selectors, services
from openinburgering.inburgeraars.api.bouwstenen import LijstVanPersoon
from openinburgering.logboek.models import Activiteit

from .serializers import (
    HandhavingsstapSerializer,
    HandhavingStapInvoerSerializer,
    HandhavingszaakSerializer,
    VoornemenSerializer,
)

TAG = ["handhaving"]
VELDNAMEN = {"genegeerde_oproepen": "genegeerdeOproepen"}


class Zaken(Lijst):
    """Every case of the gemeente, newest first."""

    bereik = "handhaving"
    serializer_class = HandhavingszaakSerializer

    def rijen(self):
        return selectors.zaak_api_list(
            actor=self.actor, status=self.request.query_params.get("status", "")
        )

    def pseudoniemen(self, rij):
        return [rij.dossier.inburgeraar.pseudoniem]

    @extend_schema(
        tags=TAG,
        operation_id="handhavingszaak_list",
        summary=_("Handhavingszaken van de gemeente"),
        parameters=[OpenApiParameter("status", str, description=_("Filter op status")), *LIJST],
        responses={200: HandhavingszaakSerializer(many=True), **FOUTEN},
    )
    def get(self, request):
        return self.lijst()


class ZakenVanPersoon(LijstVanPersoon):
    bereik = "handhaving"
    serializer_class = HandhavingszaakSerializer
    veldnamen = VELDNAMEN

    def rijen(self):
        return selectors.zaak_api_list(actor=self.actor, dossier=self.persoon().dossier)

    @extend_schema(
        tags=TAG,
        operation_id="handhavingszaak_persoon_list",
        summary=_("Handhavingszaken van een inburgeraar"),
        parameters=LIJST,
        responses={200: HandhavingszaakSerializer(many=True), **FOUTEN},
    )
    def get(self, request, uuid):
        return self.lijst()

    @extend_schema(
        tags=TAG,
        operation_id="handhavingszaak_create",
        summary=_("Een handhavingszaak openen"),
        description=_(
            "R33 bepaalt de route: een boete (Wi2021 art. 22 of 23) of een maatregel via de "
            "Participatiewet (dan is de zaak meteen doorgezet)."
        ),
        parameters=[FIELDS],
        request=HandhavingszaakSerializer,
        responses={201: HandhavingszaakSerializer, **FOUTEN, **REGELS},
    )
    def post(self, request, uuid):
        dossier = self.persoon().dossier
        invoer = self.invoer_lezen(HandhavingszaakSerializer)
        zaak = services.zaak_openen(actor=self.actor, dossier=dossier, **invoer)
        return self.antwoord(selectors.zaak_get(actor=self.actor, uuid=zaak.uuid), status=201)


class Zaak(Bron):
    bereik = "handhaving"
    serializer_class = HandhavingszaakSerializer

    @extend_schema(
        tags=TAG,
        operation_id="handhavingszaak_read",
        summary=_("Eén handhavingszaak met haar stappen"),
        parameters=[FIELDS],
        responses={200: HandhavingszaakSerializer, **FOUTEN},
    )
    def get(self, request, uuid):
        zaak = selectors.zaak_get(actor=self.actor, uuid=uuid)
        log(self.actor, Activiteit.INZIEN, [zaak.dossier.inburgeraar.pseudoniem])
        return self.antwoord(zaak)


class _Stap(Bron):
    bereik = "handhaving"
    serializer_class = HandhavingsstapSerializer
    invoer_klasse = HandhavingStapInvoerSerializer
    veldnamen = {"besluitdatum": "datum", "rapport_opgemaakt": "rapport"}

    def uitvoeren(self, zaak, data):
        raise NotImplementedError

    def post(self, request, uuid):
        zaak = selectors.zaak_get(actor=self.actor, uuid=uuid)
        invoer = self.invoer_lezen(self.invoer_klasse)
        stap = self.uitvoeren(zaak, invoer)
        return self.antwoord(stap, status=201)


class Waarschuwing(_Stap):
    def uitvoeren(self, zaak, data):
        return services.waarschuwing_sturen(actor=self.actor, zaak=zaak, **data)

    @extend_schema(
        tags=TAG,
        operation_id="handhaving_waarschuwing",
        summary=_("Een schriftelijke waarschuwing sturen (met brief)"),
        parameters=[FIELDS],
        request=HandhavingStapInvoerSerializer,
        responses={201: HandhavingsstapSerializer, **FOUTEN},
    )
    def post(self, request, uuid):
        return super().post(request, uuid)


class Voornemen(_Stap):
    invoer_klasse = VoornemenSerializer

    def uitvoeren(self, zaak, data):
        return services.voornemen_sturen(actor=self.actor, zaak=zaak, **data)

    @extend_schema(
        tags=TAG,
        operation_id="handhaving_voornemen",
        summary=_("Een voornemen tot boete sturen (met brief en termijn voor een zienswijze)"),
        description=_(
            "Getoetst aan R30/R31 (brede intake), R32 (PIP-boete) en R53 (verval); een "
            "geschonden regel geeft 400 met het regel-id in `invalidParams[].code`."
        ),
        parameters=[FIELDS],
        request=VoornemenSerializer,
        responses={201: HandhavingsstapSerializer, **FOUTEN, **REGELS},
    )
    def post(self, request, uuid):
        return super().post(request, uuid)


class Zienswijze(_Stap):
    def uitvoeren(self, zaak, data):
        return services.zienswijze_vastleggen(actor=self.actor, zaak=zaak, **data)

    @extend_schema(
        tags=TAG,
        operation_id="handhaving_zienswijze",
        summary=_("Een ontvangen zienswijze vastleggen"),
        parameters=[FIELDS],
        request=HandhavingStapInvoerSerializer,
        responses={201: HandhavingsstapSerializer, **FOUTEN},
    )
    def post(self, request, uuid):
        return super().post(request, uuid)
