"""The subscription form of the beheer screens."""

from django import forms
from django.utils.translation import gettext_lazy as _

from openinburgering.core.forms import NldsFormMixin
from openinburgering.core.publicatie import Soort


class AbonnementForm(NldsFormMixin, forms.Form):
    """The fields; ``services._controleren`` says what a valid subscription is."""

    naam = forms.CharField(
        label=_("Naam"),
        max_length=100,
        help_text=_("Het systeem dat de gebeurtenissen ontvangt, bijvoorbeeld Zaaksysteem."),
    )
    url = forms.CharField(
        label=_("Callback-URL"),
        max_length=500,
        help_text=_("Waar elke gebeurtenis als HTTP POST heen gaat; in productie alleen https://."),
        widget=forms.URLInput(attrs={"autocomplete": "off"}),
    )
    soorten = forms.MultipleChoiceField(
        label=_("Soorten gebeurtenissen"),
        choices=Soort.choices,
        widget=forms.CheckboxSelectMultiple,
        # Checked by the service, with the other rules of a subscription (one place).
        required=False,
    )
    actief = forms.BooleanField(label=_("Actief"), required=False, initial=True)
    versie = forms.IntegerField(widget=forms.HiddenInput, required=False)
