"""Maatschappelijke begeleiding through the API (ADR 0076): the gemeente's steps and one
person's checklist, written through ``begeleiding.services.voortgang_vastleggen``."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import ValidationError

from openinburgering.api.bouwstenen import (
    CONFLICT,
    FIELDS,
    FOUTEN,
    IF_MATCH_INHOUD,
    LIJST,
    Bron,
    Lijst,
    inhoud_controleren,
    log,
)
from openinburgering.begeleiding import selectors, services
from openinburgering.inburgeraars import selectors as inburgeraar_selectors
from openinburgering.logboek.models import Activiteit

from .serializers import ChecklistSerializer, ChecklistVastleggenSerializer, StapSerializer

TAG = ["traject"]


class Stappen(Lijst):
    """The gemeente's list of steps: no personal data."""

    bereik = "traject"
    serializer_class = StapSerializer

    def rijen(self):
        return selectors.stap_list(actor=self.actor)

    @extend_schema(
        tags=TAG,
        operation_id="begeleidingsstap_list",
        summary=_("De stappen maatschappelijke begeleiding van de gemeente"),
        parameters=LIJST,
        responses={200: StapSerializer(many=True), **FOUTEN},
    )
    def get(self, request):
        return self.lijst()


class Checklist(Bron):
    bereik = "traject"
    serializer_class = ChecklistSerializer

    def _checklist(self, inburgeraar):
        dossier = inburgeraar.dossier
        lijst = selectors.checklist(
            actor=self.actor, dossier=dossier, peildatum=timezone.localdate()
        )
        return {
            "inburgeraar": inburgeraar.uuid,
            "vanToepassing": selectors.heeft_begeleiding(dossier),
            "klaar": lijst.klaar,
            "totaal": lijst.totaal,
            "rijen": lijst.rijen,
        }

    @extend_schema(
        tags=TAG,
        operation_id="begeleiding_read",
        summary=_("De checklist maatschappelijke begeleiding van een inburgeraar"),
        parameters=[FIELDS],
        responses={200: ChecklistSerializer, **FOUTEN},
    )
    def get(self, request, uuid):
        inburgeraar = inburgeraar_selectors.inburgeraar_get(actor=self.actor, uuid=uuid)
        log(self.actor, Activiteit.INZIEN, [inburgeraar.pseudoniem])
        return self.antwoord(self._checklist(inburgeraar), met_inhoud_etag=True)

    @extend_schema(
        tags=TAG,
        operation_id="begeleiding_vastleggen",
        summary=_("Stappen van de checklist vastleggen"),
        description=_(
            "Alle genoemde stappen worden eerst getoetst; één fout en er wordt niets opgeslagen. "
            "Een fout staat in `invalidParams` onder `stappen.<uuid van de stap>`. Met "
            "`If-Match` (de `ETag` van het lezen) volgt 409 als iemand de checklist intussen "
            "wijzigde."
        ),
        parameters=[FIELDS, IF_MATCH_INHOUD],
        request=ChecklistVastleggenSerializer,
        responses={200: ChecklistSerializer, **CONFLICT, **FOUTEN},
    )
    def put(self, request, uuid):
        inburgeraar = inburgeraar_selectors.inburgeraar_get(actor=self.actor, uuid=uuid)
        invoer = self.invoer_lezen(ChecklistVastleggenSerializer)
        rijen = invoer["stappen"]
        stappen = {
            str(s.uuid): s
            for s in selectors.stap_list(actor=self.actor).filter(
                uuid__in=[r["stap"] for r in rijen]
            )
        }
        if len(stappen) != len({str(r["stap"]) for r in rijen}):
            raise ValidationError({"stappen": [_("Onbekende stap.")]})
        try:
            with transaction.atomic():
                selectors.dossier_vergrendelen(actor=self.actor, dossier=inburgeraar.dossier)
                inhoud_controleren(request, self.huidige_inhoud(self._checklist(inburgeraar)))
                services.voortgang_vastleggen(
                    actor=self.actor,
                    dossier=inburgeraar.dossier,
                    invoer=[
                        services.StapInvoer(
                            stap=stappen[str(r["stap"])],
                            status=r["status"],
                            datum=r["datum"],
                            geholpen_door=r["geholpenDoor"],
                            toelichting=r["toelichting"],
                        )
                        for r in rijen
                    ],
                )
        except DjangoValidationError as exc:
            raise DjangoValidationError(
                {f"stappen.{stap}": fouten for stap, fouten in exc.error_dict.items()}
            ) from None
        return self.antwoord(self._checklist(inburgeraar), met_inhoud_etag=True)
