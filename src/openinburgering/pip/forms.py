from django import forms
from django.utils.translation import gettext_lazy as _

from openinburgering.core.forms import DatumVeld, NldsFormMixin

from .models import Beoordeling, PipVersie, Wijzigingsreden

VELDEN = [
    "dagtekening",
    "leerroute",
    "niveau",
    "motivering_leerroute",
    "geschatte_intensiteit_b1_route",
    "mag_opleiding_afmaken",
    "alfabetisering",
    "begeleiding",
    "pvt_inhoud",
    "pvt_intensiteit",
    "map_inhoud",
    "map_intensiteit",
    "ontzorgen",
    "randvoorwaarden",
    "voortgang",
    "gesprek_frequentie_weken",
    "afspraken",
    "reden_toelichting",
    "lesuren",
    "lesuren_fysiek",
    "b1_onhaalbaar",
    "voldoende_inspanning",
]


class PipForm(NldsFormMixin, forms.ModelForm):
    dagtekening = DatumVeld(
        label=_("Dagtekening (datum van het besluit)"),
        required=False,
        help_text=_("Leeg laten: bij vaststellen wordt het de datum van vandaag."),
    )
    versie = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = PipVersie
        fields = VELDEN
        widgets = {
            v: forms.Textarea(attrs={"rows": 3})
            for v in (
                "motivering_leerroute",
                "begeleiding",
                "pvt_inhoud",
                "map_inhoud",
                "ontzorgen",
                "randvoorwaarden",
                "voortgang",
                "afspraken",
                "reden_toelichting",
            )
        }
        help_texts = {
            "leerroute": _(
                "DUO-code: B = B1-route, O = onderwijsroute, Z = zelfredzaamheidsroute."
            ),
            "niveau": _("Leeg bij de B1-route of onderwijsroute betekent B1 (R17)."),
            "geschatte_intensiteit_b1_route": _("Alleen bij een asielstatushouder in de B1-route."),
            "alfabetisering": _("A = niet geletterd, AA = geletterd in een ander schrift, NVT."),
            "map_inhoud": _("Niet bij de onderwijsroute (R25)."),
            "motivering_leerroute": _(
                "Verplicht als de route afwijkt van de leerbaarheidstoets (R29)."
            ),
        }


class NieuwPipForm(NldsFormMixin, forms.Form):
    reden = forms.ChoiceField(label=_("Soort PIP"), choices=Wijzigingsreden.choices)


class GesprekForm(NldsFormMixin, forms.Form):
    gemist = forms.BooleanField(label=_("Het gesprek ging niet door (gemist)"), required=False)
    gevoerd_op = DatumVeld(label=_("Gevoerd op"), required=False)
    taal = forms.ChoiceField(label=_("Taal"), choices=Beoordeling.choices, required=False)
    knm = forms.ChoiceField(
        label=_("Kennis van de Nederlandse maatschappij (KNM)"),
        choices=Beoordeling.choices,
        required=False,
    )
    pvt = forms.ChoiceField(
        label=_("Participatieverklaringstraject (PVT)"), choices=Beoordeling.choices, required=False
    )
    map = forms.ChoiceField(
        label=_("Module Arbeidsmarkt en Participatie (MAP)"),
        choices=Beoordeling.choices,
        required=False,
    )
    participatie = forms.ChoiceField(
        label=_("Participatie"), choices=Beoordeling.choices, required=False
    )
    notities = forms.CharField(
        label=_("Verslag"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    versie = forms.IntegerField(widget=forms.HiddenInput)

    def clean(self):
        data = super().clean()
        if not data.get("gemist") and not data.get("gevoerd_op"):
            self.add_error("gevoerd_op", _("Vul in wanneer het gesprek was, of kies ‘gemist’."))
        return data


class GesprekPlannenForm(NldsFormMixin, forms.Form):
    gepland_op = DatumVeld(label=_("Datum van het volgende gesprek"))
