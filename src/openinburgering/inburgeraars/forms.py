from datetime import date

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from openinburgering.core import bsn as bsn_tools
from openinburgering.core.forms import DatumVeld, NldsFormMixin

from .codes import Doelgroep, keuzes
from .models import POSTCODE_FOUT, Inburgeraar, postcode_normaliseren
from .workflow import Eindreden, Status


class InburgeraarForm(NldsFormMixin, forms.ModelForm):
    geboortedatum = DatumVeld(label=_("Geboortedatum"), help_text=_("Bijvoorbeeld 31-12-1990."))
    datum_bekendmaking_ind = DatumVeld(
        label=_("Datum bekendmaking verblijfsrecht (IND)"),
        required=False,
        help_text=_("Vanaf deze dag geldt de inburgeringsplicht. Bepaalt ook het regime."),
    )
    versie = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Inburgeraar
        fields = [
            "voornamen",
            "voorvoegsel",
            "achternaam",
            "geboortedatum",
            "vnummer",
            "nationaliteit",
            "verblijfsdoel",
            "datum_bekendmaking_ind",
            "talen",
            "straat_huisnummer",
            "postcode",
            "woonplaats",
            "telefoon",
            "email",
            "doelgroep",
            "gedetailleerde_doelgroep",
            "regime",
        ]
        help_texts = {
            "vnummer": _("Het vreemdelingennummer van de IND, 10 cijfers."),
            "talen": _(
                "Bijvoorbeeld: Arabisch, Engels. Brieven hebben een korte samenvatting in de "
                "eerste taal waarvoor er een is."
            ),
            "straat_huisnummer": _("Zoals in de BRP, bijvoorbeeld Dorpsstraat 12 A."),
            "postcode": _("Bijvoorbeeld 1234 AB."),
            "regime": _("Wordt bepaald uit de datum van de IND als die bekend is (regel R2)."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The model allows them empty (a person DUO announced); a caseworker types them in.
        for veld in ("voornamen", "achternaam"):
            self.fields[veld].required = True

    def clean_vnummer(self):
        waarde = self.cleaned_data["vnummer"].strip()
        if waarde and not (waarde.isdigit() and len(waarde) == 10):
            raise forms.ValidationError(_("Een V-nummer bestaat uit 10 cijfers."))
        return waarde

    def clean_postcode(self):
        try:
            return postcode_normaliseren(self.cleaned_data["postcode"])
        except ValueError:
            raise forms.ValidationError(POSTCODE_FOUT) from None

    def clean_geboortedatum(self):
        waarde = self.cleaned_data["geboortedatum"]
        if waarde > timezone.localdate():
            raise forms.ValidationError(_("De geboortedatum kan niet in de toekomst liggen."))
        if waarde < date(1900, 1, 1):
            raise forms.ValidationError(_("Controleer het jaar van de geboortedatum."))
        return waarde


class NieuweInburgeraarForm(InburgeraarForm):
    bsn = forms.CharField(
        label=_("BSN"),
        max_length=11,
        help_text=_("9 cijfers. Het nummer wordt gecontroleerd met de 11-proef."),
        validators=[bsn_tools.valideer_bsn],
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )

    class Meta(InburgeraarForm.Meta):
        fields = ["bsn", *InburgeraarForm.Meta.fields]

    field_order = ["bsn", *InburgeraarForm.Meta.fields]


class ZoekForm(NldsFormMixin, forms.Form):
    # Also finds the dossier a letter went to by its kenmerk (selectors.inburgeraar_list).
    zoek = forms.CharField(label=_("Naam of V-nummer"), max_length=100, required=False)
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("Alle statussen")), *Status.choices], required=False
    )
    doelgroep = forms.ChoiceField(
        label=_("Doelgroep"),
        choices=[("", _("Alle doelgroepen")), *keuzes(Doelgroep)],
        required=False,
    )
    # Only for a user of several gemeenten (a regional team): gemeenten.toegang.gemeente_keuzes.
    gemeente = forms.ChoiceField(label=_("Gemeente"), required=False)

    def __init__(self, *args, gemeenten=(), **kwargs):
        super().__init__(*args, **kwargs)
        if gemeenten:
            self.fields["gemeente"].choices = gemeenten
        else:
            del self.fields["gemeente"]


class BsnZoekForm(NldsFormMixin, forms.Form):
    bsn = forms.CharField(
        label=_("Zoek op BSN"),
        max_length=11,
        validators=[bsn_tools.valideer_bsn],
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )


class StatusForm(NldsFormMixin, forms.Form):
    status = forms.ChoiceField(label=_("Nieuwe status"), choices=Status.choices)
    eindreden = forms.ChoiceField(
        label=_("Reden (alleen bij afronden)"),
        choices=[("", "—"), *Eindreden.choices],
        required=False,
    )
    versie = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, dossier, **kwargs):
        super().__init__(*args, **kwargs)
        from .workflow import toegestane_overgangen

        self.fields["status"].choices = [
            (s.value, s.label) for s in toegestane_overgangen(dossier.status)
        ]
