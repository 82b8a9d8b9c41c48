from decimal import Decimal, InvalidOperation

from django import forms
from django.utils.translation import gettext_lazy as _

from openinburgering.core.forms import NldsFormMixin

from .models import Frequentie, Post
from .rekening import iban_geldig

IBAN_ONGELDIG = _(
    "Dit is geen geldige IBAN. Controleer de landcode, het controlegetal en de lengte."
)
DATUM = {"input_formats": ["%d-%m-%Y", "%Y-%m-%d"]}


class PeriodeForm(NldsFormMixin, forms.Form):
    start = forms.DateField(label=_("Start bijstand"), help_text=_("dd-mm-jjjj"), **DATUM)
    einde = forms.DateField(
        label=_("Laatste dag bijstand"), required=False, help_text=_("Leeg als de bijstand loopt."),
        **DATUM,
    )  # fmt: skip


class ImportForm(NldsFormMixin, forms.Form):
    bestand = forms.FileField(
        label=_("Bestand van Werk en Inkomen (CSV of XLSX)"),
        help_text=_("Kolommen: bsn, start, einde, kenmerk. Datums als jjjj-mm-dd of dd-mm-jjjj."),
    )


class BesluitForm(NldsFormMixin, forms.Form):
    afbouwplan = forms.CharField(
        label=_("Afbouwplan naar financiële zelfredzaamheid"), widget=forms.Textarea, required=False
    )
    toestemming_op = forms.DateField(
        label=_("Toestemming (machtiging) gegeven op"), required=False, help_text=_("dd-mm-jjjj"),
        **DATUM,
    )  # fmt: skip
    versie = forms.IntegerField(widget=forms.HiddenInput)


class VasteLastForm(NldsFormMixin, forms.Form):
    post = forms.ChoiceField(label=_("Soort vaste last"), choices=Post.choices)
    begunstigde = forms.CharField(label=_("Begunstigde"), max_length=70)
    iban = forms.CharField(label=_("IBAN van de begunstigde"), max_length=42)
    bedrag = forms.CharField(label=_("Bedrag in euro"), help_text=_("Bijvoorbeeld 612,50"))
    frequentie = forms.ChoiceField(label=_("Frequentie"), choices=Frequentie.choices)
    contractreferentie = forms.CharField(label=_("Contract- of klantnummer"), max_length=35)

    def clean_iban(self):
        waarde = self.cleaned_data["iban"]
        if not iban_geldig(waarde):
            raise forms.ValidationError(IBAN_ONGELDIG, code="R85")
        return waarde

    def clean_bedrag(self):
        tekst = self.cleaned_data["bedrag"].replace("€", "").replace(".", "").replace(",", ".")
        try:
            bedrag = Decimal(tekst.strip())
        except InvalidOperation:
            raise forms.ValidationError(_("Vul een bedrag in, zoals 612,50.")) from None
        if bedrag <= 0:
            raise forms.ValidationError(_("Het bedrag moet groter zijn dan € 0,00."), code="R85")
        if bedrag != bedrag.quantize(Decimal("0.01")):
            raise forms.ValidationError(
                _("Een bedrag heeft hoogstens twee cijfers achter de komma.")
            )
        return int(bedrag * 100)


class AfbouwstapForm(NldsFormMixin, forms.Form):
    omschrijving = forms.CharField(label=_("Afgesproken stap"), max_length=300)
    datum = forms.DateField(label=_("Uiterlijk"), help_text=_("dd-mm-jjjj"), **DATUM)


class VaststellenForm(NldsFormMixin, forms.Form):
    versie = forms.IntegerField(widget=forms.HiddenInput)
    dagtekening = forms.DateField(
        label=_("Dagtekening"), required=False, help_text=_("Leeg: vandaag."), **DATUM
    )


class WijzigenForm(NldsFormMixin, forms.Form):
    actie = forms.ChoiceField(
        label=_("Wijziging"),
        choices=[("stoppen", _("Eerder stoppen")), ("verlengen", _("Verlengen (Pw art. 57)"))],
        widget=forms.RadioSelect,
    )
    datum = forms.DateField(label=_("Laatste dag ontzorgen"), help_text=_("dd-mm-jjjj"), **DATUM)
    reden = forms.CharField(label=_("Reden"), widget=forms.Textarea)
    versie = forms.IntegerField(widget=forms.HiddenInput)


class RunForm(NldsFormMixin, forms.Form):
    maand = forms.DateField(
        label=_("Maand"), help_text=_("Een dag in de maand, dd-mm-jjjj"), **DATUM
    )
    uitvoerdatum = forms.DateField(label=_("Uitvoerdatum"), help_text=_("dd-mm-jjjj"), **DATUM)


class WeigerenForm(NldsFormMixin, forms.Form):
    teruggeboekt = forms.BooleanField(label=_("Teruggeboekt (niet geweigerd)"), required=False)
    reden = forms.CharField(label=_("Reden van de bank"), max_length=200)
