from django import forms
from django.utils.translation import gettext_lazy as _

from openinburgering.core.forms import DatumVeld, NldsFormMixin
from openinburgering.inburgeraars.codes import keuzes
from openinburgering.regels.codes import JaNee, NietVrijstellendOnderwijs

from .models import MapSoort, PvtGroep, UrenSoort

TIJD = forms.TimeInput(attrs={"placeholder": "uu:mm", "inputmode": "numeric"}, format="%H:%M")


class GroepForm(NldsFormMixin, forms.ModelForm):
    class Meta:
        model = PvtGroep
        fields = ["naam", "locatie", "taal", "tolk", "capaciteit", "begeleider", "opmerkingen"]
        widgets = {"opmerkingen": forms.Textarea(attrs={"rows": 3})}


class BijeenkomstForm(NldsFormMixin, forms.Form):
    onderwerp = forms.CharField(label=_("Onderwerp"), max_length=200)
    datum = DatumVeld(label=_("Datum"), help_text=_("Bijvoorbeeld 14-03-2026."))
    begintijd = forms.TimeField(
        label=_("Begintijd"), widget=TIJD, help_text=_("Bijvoorbeeld 09:30.")
    )
    eindtijd = forms.TimeField(label=_("Eindtijd"), widget=TIJD, help_text=_("Bijvoorbeeld 12:00."))


class MateriaalForm(NldsFormMixin, forms.Form):
    titel = forms.CharField(label=_("Titel"), max_length=200)
    link = forms.URLField(label=_("Link"), required=False, help_text=_("Of upload een bestand."))
    bestand = forms.FileField(label=_("Bestand"), required=False)


class OndertekeningForm(NldsFormMixin, forms.Form):
    datum = DatumVeld(label=_("Datum ondertekening"), help_text=_("Niet in de toekomst."))


class AfrondingForm(NldsFormMixin, forms.Form):
    """PVT signing or MAP final interview, with culpability at the end of the term (R39, R40)."""

    datum = DatumVeld(label=_("Datum"), required=False)
    verwijtbaar = forms.ChoiceField(
        label=_("Niet op tijd afgerond: verwijtbaar?"),
        choices=[("", _("Geen oordeel (nog niet aan de orde)")), *keuzes(JaNee)],
        required=False,
        help_text=_(
            "Alleen aan het einde van de termijn: ‘Nee’ kan vanaf 2 maanden vóór het einde, "
            "‘Ja’ pas als de termijn voorbij is (R40)."
        ),
    )
    motivering = forms.CharField(
        label=_("Motivering van het oordeel"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    onderwijs_soort = forms.ChoiceField(
        label=_("Niet-vrijstellend onderwijs gevolgd tijdens de termijn"),
        choices=[("", _("Geen")), *keuzes(NietVrijstellendOnderwijs)],
        required=False,
        help_text=_("Praktijkonderwijs, vso of mbo-entree maakt niet verwijtbaar (R43)."),
    )
    onderwijs_begin = DatumVeld(label=_("Onderwijs vanaf"), required=False)
    onderwijs_einde = DatumVeld(label=_("Onderwijs tot en met"), required=False)
    versie = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def clean(self):
        data = super().clean()
        if data.get("onderwijs_soort") and not data.get("onderwijs_begin"):
            self.add_error("onderwijs_begin", _("Vul in vanaf wanneer het onderwijs liep."))
        return data


class MapActiviteitForm(NldsFormMixin, forms.Form):
    soort = forms.ChoiceField(label=_("Soort activiteit"), choices=MapSoort.choices)
    omschrijving = forms.CharField(label=_("Omschrijving"), max_length=200)
    datum = DatumVeld(label=_("Datum (of laatste dag)"))
    uren = forms.DecimalField(
        label=_("Uren"), max_digits=5, decimal_places=1, help_text=_("Bijvoorbeeld 3 of 2,5.")
    )
    uren.localize = True


class UrenForm(NldsFormMixin, forms.Form):
    soort = forms.ChoiceField(label=_("Soort uren"), choices=UrenSoort.choices)
    periode_start = DatumVeld(label=_("Periode van"))
    periode_einde = DatumVeld(label=_("Periode tot en met"))
    uren = forms.IntegerField(label=_("Uren"), help_text=_("Hele uren."))
    omschrijving = forms.CharField(label=_("Omschrijving"), max_length=200, required=False)


class ZrouteForm(NldsFormMixin, forms.Form):
    datum = DatumVeld(label=_("Datum afronding Z-route"))
