"""The route in progress through the API (ADR 0076): PVT, MAP, Z-route, hours and exams.

Every write goes through the service the screen uses (``traject.afronding``, ``traject.uren``,
``traject.map``, ``traject.pvt``), so the API is refused by the same rules with the same ids.
"""

from django.utils.translation import gettext_lazy as _

from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from openinburgering.api.bouwstenen import (
    CONFLICT,
    FIELDS,
    FOUTEN,
    IF_MATCH,
    LIJST,
    REGELS,
    Bron,
    Lijst,
    etag,
    log,
    versie_uit_if_match,
)
from openinburgering.inburgeraars import selectors as inburgeraar_selectors
from openinburgering.inburgeraars.api.bouwstenen import LijstVanPersoon
from openinburgering.inburgeraars.codes import keuzes
from openinburgering.logboek.models import Activiteit
from openinburgering.regels.codes import Examenonderdeel, Examenresultaat
from openinburgering.traject import afronding, pvt, selectors, uren
from openinburgering.traject import map as map_diensten
from openinburgering.traject.models import DeelnameStatus, MapSoort, Onderdeel, UrenSoort
from openinburgering.traject.routefeiten import routefeiten

from .serializers import (
    AanwezigheidSerializer,
    AfrondingSerializer,
    AfrondingVastleggenSerializer,
    ExamenUitslagSerializer,
    MapActiviteitSerializer,
    OndertekeningSerializer,
    PvtBijeenkomstSerializer,
    PvtDeelnameSerializer,
    PvtGroepSerializer,
    TrajectSerializer,
    UitnodigenSerializer,
    UrenregistratieSerializer,
    ZrouteSerializer,
)

TAG = ["traject"]


class _PerPersoon(LijstVanPersoon):
    """A list of one person's rows; the person is read (404 for another gemeente's) first."""

    bereik = "traject"


# --- the overview and the completions that go to DUO ------------------------------------------


class Traject(Bron):
    bereik = "traject"
    serializer_class = TrajectSerializer

    @extend_schema(
        tags=TAG,
        operation_id="traject_read",
        summary=_("Het traject van een inburgeraar: PVT, MAP, Z-route en uren"),
        parameters=[FIELDS],
        responses={200: TrajectSerializer, **FOUTEN},
    )
    def get(self, request, uuid):
        inburgeraar = inburgeraar_selectors.inburgeraar_get(actor=self.actor, uuid=uuid)
        dossier = inburgeraar.dossier
        feiten = routefeiten(dossier)
        afrondingen = {a.onderdeel: a for a in dossier.afrondingen.all()}
        log(self.actor, Activiteit.INZIEN, [inburgeraar.pseudoniem])
        return self.antwoord(
            {
                "inburgeraar": inburgeraar.uuid,
                "leerroute": feiten.leerroute.value if feiten.leerroute else "",
                "pvt": afrondingen.get(Onderdeel.PVT),
                "map": afrondingen.get(Onderdeel.MAP),
                "zroute": afrondingen.get(Onderdeel.ZROUTE),
                "urenPerSoort": uren.uren_per_soort(dossier),
                "mapUren": map_diensten.map_totaal(dossier),
            }
        )


class _Afronding(Bron):
    bereik = "traject"
    serializer_class = AfrondingSerializer
    onderdeel = ""
    veldnamen = {"onderwijs_begin": "onderwijsBegin", "onderwijs_soort": "onderwijsSoort"}

    def put(self, request, uuid):
        inburgeraar = inburgeraar_selectors.inburgeraar_get(actor=self.actor, uuid=uuid)
        versie = versie_uit_if_match(request)
        d = self.invoer_lezen(AfrondingVastleggenSerializer)
        onderwijs = (
            afronding.Onderwijs(d["onderwijsSoort"], d["onderwijsBegin"], d["onderwijsEinde"])
            if d["onderwijsSoort"]
            else None
        )
        uitkomst = afronding.afronding_vastleggen(
            actor=self.actor,
            dossier=inburgeraar.dossier,
            onderdeel=self.onderdeel,
            datum=d["datum"],
            verwijtbaar=d["verwijtbaar"],
            motivering=d["motivering"],
            onderwijs=onderwijs,
            versie=versie,
        )
        return self.antwoord(uitkomst, headers=etag(uitkomst))


