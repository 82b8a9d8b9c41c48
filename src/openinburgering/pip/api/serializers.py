from django.utils.translation import gettext_lazy as _

from rest_framework import serializers

from openinburgering.besluiten.workflow import BezwaarUitkomst
from openinburgering.pip.models import PipStatus, PipVersie, Samenvattingstaal, Wijzigingsreden
from openinburgering.regels.codes import Alfabetisering, Leerroute, Niveau

SMALLINT_MAX = 32767

#: API name (DUO's names where DUO has the field) -> model field.
VELDEN = {
    "dagtekeningPip": "dagtekening",
    "leerroute": "leerroute",
    "niveau": "niveau",
    "geschatteIntensiteitB1Route": "geschatte_intensiteit_b1_route",
    "indicatorMagOpleidingAfmaken": "mag_opleiding_afmaken",
    "indicatorAlfabetiseringsonderwijs": "alfabetisering",
    "begeleiding": "begeleiding",
    "pvtInhoud": "pvt_inhoud",
    "pvtIntensiteit": "pvt_intensiteit",
    "mapInhoud": "map_inhoud",
    "mapIntensiteit": "map_intensiteit",
    "ontzorgen": "ontzorgen",
    "randvoorwaarden": "randvoorwaarden",
    "voortgang": "voortgang",
    "gesprekFrequentieWeken": "gesprek_frequentie_weken",
    "afspraken": "afspraken",
    "motiveringLeerroute": "motivering_leerroute",
    "samenvattingTaal": "samenvatting_taal",
    "redenToelichting": "reden_toelichting",
    "lesuren": "lesuren",
    "lesurenFysiek": "lesuren_fysiek",
    "b1Onhaalbaar": "b1_onhaalbaar",
    "voldoendeInspanning": "voldoende_inspanning",
}
API_NAAM = {model: api for api, model in VELDEN.items()}
# R21 names the fact as regels does.
API_NAAM["b1_onhaalbaar_binnen_termijn"] = "b1Onhaalbaar"


