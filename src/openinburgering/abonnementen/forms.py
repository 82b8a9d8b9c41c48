"""The subscription form of the beheer screens."""

from django import forms
from django.utils.translation import gettext_lazy as _

from openinburgering.core.forms import NldsFormMixin
from openinburgering.core.publicatie import Soort

VINKJE = "utrecht-checkbox utrecht-checkbox--html-input"


class AbonnementForm(NldsFormMixin, forms.Form):
    """The fields; ``services.abonnement_fouten`` says what a valid subscription is, so the
    form shows every error at once and the service refuses the same values."""

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
        widget=forms.CheckboxSelectMultiple(attrs={"class": VINKJE}),
        # Checked by the service, with the other rules of a subscription (one place).
        required=False,
    )
    actief = forms.BooleanField(
        label=_("Actief"),
        required=False,
        initial=True,
        help_text=_("Uitgezet: er komt niets nieuws klaar te staan en er wordt niets bezorgd."),
        widget=forms.CheckboxInput(attrs={"class": VINKJE}),
    )
    versie = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The mixin knows single checkboxes; a group of them gets the same look.
        self.fields["soorten"].widget.attrs["class"] = VINKJE

    def clean(self):
        from .services import abonnement_fouten

        gegevens = super().clean()
        fouten = abonnement_fouten(
            naam=gegevens.get("naam", ""),
            url=gegevens.get("url", ""),
            soorten=gegevens.get("soorten", []),
        )
        for veld, melding in fouten.items():
            if veld not in self.errors:
                self.add_error(veld, melding)
        return gegevens
