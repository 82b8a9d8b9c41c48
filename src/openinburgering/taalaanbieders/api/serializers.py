from django.utils.translation import gettext_lazy as _

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from openinburgering.taalaanbieders.codes import (
    ALFABETISERING,
    LEERROUTES,
    NIVEAUS,
    Afrekenbasis,
    Prijsmodel,
    Verzuimreden,
)

SMALLINT_MAX = 32_767
INT_MAX = 2_147_483_647


class ContactSerializer(serializers.Serializer):
    # The lengths and the address are checked by the service (the model), as on the screen.
    contactpersoon = serializers.CharField(allow_blank=True, help_text="Hoogstens 100 tekens.")
    email = serializers.CharField(allow_blank=True, help_text="Een e-mailadres, of leeg.")
    telefoon = serializers.CharField(allow_blank=True, help_text="Hoogstens 20 tekens.")


class InstellingSerializer(serializers.Serializer):
    """A school in DUO's national register (no personal data), with the gemeente's own
    contact there."""

    uuid = serializers.UUIDField(read_only=True)
    instellingsnummer = serializers.CharField(read_only=True)
    naam = serializers.CharField(read_only=True)
    postcode = serializers.CharField(read_only=True)
    huisnummer = serializers.IntegerField(read_only=True)
    huisnummertoevoeging = serializers.CharField(read_only=True, allow_blank=True)
    plaatsnaam = serializers.CharField(read_only=True)
    keurmerkBow = serializers.BooleanField(source="keurmerk_bow", read_only=True)
    keurmerkTst = serializers.BooleanField(source="keurmerk_tst", read_only=True)
    erkendBijDuo = serializers.BooleanField(source="erkend_bij_duo", read_only=True)
    contact = serializers.SerializerMethodField()

    @extend_schema_field(ContactSerializer(allow_null=True))
    def get_contact(self, instelling):
        eigen = getattr(instelling, "eigen_contact", None)
        return ContactSerializer(eigen[0]).data if eigen else None


class ContractSerializer(serializers.Serializer):
    uuid = serializers.UUIDField(read_only=True)
    instelling = serializers.UUIDField(
        source="instelling.uuid",
        help_text=_("Alleen een instelling in de lijst van DUO (keurmerk Blik op Werk of TST)."),
    )
    kenmerk = serializers.CharField(max_length=50)
    leerroutes = serializers.ListField(
        child=serializers.ChoiceField(choices=LEERROUTES), max_length=3
    )
    niveaus = serializers.ListField(
        child=serializers.ChoiceField(choices=NIVEAUS),
        required=False,
        default=list,
        max_length=2,
        help_text=_("Leeg: alle niveaus."),
    )
    prijsmodel = serializers.ChoiceField(choices=Prijsmodel.choices)
    tarief = serializers.DecimalField(max_digits=10, decimal_places=2)
    afrekenbasis = serializers.ChoiceField(
        choices=Afrekenbasis.choices, required=False, default=Afrekenbasis.AANGEBODEN
    )
    urenPerWeek = serializers.IntegerField(
        source="uren_per_week", min_value=-SMALLINT_MAX, max_value=SMALLINT_MAX
    )
    capaciteit = serializers.IntegerField(min_value=-INT_MAX, max_value=INT_MAX)
    startdatum = serializers.DateField()
    einddatum = serializers.DateField()
    contractwaarde = serializers.DecimalField(max_digits=12, decimal_places=2)
    verzuimDrempelProcent = serializers.IntegerField(
        source="verzuim_drempel_procent",
        min_value=-SMALLINT_MAX,
        max_value=SMALLINT_MAX,
        required=False,
        default=20,
    )
    verzuimafspraken = serializers.CharField(required=False, allow_blank=True, default="")
    resultaatafspraken = serializers.CharField(required=False, allow_blank=True, default="")


class VerwijzingSerializer(serializers.Serializer):
    uuid = serializers.UUIDField(read_only=True)
    kenmerk = serializers.CharField(read_only=True)
    inburgeraar = serializers.UUIDField(source="inburgeraar.uuid", read_only=True)
    contract = serializers.UUIDField(source="contract.uuid")
    instelling = serializers.UUIDField(source="instelling.uuid", read_only=True)
    leerroute = serializers.CharField(read_only=True, help_text="B, O of Z.")
    niveau = serializers.CharField(read_only=True, allow_blank=True, help_text="A2, B1 of leeg.")
    alfabetisering = serializers.CharField(
        read_only=True, help_text=", ".join(c for c, _label in ALFABETISERING)
    )
    urenPerWeek = serializers.IntegerField(
        source="uren_per_week",
        min_value=1,
        max_value=40,
        required=False,
        allow_null=True,
        help_text=_("Leeg: de uren per week uit het contract."),
    )
    datumInburgeringsaanbod = serializers.DateField(source="datum_inburgeringsaanbod")
    verwachteStartdatum = serializers.DateField(source="verwachte_startdatum")
    verwachteEinddatum = serializers.DateField(
        source="verwachte_einddatum", required=False, allow_null=True, default=None
    )
    # A plain string: a second enum named "status" would collide with the dossier's in the schema.
    status = serializers.CharField(read_only=True)
    intakeBevestigdOp = serializers.DateField(
        source="intake_bevestigd_op", read_only=True, allow_null=True
    )
    beeindigdOp = serializers.DateField(source="beeindigd_op", read_only=True, allow_null=True)
    duoMelding = serializers.CharField(source="duo_melding", read_only=True, allow_blank=True)


class UrenregelSerializer(serializers.Serializer):
    """What the school reported for one week or month (attendance)."""

    uuid = serializers.UUIDField(read_only=True)
    verwijzing = serializers.UUIDField(source="verwijzing.uuid", read_only=True)
    periodeStart = serializers.DateField(source="periode_start", read_only=True)
    periodeEinde = serializers.DateField(source="periode_einde", read_only=True)
    urenAangeboden = serializers.DecimalField(
        source="uren_aangeboden", max_digits=5, decimal_places=1, read_only=True
    )
    urenAanwezig = serializers.DecimalField(
        source="uren_aanwezig", max_digits=5, decimal_places=1, read_only=True
    )
    urenFysiek = serializers.DecimalField(
        source="uren_fysiek", max_digits=5, decimal_places=1, read_only=True
    )
    verzuimreden = serializers.CharField(
        read_only=True, allow_blank=True, help_text=", ".join(Verzuimreden.values)
    )
    toelichting = serializers.CharField(read_only=True, allow_blank=True)
    gemeldOp = serializers.DateTimeField(source="gemeld_op", read_only=True)


class EigenCursusSerializer(serializers.Serializer):
    """Where a gezinsmigrant or overige migrant follows a self-chosen course."""

    uuid = serializers.UUIDField(read_only=True)
    inburgeraar = serializers.UUIDField(source="inburgeraar.uuid", read_only=True)
    instelling = serializers.UUIDField(
        source="instelling.uuid",
        required=False,
        allow_null=True,
        default=None,
        help_text=_("Een school uit het register van DUO; of vul `naamInstelling` in."),
    )
    naamInstelling = serializers.CharField(
        source="naam_instelling", required=False, allow_blank=True, default="", max_length=128
    )
    sinds = serializers.DateField(required=False, allow_null=True, default=None)