_AFRONDING_UITLEG = _(
    "Legt de datum en het oordeel over verwijtbaarheid vast en zet het bericht voor DUO klaar, "
    "zoals het scherm. Getoetst aan R25, R39, R40 en R43: een geschonden regel geeft 400 met het "
    "regel-id in `invalidParams[].code`."
)


class AfrondingPvt(_Afronding):
    onderdeel = Onderdeel.PVT

    @extend_schema(
        tags=TAG,
        operation_id="traject_pvt_vastleggen",
        summary=_("PVT: ondertekening en verwijtbaarheid vastleggen"),
        description=_AFRONDING_UITLEG,
        parameters=[IF_MATCH, FIELDS],
        request=AfrondingVastleggenSerializer,
        responses={200: AfrondingSerializer, **CONFLICT, **FOUTEN, **REGELS},
    )
    def put(self, request, uuid):
        return super().put(request, uuid)


class AfrondingMap(_Afronding):
    onderdeel = Onderdeel.MAP

    @extend_schema(
        tags=TAG,
        operation_id="traject_map_vastleggen",
        summary=_("MAP: eindgesprek en verwijtbaarheid vastleggen"),
        description=_AFRONDING_UITLEG,
        parameters=[IF_MATCH, FIELDS],
        request=AfrondingVastleggenSerializer,
        responses={200: AfrondingSerializer, **CONFLICT, **FOUTEN, **REGELS},
    )
    def put(self, request, uuid):
        return super().put(request, uuid)


class Zroute(Bron):
    bereik = "traject"
    serializer_class = AfrondingSerializer

    @extend_schema(
        tags=TAG,
        operation_id="traject_zroute_afronden",
        summary=_("De Z-route afronden"),
        description=_(
            "Alleen in de Z-route, met genoeg uren (R41); de datum gaat via de outbox naar DUO."
        ),
        parameters=[FIELDS],
        request=ZrouteSerializer,
        responses={200: AfrondingSerializer, **FOUTEN, **REGELS},
    )
    def post(self, request, uuid):
        inburgeraar = inburgeraar_selectors.inburgeraar_get(actor=self.actor, uuid=uuid)
        invoer = self.invoer_lezen(ZrouteSerializer)
        uitkomst = uren.zroute_afronden(
            actor=self.actor, dossier=inburgeraar.dossier, datum=invoer["datum"]
        )
        return self.antwoord(uitkomst, headers=etag(uitkomst))


# --- MAP activities, hours, exams -----------------------------------------------------------


class MapActiviteiten(_PerPersoon):
    serializer_class = MapActiviteitSerializer
    filters = {"soort": ("soort", MapSoort.values)}

    def rijen(self):
        return selectors.map_activiteit_list(actor=self.actor, dossier=self.persoon().dossier)

    @extend_schema(
        tags=TAG,
        operation_id="map_activiteit_list",
        summary=_("MAP-activiteiten van een inburgeraar"),
        parameters=LIJST,
        responses={200: MapActiviteitSerializer(many=True), **FOUTEN},
    )
    def get(self, request, uuid):
        return self.lijst()

    @extend_schema(
        tags=TAG,
        operation_id="map_activiteit_create",
        summary=_("Een MAP-activiteit vastleggen"),
        parameters=[FIELDS],
        request=MapActiviteitSerializer,
        responses={201: MapActiviteitSerializer, **FOUTEN, **REGELS},
    )
    def post(self, request, uuid):
        dossier = self.persoon().dossier
        invoer = self.invoer_lezen(MapActiviteitSerializer)
        activiteit = map_diensten.activiteit_toevoegen(actor=self.actor, dossier=dossier, **invoer)
        return self.antwoord(activiteit, status=201)


