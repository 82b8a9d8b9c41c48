from django import forms
from django.utils.translation import gettext_lazy as _

from openinburgering.core.forms import NldsFormMixin


class OverdragenForm(NldsFormMixin, forms.Form):
    naar_gemeentecode = forms.CharField(
        label=_("Code van de nieuwe gemeente"),
        max_length=4,
        help_text=_("De gemeentecode van 4 cijfers, zoals de BRP die noemt (bijvoorbeeld 0363)."),
    )
    naar_gemeentenaam = forms.CharField(label=_("Naam van de nieuwe gemeente"), max_length=100)
    versie = forms.IntegerField(widget=forms.HiddenInput)


class InlezenForm(NldsFormMixin, forms.Form):
    bestand = forms.FileField(
        label=_("Overdrachtsbestand (.json)"),
        help_text=_("Het JSON-bestand dat de vorige gemeente bij het overdrachtsdocument meegaf."),
    )
