"""Werk & Inkomen delivers bijstand periods (ADR 0078): idempotent by the income system's own
key, refused with problem+json and rule ids (R83), never half saved."""

from django.utils.translation import gettext_lazy as _

from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import NotFound

from openinburgering.api.bouwstenen import FOUTEN, REGELS, Bron
from openinburgering.core import bsn as bsn_tools
from openinburgering.inburgeraars.models import Dossier
from openinburgering.ontzorgen import services
from openinburgering.ontzorgen.models import Bijstandsperiode, DatumBron

from .serializers import BijstandsperiodeInvoerSerializer, BijstandsperiodeSerializer


class Bijstandsperiodes(Bron):
    bereik = "bijstand"
    serializer_class = BijstandsperiodeSerializer
    veldnamen = {"start": "start", "einde": "einde"}

    @extend_schema(
        tags=["bijstand"],
        operation_id="bijstandsperiode_put",
        summary=_("Een bijstandsperiode doorgeven (Werk en Inkomen)"),
        request=BijstandsperiodeInvoerSerializer,
        responses={
            200: BijstandsperiodeSerializer,
            201: BijstandsperiodeSerializer,
            **REGELS,
            **FOUTEN,
        },
    )
    def post(self, request):
        invoer = BijstandsperiodeInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        d = invoer.validated_data
        dossier = (
            Dossier.objects.filter(
                gemeente=self.actor.gemeente, inburgeraar__bsn_hash=bsn_tools.zoekhash(d["bsn"])
            )
            .select_related("inburgeraar")
            .first()
        )
        if dossier is None:
            raise NotFound(_("Dit BSN is bij deze gemeente niet bekend als inburgeraar."))
        bestond = Bijstandsperiode.objects.filter(
            gemeente=self.actor.gemeente, extern_kenmerk=d["kenmerk"]
        ).exists()
        [(periode, _gewijzigd)] = services.periodes_vastleggen(
            actor=self.actor,
            aanleveringen=[
                services.Aanlevering(
                    dossier, d["kenmerk"], d["start"], d.get("einde"), DatumBron.API,
                    f"API {self.actor.label}",
                )
            ],
        )  # fmt: skip
        return self.antwoord(periode, status=200 if bestond else 201)