class Urenregistraties(_PerPersoon):
    serializer_class = UrenregistratieSerializer
    filters = {"soort": ("soort", UrenSoort.values)}
    veldnamen = {"periode_start": "periodeStart", "periode_einde": "periodeEinde"}

    def rijen(self):
        return selectors.urenregistratie_list(actor=self.actor, dossier=self.persoon().dossier)

    @extend_schema(
        tags=TAG,
        operation_id="urenregistratie_list",
        summary=_("Vastgelegde uren van een inburgeraar"),
        parameters=LIJST,
        responses={200: UrenregistratieSerializer(many=True), **FOUTEN},
    )
    def get(self, request, uuid):
        return self.lijst()

    @extend_schema(
        tags=TAG,
        operation_id="urenregistratie_create",
        summary=_("Uren vastleggen"),
        description=_(
            "Legt de uren van één periode vast en zet het nieuwe totaal van die soort voor DUO "
            "klaar (GevolgdeUren), zoals het scherm."
        ),
        parameters=[FIELDS],
        request=UrenregistratieSerializer,
        responses={201: UrenregistratieSerializer, **FOUTEN},
    )
    def post(self, request, uuid):
        dossier = self.persoon().dossier
        invoer = self.invoer_lezen(UrenregistratieSerializer)
        registratie = uren.uren_registreren(actor=self.actor, dossier=dossier, **invoer)
        return self.antwoord(registratie, status=201)


class Examenuitslagen(_PerPersoon):
    serializer_class = ExamenUitslagSerializer
    filters = {
        "onderdeel": ("onderdeel", [code for code, _label in keuzes(Examenonderdeel)]),
        "resultaat": ("resultaat", [code for code, _label in keuzes(Examenresultaat)]),
    }

    def rijen(self):
        return selectors.examenuitslag_list(actor=self.actor, dossier=self.persoon().dossier)

    @extend_schema(
        tags=TAG,
        operation_id="examenuitslag_list",
        summary=_("Examenuitslagen van een inburgeraar (van DUO)"),
        parameters=LIJST,
        responses={200: ExamenUitslagSerializer(many=True), **FOUTEN},
    )
    def get(self, request, uuid):
        return self.lijst()


# --- PVT groups --------------------------------------------------------------------------------


class PvtGroepen(Lijst):
    bereik = "traject"
    serializer_class = PvtGroepSerializer

    def rijen(self):
        return selectors.groep_list(actor=self.actor)

    @extend_schema(
        tags=TAG,
        operation_id="pvt_groep_list",
        summary=_("PVT-groepen van de gemeente"),
        parameters=LIJST,
        responses={200: PvtGroepSerializer(many=True), **FOUTEN},
    )
    def get(self, request):
        return self.lijst()

    @extend_schema(
        tags=TAG,
        operation_id="pvt_groep_create",
        summary=_("Een PVT-groep aanmaken"),
        parameters=[FIELDS],
        request=PvtGroepSerializer,
        responses={201: PvtGroepSerializer, **FOUTEN},
    )
    def post(self, request):
        invoer = self.invoer_lezen(PvtGroepSerializer)
        groep = pvt.groep_aanmaken(actor=self.actor, **invoer)
        return self.antwoord(groep, status=201)


class PvtGroep(Bron):
    bereik = "traject"
    serializer_class = PvtGroepSerializer

    @extend_schema(
        tags=TAG,
        operation_id="pvt_groep_read",
        summary=_("Eén PVT-groep"),
        parameters=[FIELDS],
        responses={200: PvtGroepSerializer, **FOUTEN},
    )
    def get(self, request, uuid):
        return self.antwoord(selectors.groep_get(actor=self.actor, uuid=uuid))


class _VanGroep(Lijst):
    bereik = "traject"

    def groep(self):
        if not hasattr(self, "_groep"):
            self._groep = selectors.groep_get(actor=self.actor, uuid=self.kwargs["uuid"])
        return self._groep


class PvtBijeenkomsten(_VanGroep):
    serializer_class = PvtBijeenkomstSerializer

    def rijen(self):
        return selectors.bijeenkomst_list(actor=self.actor, groep=self.groep())

    @extend_schema(
        tags=TAG,
        operation_id="pvt_bijeenkomst_list",
        summary=_("Bijeenkomsten van een PVT-groep"),
        parameters=LIJST,
        responses={200: PvtBijeenkomstSerializer(many=True), **FOUTEN},
    )
    def get(self, request, uuid):
        return self.lijst()

    @extend_schema(
        tags=TAG,
        operation_id="pvt_bijeenkomst_create",
        summary=_("Een bijeenkomst plannen"),
        parameters=[FIELDS],
        request=PvtBijeenkomstSerializer,
        responses={201: PvtBijeenkomstSerializer, **FOUTEN},
    )
    def post(self, request, uuid):
        groep = self.groep()
        invoer = self.invoer_lezen(PvtBijeenkomstSerializer)
        bijeenkomst = pvt.bijeenkomst_toevoegen(actor=self.actor, groep=groep, **invoer)
        return self.antwoord(bijeenkomst, status=201)


