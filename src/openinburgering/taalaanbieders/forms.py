from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from openinburgering.core.forms import NldsFormMixin

from .codes import ERK_NIVEAUS, EXAMENNIVEAUS, LEERROUTES, NIVEAUS, ONDERDELEN, Beoordeling
from .models import Contract, Instelling, InstellingContact, Verzuimreden

DATUM = {"input_formats": ["%d-%m-%Y", "%Y-%m-%d"]}


def _datum(label, *, required=True, help_text=""):
    return forms.DateField(
        label=label,
        required=required,
        help_text=help_text or _("Als dd-mm-jjjj, bijvoorbeeld 03-03-2026."),
        widget=forms.DateInput(attrs={"autocomplete": "off", "inputmode": "numeric"}),
        error_messages={"invalid": _("Vul een geldige datum in, als dd-mm-jjjj.")},
        **DATUM,
    )


def _uren(label, help_text=""):
    return forms.DecimalField(
        label=label,
        min_value=0,
        max_value=999,
        decimal_places=1,
        help_text=help_text,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
        error_messages={"invalid": _("Vul een aantal uren in, bijvoorbeeld 12 of 7,5.")},
        localize=True,
    )


def _vinkjes(form, naam):
    """Checkbox groups get the NLDS checkbox class on each box (the mixin styles selects)."""
    form.fields[naam].widget.attrs["class"] = "utrecht-checkbox utrecht-checkbox--html-input"


class ContactForm(NldsFormMixin, forms.ModelForm):
    class Meta:
        model = InstellingContact
        fields = ["contactpersoon", "email", "telefoon"]


