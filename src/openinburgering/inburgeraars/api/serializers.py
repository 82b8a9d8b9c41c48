from django.utils.translation import gettext_lazy as _

from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from rest_framework import serializers

from openinburgering.core import bsn as bsn_tools
from openinburgering.inburgeraars.codes import (
    Doelgroep,
    GedetailleerdeDoelgroep,
    Regime,
    Verblijfsdoel,
    keuzes,
)
from openinburgering.inburgeraars.models import (
    POSTCODE_FOUT,
    Bron,
    Inburgeraar,
    postcode_normaliseren,
)
from openinburgering.inburgeraars.services import WIJZIGBARE_VELDEN
from openinburgering.inburgeraars.workflow import Eindreden, Status

#: Nine ASCII digits; the schema states it as the field's ``pattern`` (issue 15).
BSN_PATROON = r"^[0-9]{9}$"


class BsnField(serializers.RegexField):
    def __init__(self, **kwargs):
        kwargs.setdefault("min_length", 9)
        kwargs.setdefault("max_length", 9)
        kwargs.setdefault(
            "help_text",
            _(
                "Burgerservicenummer: 9 cijfers (alleen 0-9) die voldoen aan de 11-proef: "
                "9×c1 + 8×c2 + … + 2×c8 − 1×c9 is deelbaar door 11."
            ),
        )
        kwargs.setdefault("error_messages", {"invalid": _("Een BSN bestaat uit 9 cijfers.")})
        super().__init__(BSN_PATROON, **kwargs)
        self.validators.append(bsn_tools.valideer_bsn)


class AlleenInAntwoordLeegDateField(serializers.DateField):
    """A date a client must send, which an answer may hold as null (a person DUO announced)."""


class _AlleenInAntwoordLeegDateFieldSchema(OpenApiSerializerFieldExtension):
    target_class = AlleenInAntwoordLeegDateField

    def map_serializer_field(self, auto_schema, direction):
        schema = {"type": "string", "format": "date"}
        if direction == "response":
            schema["nullable"] = True
        return schema


class DossierSerializer(serializers.Serializer):
    uuid = serializers.UUIDField(read_only=True)
    status = serializers.ChoiceField(choices=Status.choices, read_only=True)
    eindreden = serializers.ChoiceField(choices=Eindreden.choices, read_only=True, allow_blank=True)
    aangemeldOp = serializers.DateField(source="aangemeld_op", read_only=True)
    afgerondOp = serializers.DateField(source="afgerond_op", read_only=True, allow_null=True)


class InburgeraarSerializer(serializers.ModelSerializer):
    vNummer = serializers.RegexField(
        r"^[0-9]{10}$",
        source="vnummer",
        required=False,
        allow_blank=True,
        error_messages={"invalid": _("Een V-nummer bestaat uit 10 cijfers.")},
    )
    gedetailleerdeDoelgroep = serializers.ChoiceField(
        source="gedetailleerde_doelgroep",
        choices=keuzes(GedetailleerdeDoelgroep),
        required=False,
        allow_blank=True,
    )
    doelgroep = serializers.ChoiceField(choices=keuzes(Doelgroep))
    regime = serializers.ChoiceField(choices=keuzes(Regime), required=False)
    verblijfsdoel = serializers.ChoiceField(
        choices=keuzes(Verblijfsdoel), required=False, allow_blank=True
    )
    datumBekendmakingInd = serializers.DateField(
        source="datum_bekendmaking_ind", required=False, allow_null=True
    )
    nationaliteit = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=2,
        help_text=_("Landcode volgens ISO 3166-1 alfa-2, bijvoorbeeld SY."),
    )
    # Empty (null) for a person DUO announced until the gemeente fills them in from the BRP
    # (ADR 0041); a client that writes them must send a value.
    # Required and not empty when written; empty in an answer for a person DUO announced until
    # the gemeente fills them in. The schema says both (issue 15: it let "" through).
    voornamen = serializers.CharField(
        max_length=200,
        help_text=_(
            "Verplicht bij schrijven. Leeg in een antwoord zolang de naam onbekend is (een "
            "persoon die DUO aanmeldde)."
        ),
    )
    achternaam = serializers.CharField(
        max_length=200,
        help_text=_(
            "Verplicht bij schrijven. Leeg in een antwoord zolang de naam onbekend is (een "
            "persoon die DUO aanmeldde)."
        ),
    )
    geboortedatum = AlleenInAntwoordLeegDateField(
        help_text=_(
            "Verplicht bij schrijven. Leeg (null) in een antwoord zolang de geboortedatum "
            "onbekend is (een persoon die DUO aanmeldde)."
        ),
    )
    straatHuisnummer = serializers.CharField(
        source="straat_huisnummer",
        required=False,
        allow_blank=True,
        max_length=200,
        help_text=_("Het adres voor brieven; zonder adres maakt het systeem geen brief."),
    )
    postcode = serializers.CharField(required=False, allow_blank=True, max_length=7)
    woonplaats = serializers.CharField(required=False, allow_blank=True, max_length=100)
    dossier = DossierSerializer(read_only=True)

    def validate_postcode(self, waarde):
        try:
            return postcode_normaliseren(waarde)
        except ValueError:
            raise serializers.ValidationError(POSTCODE_FOUT) from None

    def _verplicht(self, waarde):
        if waarde in (None, ""):
            raise serializers.ValidationError(_("Dit veld is vereist."))
        return waarde

    validate_voornamen = _verplicht
    validate_achternaam = _verplicht
    validate_geboortedatum = _verplicht

    class Meta:
        model = Inburgeraar
        fields = [
            "uuid",
            "vNummer",
            "voornamen",
            "voorvoegsel",
            "achternaam",
            "geboortedatum",
            "nationaliteit",
            "verblijfsdoel",
            "datumBekendmakingInd",
            "talen",
            "straatHuisnummer",
            "postcode",
            "woonplaats",
            "telefoon",
            "email",
            "doelgroep",
            "gedetailleerdeDoelgroep",
            "regime",
            "versie",
            "dossier",
        ]
        read_only_fields = ["uuid", "versie", "dossier"]


