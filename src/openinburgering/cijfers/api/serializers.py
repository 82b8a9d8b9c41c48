from django.utils.translation import gettext_lazy as _

from rest_framework import serializers

from openinburgering.core.bsn import afnemerpseudoniem
from openinburgering.inburgeraars.workflow import Eindreden, Status


def _maand(d) -> str | None:
    # To the month: a day is a finer grain than a data warehouse needs (ADR 0091).
    return f"{d:%Y-%m}" if d else None


class FeitSerializer(serializers.Serializer):
    """De feiten van één persoon, zonder BSN, naam, adres of geboortedatum."""

    pseudoniem = serializers.SerializerMethodField(
        help_text=_(
            "Vast per persoon voor dit token, anders voor elk ander token; niet te koppelen aan "
            "het verwerkingenlogboek of het BSN."
        )
    )
    gemeente = serializers.CharField(source="gemeentecode", read_only=True)
    doelgroep = serializers.CharField(read_only=True)
    leerroute = serializers.SerializerMethodField(
        help_text=_("Van het geldende PIP (B1, onderwijs of Z); leeg zonder PIP.")
    )
    status = serializers.CharField(read_only=True, help_text=", ".join(Status.values))
    eindreden = serializers.CharField(read_only=True, help_text=", ".join(Eindreden.values))
    cohort = serializers.SerializerMethodField(help_text=_("Het jaar van aanmelding door DUO."))
    aangemeldIn = serializers.SerializerMethodField(help_text=_("Maand, als JJJJ-MM."))  # noqa: N815
    intakeAfgeslotenIn = serializers.SerializerMethodField()  # noqa: N815
    eerstePipIn = serializers.SerializerMethodField()  # noqa: N815
    afgerondIn = serializers.SerializerMethodField()  # noqa: N815

    def get_pseudoniem(self, rij) -> str:
        return afnemerpseudoniem(str(self.context["request"].auth.uuid), rij.pseudoniem)

    def get_leerroute(self, rij) -> str:
        return rij.leerroute or ""

    def get_cohort(self, rij) -> int:
        return rij.aangemeld_op.year

    def get_aangemeldIn(self, rij) -> str | None:  # noqa: N802
        return _maand(rij.aangemeld_op)

    def get_intakeAfgeslotenIn(self, rij) -> str | None:  # noqa: N802
        return _maand(rij.intake_afgesloten)

    def get_eerstePipIn(self, rij) -> str | None:  # noqa: N802
        return _maand(rij.eerste_pip)

    def get_afgerondIn(self, rij) -> str | None:  # noqa: N802
        return _maand(rij.afgerond_op)


class KengetalSerializer(serializers.Serializer):
    maand = serializers.SerializerMethodField(
        help_text=_("De maand (JJJJ-MM); leeg: een stand op de dag van de berekening.")
    )
    doelgroep = serializers.CharField(read_only=True)
    leerroute = serializers.CharField(read_only=True)
    sleutel = serializers.CharField(read_only=True)
    onderdeel = serializers.CharField(read_only=True)
    aantal = serializers.IntegerField(read_only=True)
    som = serializers.DecimalField(max_digits=16, decimal_places=2, read_only=True)

    def get_maand(self, rij) -> str | None:
        return _maand(rij.maand)


class FeitenFilterSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=Status.choices, required=False, default="")
    doelgroep = serializers.CharField(required=False, default="")
    cohort = serializers.IntegerField(
        required=False, allow_null=True, default=None, min_value=2000, max_value=2999
    )


class KengetallenFilterSerializer(serializers.Serializer):
    sleutel = serializers.CharField(required=False, default="")
    van = serializers.DateField(required=False, allow_null=True, default=None)
    tot = serializers.DateField(required=False, allow_null=True, default=None)