class PipSerializer(serializers.ModelSerializer):
    dagtekeningPip = serializers.DateField(source="dagtekening", required=False, allow_null=True)
    leerroute = serializers.ChoiceField(
        choices=Leerroute.choices(),
        required=False,
        help_text=_(
            "DUO-code B, O of Z. Verplicht in een eerste PIP (R24); een wijziging (schakelen, "
            "afschalen, verhuizing, anders) begint met de inhoud van de geldende versie."
        ),
    )
    niveau = serializers.ChoiceField(
        choices=Niveau.choices(),
        required=False,
        allow_blank=True,
        help_text=_(
            "A2 of B1. Leeg in de B1-route of de onderwijsroute wordt bij het vaststellen B1, "
            "zoals DUO het registreert (R17); een vastgesteld PIP toont het niveau dat DUO kreeg."
        ),
    )
    # The limits of DUO's PIP API (1-9999); without them a value past the database column's
    # range was a 500 instead of a 400 (issue 15).
    geschatteIntensiteitB1Route = serializers.IntegerField(
        source="geschatte_intensiteit_b1_route",
        required=False,
        allow_null=True,
        min_value=1,
        max_value=9999,
    )
    indicatorMagOpleidingAfmaken = serializers.BooleanField(
        source="mag_opleiding_afmaken", required=False
    )
    indicatorAlfabetiseringsonderwijs = serializers.ChoiceField(
        source="alfabetisering", choices=Alfabetisering.choices(), required=False
    )
    reden = serializers.ChoiceField(choices=Wijzigingsreden.choices, required=False)
    pvtInhoud = serializers.CharField(source="pvt_inhoud", required=False, allow_blank=True)
    pvtIntensiteit = serializers.CharField(
        source="pvt_intensiteit", required=False, allow_blank=True, max_length=200
    )
    mapInhoud = serializers.CharField(source="map_inhoud", required=False, allow_blank=True)
    mapIntensiteit = serializers.CharField(
        source="map_intensiteit", required=False, allow_blank=True, max_length=200
    )
    # The database column is a PositiveSmallIntegerField: 32767 at most on every backend.
    gesprekFrequentieWeken = serializers.IntegerField(
        source="gesprek_frequentie_weken",
        required=False,
        allow_null=True,
        min_value=1,
        max_value=SMALLINT_MAX,
    )
    motiveringLeerroute = serializers.CharField(
        source="motivering_leerroute", required=False, allow_blank=True
    )
    samenvattingTaal = serializers.ChoiceField(
        source="samenvatting_taal",
        choices=Samenvattingstaal.choices,
        read_only=True,
        help_text=_(
            "De taal van de samenvatting in de beschikking, bij vaststellen gekozen uit de talen "
            "van de persoon. Leeg: geen samenvatting in de taal van de persoon."
        ),
    )
    redenToelichting = serializers.CharField(
        source="reden_toelichting", required=False, allow_blank=True,
        help_text=_("Waarom deze wijziging (schakelen, afschalen, verhuizing of anders)."),
    )  # fmt: skip
    # The facts of afschalen (R21), read only when ``reden`` is afschalen.
    lesuren = serializers.IntegerField(
        required=False, allow_null=True, min_value=0, max_value=99999,
        help_text=_("Afschalen (R21): gevolgde lesuren bij een school met keurmerk."),
    )  # fmt: skip
    lesurenFysiek = serializers.IntegerField(
        source="lesuren_fysiek", required=False, allow_null=True, min_value=0, max_value=99999,
        help_text=_("Afschalen (R21): waarvan fysieke lesuren."),
    )  # fmt: skip
    b1Onhaalbaar = serializers.BooleanField(
        source="b1_onhaalbaar", required=False,
        help_text=_("Afschalen (R21): B1 is binnen de inburgeringstermijn niet haalbaar."),
    )  # fmt: skip
    voldoendeInspanning = serializers.BooleanField(
        source="voldoende_inspanning", required=False,
        help_text=_("Afschalen (R21): de persoon heeft zich voldoende ingespannen."),
    )  # fmt: skip
    # A plain string: a second enum named "status" would collide with the dossier's in the schema.
    status = serializers.CharField(
        read_only=True, help_text=_("Een van: %(w)s.") % {"w": ", ".join(PipStatus.values)}
    )
    # Empty (null) until the PIP is vastgesteld; the schema said a string (issue 15).
    bezwaarUiterlijk = serializers.DateField(
        source="bezwaar_uiterlijk", read_only=True, allow_null=True
    )
    vastgesteldOp = serializers.DateTimeField(
        source="vastgesteld_op", read_only=True, allow_null=True
    )
    inburgeraar = serializers.UUIDField(source="dossier.inburgeraar.uuid", read_only=True)

    class Meta:
        model = PipVersie
        fields = [
            "uuid",
            "inburgeraar",
            "volgnummer",
            "status",
            "reden",
            "dagtekeningPip",
            "leerroute",
            "niveau",
            "geschatteIntensiteitB1Route",
            "indicatorMagOpleidingAfmaken",
            "indicatorAlfabetiseringsonderwijs",
            "begeleiding",
            "pvtInhoud",
            "pvtIntensiteit",
            "mapInhoud",
            "mapIntensiteit",
            "ontzorgen",
            "randvoorwaarden",
            "voortgang",
            "gesprekFrequentieWeken",
            "afspraken",
            "motiveringLeerroute",
            "redenToelichting",
            "lesuren",
            "lesurenFysiek",
            "b1Onhaalbaar",
            "voldoendeInspanning",
            "samenvattingTaal",
            "bezwaarUiterlijk",
            "vastgesteldOp",
            "versie",
        ]
        read_only_fields = ["uuid", "volgnummer", "versie"]
        extra_kwargs = {
            "begeleiding": {"required": False},
            "ontzorgen": {"required": False},
            "randvoorwaarden": {"required": False},
            "voortgang": {"required": False},
            "afspraken": {"required": False},
        }


class PipWijzigenSerializer(PipSerializer):
    """A concept's content; the kind of PIP (``reden``) is chosen when it is made."""

    reden = serializers.ChoiceField(choices=Wijzigingsreden.choices, read_only=True)


class BezwaarSerializer(serializers.Serializer):
    """A bezwaar against the PIP's beschikking: R23 says whether it was on time, R67 (with the
    6 weeks of a postponement) until when the gemeente decides."""

    uuid = serializers.UUIDField(read_only=True)
    ontvangenOp = serializers.DateField(source="ontvangen_op")
    datumTerPost = serializers.DateField(source="datum_ter_post", required=False, allow_null=True)
    adviescommissie = serializers.BooleanField(required=False, default=False)
    toelichting = serializers.CharField(required=False, allow_blank=True, default="")
    tijdig = serializers.BooleanField(read_only=True)
    tijdigheidUitleg = serializers.CharField(source="tijdigheid_uitleg", read_only=True)
    verdaagd = serializers.BooleanField(read_only=True)
    beslissenUiterlijk = serializers.DateField(source="beslissen_uiterlijk", read_only=True)
    uitkomst = serializers.CharField(
        read_only=True, help_text=_("Een van: %(w)s.") % {"w": ", ".join(BezwaarUitkomst.values)}
    )
    beslistOp = serializers.DateField(source="beslist_op", read_only=True, allow_null=True)