class InburgeraarAanmakenSerializer(InburgeraarSerializer):
    bsn = BsnField(write_only=True)

    class Meta(InburgeraarSerializer.Meta):
        fields = ["bsn", *InburgeraarSerializer.Meta.fields]


class InburgeraarDetailSerializer(InburgeraarSerializer):
    bsn = serializers.CharField(read_only=True)

    class Meta(InburgeraarSerializer.Meta):
        fields = ["bsn", *InburgeraarSerializer.Meta.fields]

    def to_representation(self, instance):
        return {"bsn": instance.bsn, **als_dict(instance)}


class ZoekSerializer(serializers.Serializer):
    bsn = BsnField()


class StatuswijzigingSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=Status.choices)
    eindreden = serializers.ChoiceField(
        choices=Eindreden.choices, required=False, allow_blank=True, default=""
    )


class GebeurtenisSerializer(serializers.Serializer):
    """One entry of the dossier's timeline. Who did it is named by kind (``bron``), never by a
    staff member's name."""

    uuid = serializers.UUIDField(read_only=True)
    tijdstip = serializers.DateTimeField(read_only=True)
    bron = serializers.ChoiceField(choices=Bron.choices, read_only=True)
    soort = serializers.CharField(
        read_only=True, help_text=_("Wat er gebeurde, als code (bijvoorbeeld pip_vastgesteld).")
    )
    omschrijving = serializers.CharField(
        source="weergave", read_only=True, help_text=_("In de taal van `Accept-Language`.")
    )
    gegevens = serializers.DictField(
        read_only=True, help_text=_("Verwijzingen (uuid's) en regel-id's bij de gebeurtenis.")
    )


class DossierTellingSerializer(serializers.Serializer):
    status = serializers.CharField(help_text=_("Een van: %(w)s.") % {"w": ", ".join(Status.values)})
    eindreden = serializers.CharField(help_text=_("Bij een afgerond dossier: waarom."))
    doelgroep = serializers.CharField()
    aantal = serializers.IntegerField()


def _datum(waarde):
    return waarde.isoformat() if waarde else None


#: The values :func:`als_dict` reads: enough for a page read as rows (``keyset_rijen``).
ALS_DICT_VELDEN = (
    "uuid",
    *WIJZIGBARE_VELDEN,
    "versie",
    "dossier__uuid",
    "dossier__status",
    "dossier__eindreden",
    "dossier__aangemeld_op",
    "dossier__afgerond_op",
)


def als_dict(instance) -> dict:
    """A person as :class:`InburgeraarSerializer` writes it, written out (ADR 0061): a test
    compares them. DRF builds thirty field objects per serializer and calls two methods of one
    per value — most of an API answer's time for what is a fixed mapping.

    ``instance`` is a person or a row of :data:`ALS_DICT_VELDEN` (``core.pagination``)."""
    dossier = getattr(instance, "dossier", None)
    return {
        "uuid": str(instance.uuid),
        "vNummer": instance.vnummer,
        "voornamen": instance.voornamen,
        "voorvoegsel": instance.voorvoegsel,
        "achternaam": instance.achternaam,
        "geboortedatum": _datum(instance.geboortedatum),
        "nationaliteit": str(instance.nationaliteit),
        "verblijfsdoel": instance.verblijfsdoel,
        "datumBekendmakingInd": _datum(instance.datum_bekendmaking_ind),
        "talen": instance.talen,
        "straatHuisnummer": instance.straat_huisnummer,
        "postcode": instance.postcode,
        "woonplaats": instance.woonplaats,
        "telefoon": instance.telefoon,
        "email": instance.email,
        "doelgroep": instance.doelgroep,
        "gedetailleerdeDoelgroep": instance.gedetailleerde_doelgroep,
        "regime": instance.regime,
        "versie": instance.versie,
        "dossier": None
        if dossier is None
        else {
            "uuid": str(dossier.uuid),
            "status": dossier.status,
            "eindreden": dossier.eindreden,
            "aangemeldOp": _datum(dossier.aangemeld_op),
            "afgerondOp": _datum(dossier.afgerond_op),
        },
    }


class InburgeraarLijstSerializer(InburgeraarSerializer):
    """The list's rows through :func:`als_dict`."""

    def to_representation(self, instance):
        return als_dict(instance)
