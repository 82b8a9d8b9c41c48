from django.utils.translation import gettext_lazy as _

from rest_framework import serializers

from openinburgering.signalen.models import SignaalStatus, Soort


class SignaalSerializer(serializers.Serializer):
    """One work item: a term the deadline engine derived from the dossier's facts via a rule,
    or a message from DUO or a school. The engine opens and closes it."""

    uuid = serializers.UUIDField(read_only=True)
    soort = serializers.ChoiceField(choices=Soort.choices, read_only=True)
    titel = serializers.SerializerMethodField()
    uitleg = serializers.SerializerMethodField(
        help_text=_("Waarom: de regel en het artikel, in de taal van `Accept-Language`.")
    )
    regel = serializers.CharField(read_only=True, help_text=_("Het regel-id, bijvoorbeeld R7."))
    deadline = serializers.DateField(read_only=True, allow_null=True)
    status = serializers.CharField(
        read_only=True, help_text=_("Een van: %(w)s.") % {"w": ", ".join(SignaalStatus.values)}
    )
    toegewezen = serializers.SerializerMethodField(
        help_text=_("Of een medewerker het werk heeft (wie, staat niet in de API).")
    )
    inburgeraar = serializers.UUIDField(source="dossier.inburgeraar.uuid", read_only=True)
    object = serializers.UUIDField(
        source="object_uuid",
        read_only=True,
        allow_null=True,
        help_text=_("Het object waar het werk gedaan wordt (PIP-versie, gesprek, bezwaar, …)."),
    )

    def get_titel(self, signaal) -> str:
        from openinburgering.signalen.weergave import titel

        return titel(signaal, self.context.get("teksten"))

    def get_uitleg(self, signaal) -> str:
        from openinburgering.signalen.weergave import uitleg

        return uitleg(signaal)

    def get_toegewezen(self, signaal) -> bool:
        return signaal.toegewezen_aan_id is not None
