from django.utils.translation import gettext_lazy as _

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from openinburgering.inburgeraars.codes import keuzes
from openinburgering.intake.models import IntakeStatus
from openinburgering.regels.codes import LeerbaarheidstoetsResultaat

#: API name -> model field: the sections and the learnability test a client may write. Health
#: (``gezondheid``) is not among them: special category data stays on the screen (ADR 0074).
VELDEN = {
    "taalEnOpleiding": "taal_en_opleiding",
    "werkervaring": "werkervaring",
    "ambities": "ambities",
    "gezinEnKinderopvang": "gezin_en_kinderopvang",
    "financien": "financien",
    "huisvesting": "huisvesting",
    "sociaalNetwerk": "sociaal_netwerk",
    "ondersteuningsbehoefte": "ondersteuningsbehoefte",
    "lbtExamennummerAangevraagdOp": "lbt_examennummer_aangevraagd_op",
    "visueleBeperking": "visuele_beperking",
    "auditieveBeperking": "auditieve_beperking",
    "lbtAfgenomenOp": "lbt_afgenomen_op",
    "lbtBehaaldeScore": "lbt_behaalde_score",
    "lbtBenodigdeScore": "lbt_benodigde_score",
    "lbtResultaat": "lbt_resultaat",
    "geadviseerdeLeerroute": "geadviseerde_leerroute",
}
#: What R26/R27 name (regels' facts) -> the API's field.
REGEL_VELDEN = {
    "onderwijs_herkomst": "taalEnOpleiding",
    "werkervaring_herkomst": "werkervaring",
    "persoonlijke_omstandigheden": "gezinEnKinderopvang",
    "leerbaarheidstoets_gedaan": "lbtAfgenomenOp",
    "gezondheid": "gezondheid",
    **{model: api for api, model in VELDEN.items()},
}


def _tekst(bron: str | None = None, hulp=None):
    extra = {"source": bron} if bron else {}
    return serializers.CharField(
        required=False, allow_blank=True, max_length=20000, help_text=hulp, **extra
    )


class LbtUitslagSerializer(serializers.Serializer):
    """R28: what the learnability test says about the B1 route."""

    haalbaar = serializers.BooleanField(allow_null=True)
    herbeoordelen = serializers.BooleanField(
        help_text=_("Uitslag van vóór de cesuurwijziging die met de nieuwe grens anders is.")
    )
    regel = serializers.CharField(source="regel.id")
    uitleg = serializers.CharField()


class IntakeSerializer(serializers.Serializer):
    uuid = serializers.UUIDField(read_only=True)
    inburgeraar = serializers.UUIDField(source="dossier.inburgeraar.uuid", read_only=True)
    # Plain strings: one more enum named "status" collides in the schema (as the PIP's).
    status = serializers.CharField(
        read_only=True, help_text=_("Een van: %(w)s.") % {"w": ", ".join(IntakeStatus.values)}
    )
    gestartOp = serializers.DateField(source="gestart_op", read_only=True)
    afgeslotenOp = serializers.DateField(source="afgesloten_op", read_only=True, allow_null=True)
    taalEnOpleiding = _tekst("taal_en_opleiding", _("Talen en opleiding (R26)."))
    werkervaring = _tekst(None, _("Werkervaring, ook in het land van herkomst (R26)."))
    ambities = _tekst()
    gezinEnKinderopvang = _tekst(
        "gezin_en_kinderopvang", _("Persoonlijke omstandigheden (R26) met de drie velden hierna.")
    )
    financien = _tekst()
    huisvesting = _tekst()
    sociaalNetwerk = _tekst("sociaal_netwerk")
    ondersteuningsbehoefte = _tekst()
    gezondheidIngevuld = serializers.SerializerMethodField(
        help_text=_(
            "Of het onderdeel gezondheid (R26) is ingevuld. De inhoud staat niet in de API: "
            "gegevens over gezondheid legt de klantregisseur vast op het scherm."
        )
    )
    lbtExamennummerAangevraagdOp = serializers.DateField(
        source="lbt_examennummer_aangevraagd_op", required=False, allow_null=True
    )
    lbtExamennummer = serializers.CharField(source="lbt_examennummer", read_only=True)
    visueleBeperking = serializers.BooleanField(source="visuele_beperking", required=False)
    auditieveBeperking = serializers.BooleanField(source="auditieve_beperking", required=False)
    lbtAfgenomenOp = serializers.DateField(
        source="lbt_afgenomen_op", required=False, allow_null=True
    )
    lbtBehaaldeScore = serializers.DecimalField(
        source="lbt_behaalde_score", max_digits=5, decimal_places=2, required=False,
        allow_null=True, min_value=0,
    )  # fmt: skip
    lbtBenodigdeScore = serializers.DecimalField(
        source="lbt_benodigde_score", max_digits=5, decimal_places=2, required=False,
        allow_null=True, min_value=0,
    )  # fmt: skip
    lbtResultaat = serializers.ChoiceField(
        source="lbt_resultaat", choices=keuzes(LeerbaarheidstoetsResultaat), required=False,
        allow_blank=True,
    )  # fmt: skip
    lbtVrijstellingGemeldOp = serializers.DateField(
        source="lbt_vrijstelling_gemeld_op", read_only=True, allow_null=True
    )
    lbtUitslag = serializers.SerializerMethodField()
    # A pattern, not an enum: a second enum of the same routes collides in the schema.
    geadviseerdeLeerroute = serializers.RegexField(
        r"^[BOZ]$", source="geadviseerde_leerroute", required=False, allow_blank=True,
        help_text=_("DUO-code B, O of Z (of leeg)."),
    )  # fmt: skip
    leerrouteAdvies = serializers.SerializerMethodField(
        help_text=_("De route die niet afwijkt van de leerbaarheidstoets (R29): B of Z.")
    )
    versie = serializers.IntegerField(read_only=True)

    def get_gezondheidIngevuld(self, intake) -> bool:  # noqa: N802
        return bool(intake.gezondheid.strip())

    @extend_schema_field(LbtUitslagSerializer(allow_null=True))
    def get_lbtUitslag(self, intake):  # noqa: N802
        from openinburgering.intake.services import lbt_uitslag

        uitslag = lbt_uitslag(intake)
        return None if uitslag is None else LbtUitslagSerializer(uitslag).data

    def get_leerrouteAdvies(self, intake) -> str | None:  # noqa: N802
        from openinburgering.intake.services import leerroute_advies

        advies = leerroute_advies(intake)
        return None if advies is None else advies.value


class GesprekSerializer(serializers.Serializer):
    uuid = serializers.UUIDField(read_only=True)
    datum = serializers.DateField()
    tolkGebruikt = serializers.BooleanField(source="tolk_gebruikt", required=False, default=False)
    tolkTaal = serializers.CharField(
        source="tolk_taal", required=False, allow_blank=True, default="", max_length=60
    )
    verslag = serializers.CharField(required=False, allow_blank=True, default="", max_length=20000)