class PvtDeelnames(_VanGroep):
    serializer_class = PvtDeelnameSerializer
    filters = {"status": ("status", DeelnameStatus.values)}

    def rijen(self):
        return selectors.deelname_list(actor=self.actor, groep=self.groep())

    def pseudoniemen(self, rij):
        return [rij.dossier.inburgeraar.pseudoniem]

    @extend_schema(
        tags=TAG,
        operation_id="pvt_deelname_list",
        summary=_("Deelnemers van een PVT-groep"),
        parameters=LIJST,
        responses={200: PvtDeelnameSerializer(many=True), **FOUTEN},
    )
    def get(self, request, uuid):
        return self.lijst()

    @extend_schema(
        tags=TAG,
        operation_id="pvt_deelname_create",
        summary=_("Inburgeraars uitnodigen voor een PVT-groep"),
        description=_(
            "Nodigt de genoemde inburgeraars uit; wie al is uitgenodigd, blijft dat. Boven de "
            "capaciteit van de groep wordt niemand uitgenodigd. Antwoord: de nieuwe deelnames."
        ),
        request=UitnodigenSerializer,
        responses={201: PvtDeelnameSerializer(many=True), **FOUTEN},
    )
    def post(self, request, uuid):
        groep = self.groep()
        invoer = self.invoer_lezen(UitnodigenSerializer)
        gevraagd = {str(u) for u in invoer["inburgeraars"]}
        dossiers = selectors.dossiers_get(actor=self.actor, uuids=gevraagd)
        if len(dossiers) != len(gevraagd):
            # Another gemeente's person is as unknown as one that does not exist.
            raise ValidationError({"inburgeraars": [_("Onbekende inburgeraar.")]})
        nieuw = pvt.deelnemers_uitnodigen(actor=self.actor, groep=groep, dossiers=dossiers)
        for deelname in nieuw:
            deelname.groep = groep
        data = PvtDeelnameSerializer(nieuw, many=True).data
        return Response(data, status=201)


class PvtAanwezigheid(Bron):
    bereik = "traject"

    @extend_schema(
        tags=TAG,
        operation_id="pvt_aanwezigheid_vastleggen",
        summary=_("Aanwezigheid bij een bijeenkomst vastleggen"),
        request=AanwezigheidSerializer,
        responses={200: AanwezigheidSerializer, **FOUTEN},
    )
    def put(self, request, uuid):
        bijeenkomst = selectors.bijeenkomst_get(actor=self.actor, uuid=uuid)
        invoer = self.invoer_lezen(AanwezigheidSerializer)
        regels = invoer["aanwezigheid"]
        deelnames = selectors.deelnames_op_uuid(
            actor=self.actor, groep=bijeenkomst.groep, uuids=[r["deelname"] for r in regels]
        )
        if len(deelnames) != len({str(r["deelname"]) for r in regels}):
            raise ValidationError({"aanwezigheid": [_("Onbekende deelnemer.")]})
        pvt.aanwezigheid_vastleggen(
            actor=self.actor,
            bijeenkomst=bijeenkomst,
            statussen={deelnames[str(r["deelname"])].pk: r["status"] for r in regels},
        )
        return Response(AanwezigheidSerializer(invoer).data)


class PvtOndertekening(Bron):
    bereik = "traject"
    serializer_class = AfrondingSerializer

    @extend_schema(
        tags=TAG,
        operation_id="pvt_ondertekening_vastleggen",
        summary=_("De ondertekening van de participatieverklaring vastleggen"),
        description=_AFRONDING_UITLEG,
        parameters=[FIELDS],
        request=OndertekeningSerializer,
        responses={200: AfrondingSerializer, **FOUTEN, **REGELS},
    )
    def post(self, request, uuid):
        deelname = selectors.deelname_get(actor=self.actor, uuid=uuid)
        invoer = self.invoer_lezen(OndertekeningSerializer)
        uitkomst = pvt.ondertekening_vastleggen(
            actor=self.actor, deelname=deelname, datum=invoer["datum"]
        )
        return self.antwoord(uitkomst, headers=etag(uitkomst))