class ContractForm(NldsFormMixin, forms.ModelForm):
    instelling = forms.ModelChoiceField(
        label=_("Taalaanbieder"),
        queryset=Instelling.objects.filter(erkend_bij_duo=True).order_by("naam"),
        help_text=_("Alleen instellingen in de lijst van DUO (keurmerk Blik op Werk of TST)."),
    )
    leerroutes = forms.MultipleChoiceField(
        label=_("Leerroutes"), choices=LEERROUTES, widget=forms.CheckboxSelectMultiple
    )
    niveaus = forms.MultipleChoiceField(
        label=_("Niveaus"),
        choices=NIVEAUS,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Leeg: alle niveaus."),
    )
    startdatum = _datum(_("Ingangsdatum"))
    einddatum = _datum(_("Einddatum (laatste dag)"))

    class Meta:
        model = Contract
        fields = [
            "instelling",
            "kenmerk",
            "leerroutes",
            "niveaus",
            "prijsmodel",
            "tarief",
            "afrekenbasis",
            "uren_per_week",
            "capaciteit",
            "startdatum",
            "einddatum",
            "contractwaarde",
            "verzuim_drempel_procent",
            "verzuimafspraken",
            "resultaatafspraken",
        ]
        localized_fields = ["tarief", "contractwaarde"]
        widgets = {
            "verzuimafspraken": forms.Textarea(attrs={"rows": 3}),
            "resultaatafspraken": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _vinkjes(self, "leerroutes")
        _vinkjes(self, "niveaus")


class VerwijzingForm(NldsFormMixin, forms.Form):
    contract = forms.ModelChoiceField(
        label=_("Taalaanbieder en contract"), queryset=Contract.objects.none(), empty_label=None
    )
    datum_inburgeringsaanbod = _datum(
        _("Inschrijfdatum"),
        help_text=_(
            "De datum van het inburgeringsaanbod (dd-mm-jjjj). Voor de B1- en Z-route is dit ook "
            "de start van de lessen."
        ),
    )
    verwachte_startdatum = _datum(_("Verwachte startdatum van de lessen"))
    verwachte_einddatum = _datum(_("Verwachte einddatum"), required=False)
    uren_per_week = forms.IntegerField(
        label=_("Intensiteit (lesuren per week)"),
        min_value=1,
        max_value=40,
        required=False,
        help_text=_("Leeg: de uren per week uit het contract."),
    )

    def __init__(self, *args, contracten=None, **kwargs):
        super().__init__(*args, **kwargs)
        # The mixin froze the choices of the (empty) class-level queryset; rebuild the field.
        oud = self.fields["contract"]
        veld = forms.ModelChoiceField(
            label=oud.label,
            queryset=contracten if contracten is not None else Contract.objects.none(),
            empty_label=None,
        )
        veld.label_from_instance = lambda c: (
            f"{c.instelling.naam} – {c.kenmerk} ({c.leerroute_labels})"
        )
        veld.widget.attrs = dict(oud.widget.attrs)
        self.fields["contract"] = veld


class EigenCursusForm(NldsFormMixin, forms.Form):
    instelling = forms.ModelChoiceField(
        label=_("School uit de lijst van DUO"),
        queryset=Instelling.objects.order_by("naam"),
        required=False,
    )
    naam_instelling = forms.CharField(
        label=_("Of: naam van de school"), max_length=128, required=False
    )
    sinds = _datum(_("Volgt de cursus sinds"), required=False)


class IntakeForm(NldsFormMixin, forms.Form):
    datum = _datum(_("Datum van de intake bij de school"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["datum"].initial = timezone.localdate().strftime("%d-%m-%Y")


class UrenForm(NldsFormMixin, forms.Form):
    periode_start = _datum(_("Eerste dag van de periode"))
    periode_einde = _datum(_("Laatste dag van de periode"), help_text=_("Een week of een maand."))
    uren_aangeboden = _uren(_("Aangeboden lesuren"))
    uren_aanwezig = _uren(_("Aanwezig (uren)"))
    uren_fysiek = _uren(
        _("Waarvan in de klas (uren)"), _("Niet op afstand. Telt mee voor afschalen (R21).")
    )
    verzuimreden = forms.ChoiceField(
        label=_("Reden van verzuim"),
        choices=[("", _("Geen verzuim"))] + list(Verzuimreden.choices),
        required=False,
        help_text=_("Verplicht als de deelnemer minder uren aanwezig was dan aangeboden."),
    )
    toelichting = forms.CharField(
        label=_("Toelichting"),
        max_length=200,
        required=False,
        help_text=_("Kort, zonder medische details."),
    )


class VoortgangForm(NldsFormMixin, forms.Form):
    datum = _datum(_("Datum"))
    onderdeel = forms.ChoiceField(label=_("Onderdeel"), choices=ONDERDELEN)
    niveau = forms.ChoiceField(
        label=_("Huidig niveau"),
        choices=[("", _("Nog niet bepaald"))] + ERK_NIVEAUS,
        required=False,
    )
    beoordeling = forms.ChoiceField(label=_("Beoordeling"), choices=Beoordeling.choices)
    toelichting = forms.CharField(
        label=_("Toelichting"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        required=False,
    )


class ExamenForm(NldsFormMixin, forms.Form):
    onderdeel = forms.ChoiceField(label=_("Onderdeel"), choices=ONDERDELEN)
    niveau = forms.ChoiceField(label=_("Examenniveau"), choices=EXAMENNIVEAUS)
    datum = _datum(_("Examendatum"))


class AfschaalForm(NldsFormMixin, forms.Form):
    b1_onhaalbaar = forms.BooleanField(
        label=_("B1 is binnen de inburgeringstermijn niet haalbaar"), required=False
    )
    voldoende_inspanning = forms.BooleanField(
        label=_("De deelnemer heeft zich voldoende ingespannen"), required=False
    )
    # Required, but checked by the service so the browser does not mark it red before typing.
    motivering = forms.CharField(
        label=_("Motivering"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        required=False,
    )


class UploadForm(NldsFormMixin, forms.Form):
    bestand = forms.FileField(
        label=_("Bestand met uren (CSV of XLSX)"),
        help_text=_("Gebruik het voorbeeldbestand: één regel per deelnemer per week of maand."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )

    def clean_bestand(self):
        """Refuse by name and size only: the content is read by a task (ADR 0055)."""
        from .upload import MAX_BYTES

        bestand = self.cleaned_data["bestand"]
        if not bestand.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError(_("Upload een CSV- of XLSX-bestand."))
        if bestand.size > MAX_BYTES:
            raise forms.ValidationError(_("Het bestand is groter dan 2 MB. Splits het in delen."))
        return bestand
