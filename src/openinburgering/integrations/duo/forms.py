"""Forms of the DUO integration's pages: the gemeente's contact persons at DUO."""

from django import forms
from django.utils.translation import gettext_lazy as _

from openinburgering.core.forms import NldsFormMixin

from .meldingen import contactgegevens_fouten


class ContactpersoonForm(NldsFormMixin, forms.Form):
    """Name, e-mail and phone as DUO's Contactpersoon API accepts them; every error at once."""

    naam = forms.CharField(
        label=_("Naam"),
        max_length=100,
        help_text=_("Zoals de inburgeraar de naam bij DUO ziet, bijvoorbeeld Ilse de Vries."),
    )
    email = forms.CharField(
        label=_("E-mailadres"),
        max_length=241,
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    telefoonnummer = forms.CharField(
        label=_("Telefoonnummer"),
        max_length=22,
        help_text=_("Bijvoorbeeld 0201234567 of +31 20 1234567."),
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "off"}),
    )
    versie = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def clean(self):
        gegevens = super().clean()
        velden = ("naam", "email", "telefoonnummer")
        if all(veld in gegevens for veld in velden):
            for veld, melding in contactgegevens_fouten(*(gegevens[v] for v in velden)).items():
                self.add_error(veld, melding)
        return gegevens


class KoppelenForm(NldsFormMixin, forms.Form):
    contactpersoon = forms.ChoiceField(label=_("Contactpersoon bij DUO"))

    def __init__(self, *args, keuzes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contactpersoon"].choices = [
            ("", _("Maak een keuze")),
            *((str(c.uuid), c.naam) for c in keuzes),
        ]
