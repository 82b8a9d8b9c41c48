"""Schools, contracts, referrals and attendance through the API (ADR 0076).

The writes are the gemeente's (a contract, the gemeente's contact at a school, a referral);
attendance is what schools report in their portal, so the API reads it. Every write goes
through ``taalaanbieders.services`` with the same rules (R36–R38, R54) as the screens.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.exceptions import ValidationError

from openinburgering.api.bouwstenen import (
    CONFLICT,
    FIELDS,
    FOUTEN,
    IF_MATCH_INHOUD,
    LIJST,
    REGELS,
    Bron,
    Lijst,
    inhoud_controleren,
    log,
)
from openinburgering.inburgeraars.api.bouwstenen import LijstVanPersoon
from openinburgering.logboek.models import Activiteit
from openinburgering.taalaanbieders import selectors, services
from openinburgering.taalaanbieders.models import Instelling

from .serializers import (
    ContactSerializer,
    ContractSerializer,
    EigenCursusSerializer,
    InstellingSerializer,
    UrenregelSerializer,
    VerwijzingSerializer,
)

TAG = ["taalaanbieders"]
VERWIJZING_VELDEN = {
    "datum_inburgeringsaanbod": "datumInburgeringsaanbod",
    "verwachte_startdatum": "verwachteStartdatum",
    "verwachte_einddatum": "verwachteEinddatum",
    "uren_per_week": "urenPerWeek",
}


# --- schools (DUO's register; no personal data) ------------------------------------------------


class Instellingen(Lijst):
    bereik = "taalaanbieders"
    serializer_class = InstellingSerializer

    def rijen(self):
        qs = selectors.instelling_api_list(actor=self.actor)
        erkend = self.request.query_params.get("erkendBijDuo", "")
        if erkend in ("true", "false"):
            qs = qs.filter(erkend_bij_duo=erkend == "true")
        return qs

    @extend_schema(
        tags=TAG,
        operation_id="instelling_list",
        summary=_("Taalaanbieders (instellingen uit het register van DUO)"),
        parameters=[
            OpenApiParameter(
                "erkendBijDuo", bool, description=_("Alleen (niet) erkende instellingen")
            ),
            *LIJST,
        ],
        responses={200: InstellingSerializer(many=True), **FOUTEN},
    )
    def get(self, request):
        return self.lijst()


class InstellingDetail(Bron):
    bereik = "taalaanbieders"
    serializer_class = InstellingSerializer

    @extend_schema(
        tags=TAG,
        operation_id="instelling_read",
        summary=_("Eén taalaanbieder"),
        parameters=[FIELDS],
        responses={200: InstellingSerializer, **FOUTEN},
    )
    def get(self, request, uuid):
        return self.antwoord(selectors.instelling_api_get(actor=self.actor, uuid=uuid))


class InstellingContact(Bron):
    bereik = "taalaanbieders"
    serializer_class = ContactSerializer

    @extend_schema(
        tags=TAG,
        operation_id="instelling_contact_lezen",
        summary=_("De eigen contactpersoon van de gemeente bij een taalaanbieder"),
        description=_("Met een `ETag` voor `If-Match` bij het wijzigen."),
        parameters=[FIELDS],
        responses={200: ContactSerializer, **FOUTEN},
    )
    def get(self, request, uuid):
        instelling = selectors.instelling_api_get(actor=self.actor, uuid=uuid)
        contact = selectors.instelling_contact_get(actor=self.actor, instelling=instelling)
        return self.antwoord(contact, met_inhoud_etag=True)

    @extend_schema(
        tags=TAG,
        operation_id="instelling_contact_wijzigen",
        summary=_("De eigen contactpersoon van de gemeente bij een taalaanbieder wijzigen"),
        description=_(
            "Contactgegevens van andere gemeenten bij dezelfde school blijven staan. Met "
            "`If-Match` (de `ETag` van het lezen) volgt 409 als iemand ze intussen wijzigde."
        ),
        parameters=[FIELDS, IF_MATCH_INHOUD],
        request=ContactSerializer,
        responses={200: ContactSerializer, **CONFLICT, **FOUTEN},
    )
    def put(self, request, uuid):
        instelling = selectors.instelling_api_get(actor=self.actor, uuid=uuid)
        invoer = self.invoer_lezen(ContactSerializer)
        with transaction.atomic():
            huidig = selectors.instelling_contact_get(
                actor=self.actor, instelling=instelling, vergrendelen=True
            )
            inhoud_controleren(request, self.huidige_inhoud(huidig))
            contact = services.instelling_contact_wijzigen(
                actor=self.actor, instelling=instelling, **invoer
            )
        return self.antwoord(contact, met_inhoud_etag=True)


# --- contracts (no personal data) ------------------------------------------------------------


class Contracten(Lijst):
    bereik = "taalaanbieders"
    serializer_class = ContractSerializer
    veldnamen = {"uren_per_week": "urenPerWeek", "verzuim_drempel_procent": "verzuimDrempelProcent"}

    def rijen(self):
        return selectors.contract_list(actor=self.actor)

    @extend_schema(
        tags=TAG,
        operation_id="contract_list",
        summary=_("Contracten van de gemeente met taalaanbieders"),
        parameters=LIJST,
        responses={200: ContractSerializer(many=True), **FOUTEN},
    )
    def get(self, request):
        return self.lijst()

    @extend_schema(
        tags=TAG,
        operation_id="contract_create",
        summary=_("Een contract vastleggen"),
        parameters=[FIELDS],
        request=ContractSerializer,
        responses={201: ContractSerializer, **FOUTEN},
    )
    def post(self, request):
        invoer = self.invoer_lezen(ContractSerializer)
        velden = invoer
        uuid = velden.pop("instelling")["uuid"]
        # As the screen's choice: only a school in DUO's list.
        instelling = Instelling.objects.filter(uuid=uuid, erkend_bij_duo=True).first()
        if instelling is None:
            raise ValidationError({"instelling": [_("Kies een instelling uit de lijst van DUO.")]})
        contract = services.contract_aanmaken(actor=self.actor, instelling=instelling, **velden)
        return self.antwoord(contract, status=201)


class ContractDetail(Bron):
    bereik = "taalaanbieders"
    serializer_class = ContractSerializer

    @extend_schema(
        tags=TAG,
        operation_id="contract_read",
        summary=_("Eén contract"),
        parameters=[FIELDS],
        responses={200: ContractSerializer, **FOUTEN},
    )
    def get(self, request, uuid):
        return self.antwoord(selectors.contract_get(actor=self.actor, uuid=uuid))


# --- referrals and attendance ----------------------------------------------------------------


class Verwijzingen(Lijst):
    bereik = "taalaanbieders"
    serializer_class = VerwijzingSerializer

    def rijen(self):
        return selectors.verwijzing_list(
            actor=self.actor, status=self.request.query_params.get("status", "")
        )

    def pseudoniemen(self, rij):
        return [rij.inburgeraar.pseudoniem]

    @extend_schema(
        tags=TAG,
        operation_id="verwijzing_list",
        summary=_("Verwijzingen naar taalaanbieders (het inburgeringsaanbod)"),
        parameters=[OpenApiParameter("status", str, description=_("Filter op status")), *LIJST],
        responses={200: VerwijzingSerializer(many=True), **FOUTEN},
    )
    def get(self, request):
        return self.lijst()


class VerwijzingenVanPersoon(LijstVanPersoon):
    bereik = "taalaanbieders"
    serializer_class = VerwijzingSerializer
    veldnamen = VERWIJZING_VELDEN

    def rijen(self):
        return selectors.verwijzing_list(actor=self.actor, inburgeraar=self.persoon())

    @extend_schema(
        tags=TAG,
        operation_id="verwijzing_persoon_list",
        summary=_("Verwijzingen van een inburgeraar"),
        parameters=LIJST,
        responses={200: VerwijzingSerializer(many=True), **FOUTEN},
    )
    def get(self, request, uuid):
        return self.lijst()

    @extend_schema(
        tags=TAG,
        operation_id="verwijzing_create",
        summary=_("Naar een taalaanbieder verwijzen en het aanbod aan DUO melden"),
        description=_(
            "Leerroute, niveau en alfabetisering komen uit het geldende PIP. Getoetst aan R36, "
            "R37, R38 en R54 en aan het contract; een geschonden regel geeft 400 met het "
            "regel-id in `invalidParams[].code`."
        ),
        parameters=[FIELDS],
        request=VerwijzingSerializer,
        responses={201: VerwijzingSerializer, **FOUTEN, **REGELS},
    )
    def post(self, request, uuid):
        inburgeraar = self.persoon()
        invoer = self.invoer_lezen(VerwijzingSerializer)
        velden = invoer
        contract_uuid = velden.pop("contract")["uuid"]
        # As the screen's choice: a contract of this gemeente that runs today.
        contract = (
            selectors.contracten_voor_verwijzing(actor=self.actor, op=timezone.localdate())
            .filter(uuid=contract_uuid)
            .first()
        )
        if contract is None:
            raise ValidationError({"contract": [_("Kies een lopend contract van de gemeente.")]})
        verwijzing = services.verwijzen(
            actor=self.actor, inburgeraar=inburgeraar, contract=contract, **velden
        )
        return self.antwoord(verwijzing, status=201)


class VerwijzingDetail(Bron):
    bereik = "taalaanbieders"
    serializer_class = VerwijzingSerializer

    @extend_schema(
        tags=TAG,
        operation_id="verwijzing_read",
        summary=_("Eén verwijzing"),
        parameters=[FIELDS],
        responses={200: VerwijzingSerializer, **FOUTEN},
    )
    def get(self, request, uuid):
        verwijzing = selectors.verwijzing_get(actor=self.actor, uuid=uuid)
        log(self.actor, Activiteit.INZIEN, [verwijzing.inburgeraar.pseudoniem])
        return self.antwoord(verwijzing)


class Urenregels(Lijst):
    bereik = "taalaanbieders"
    serializer_class = UrenregelSerializer

    def verwijzing(self):
        if not hasattr(self, "_verwijzing"):
            self._verwijzing = selectors.verwijzing_get(actor=self.actor, uuid=self.kwargs["uuid"])
        return self._verwijzing

    def rijen(self):
        return selectors.urenregel_list(actor=self.actor, verwijzing=self.verwijzing())

    def gelezen(self, pagina):
        return [self.verwijzing().inburgeraar.pseudoniem]

    @extend_schema(
        tags=TAG,
        operation_id="urenregel_list",
        summary=_("Aanwezigheid: de uren die de school meldde bij een verwijzing"),
        parameters=LIJST,
        responses={200: UrenregelSerializer(many=True), **FOUTEN},
    )
    def get(self, request, uuid):
        return self.lijst()


class EigenCursussen(LijstVanPersoon):
    bereik = "taalaanbieders"
    serializer_class = EigenCursusSerializer
    veldnamen = {"naam_instelling": "naamInstelling"}

    def rijen(self):
        return selectors.eigen_cursus_list(actor=self.actor, inburgeraar=self.persoon())

    @extend_schema(
        tags=TAG,
        operation_id="eigen_cursus_list",
        summary=_("Zelf gekozen cursussen van een inburgeraar"),
        parameters=LIJST,
        responses={200: EigenCursusSerializer(many=True), **FOUTEN},
    )
    def get(self, request, uuid):
        return self.lijst()

    @extend_schema(
        tags=TAG,
        operation_id="eigen_cursus_create",
        summary=_("Een zelf gekozen cursus vastleggen"),
        description=_(
            "Voor gezinsmigranten en overige migranten; een asielstatushouder krijgt het "
            "inburgeringsaanbod van de gemeente (R36)."
        ),
        parameters=[FIELDS],
        request=EigenCursusSerializer,
        responses={201: EigenCursusSerializer, **FOUTEN, **REGELS},
    )
    def post(self, request, uuid):
        inburgeraar = self.persoon()
        invoer = self.invoer_lezen(EigenCursusSerializer)
        velden = invoer
        gekozen = (velden.pop("instelling", None) or {}).get("uuid")
        instelling = None
        if gekozen is not None:
            instelling = Instelling.objects.filter(uuid=gekozen).first()
            if instelling is None:
                raise ValidationError({"instelling": [_("Kies een school uit de lijst.")]})
        cursus = services.eigen_cursus_vastleggen(
            actor=self.actor, inburgeraar=inburgeraar, instelling=instelling, **velden
        )
        return self.antwoord(cursus, status=201)
