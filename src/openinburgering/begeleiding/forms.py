from django import forms
from django.utils.translation import gettext_lazy as _

from openinburgering.core.forms import DatumVeld, NldsFormMixin

from .models import Stap, StapStatus


class StapForm(NldsFormMixin, forms.ModelForm):
    versie = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Stap
        fields = ["naam", "omschrijving", "streefdagen"]
        widgets = {"streefdagen": forms.NumberInput(attrs={"min": 0, "max": 1095})}


class StapVoortgangForm(NldsFormMixin, forms.Form):
    """One row of the checklist; the prefix is the step's uuid."""

    status = forms.ChoiceField(label=_("Status"), choices=StapStatus.choices)
    datum = DatumVeld(label=_("Datum"), required=False)
    geholpen_door = forms.CharField(label=_("Geholpen door"), max_length=150, required=False)
    toelichting = forms.CharField(label=_("Toelichting"), max_length=300, required=False)

    def __init__(self, *args, rij, **kwargs):
        super().__init__(*args, prefix=str(rij.stap.uuid), **kwargs)
        self.rij = rij
        for veld in self.fields.values():
            # The step name is the row header; each input says which step it belongs to.
            veld.widget.attrs["aria-label"] = f"{veld.label}: {rij.stap.naam_weergave}"
