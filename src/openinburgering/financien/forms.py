from django import forms
from django.utils.translation import gettext_lazy as _

from openinburgering.core.forms import DatumVeld, NldsFormMixin
from openinburgering.taalaanbieders.codes import LEERROUTES
from openinburgering.taalaanbieders.models import Contract

from .models import KOSTENSOORTEN, Bijdragesoort

NEGATIEF = _("Een bedrag kan niet negatief zijn. Corrigeer een boeking met een tegenboeking.")


def _bedrag(label, help_text):
    return forms.DecimalField(
        label=label,
        help_text=help_text,
        max_digits=12,
        decimal_places=2,
        localize=True,
        error_messages={
            "invalid": _("Vul een bedrag in euro's in, bijvoorbeeld 2370,00."),
            "max_decimal_places": _("Een bedrag heeft hoogstens twee cijfers achter de komma."),
            "max_digits": _("Dit bedrag is te groot; controleer het."),
            "required": _("Vul het bedrag in."),
        },
    )


class RijksbijdrageForm(NldsFormMixin, forms.Form):
    jaar = forms.IntegerField(
        label=_("Jaar"), error_messages={"invalid": _("Vul een jaartal in, bijvoorbeeld 2026.")}
    )
    soort = forms.ChoiceField(
        label=_("Soort bijdrage"),
        choices=Bijdragesoort.choices,
        error_messages={"invalid_choice": _("Kies een bekende soort bijdrage.")},
    )
    bedrag = _bedrag(_("Bedrag (euro)"), _("Het bedrag in de beschikking of circulaire."))
    aantal_personen = forms.IntegerField(
        label=_("Aantal personen"),
        required=False,
        help_text=_("Het aantal (verwachte) inburgeraars waarop het bedrag is gebaseerd."),
    )
    grondslag = forms.CharField(
        label=_("Grondslag"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Waarop berust de bijdrage: de beschikking, circulaire of het akkoord."),
    )
    regeling = forms.CharField(
        label=_("Regeling en artikel"),
        max_length=200,
        help_text=_("Bijvoorbeeld ‘Bi2021 art. 6.6; Ri2021 bijlage’ of ‘meicirculaire 2021’."),
    )


class BoekingForm(NldsFormMixin, forms.Form):
    soort = forms.ChoiceField(
        label=_("Kostensoort"),
        choices=KOSTENSOORTEN,
        error_messages={"invalid_choice": _("Kies een bekende kostensoort.")},
    )
    bedrag = _bedrag(_("Bedrag (euro)"), "")
    datum = DatumVeld(label=_("Datum van de kosten"))
    leerroute = forms.ChoiceField(
        label=_("Leerroute (bij een cursus)"),
        choices=[("", _("Niet van toepassing")), *LEERROUTES],
        required=False,
    )
    contract = forms.ModelChoiceField(
        label=_("Contract (bij een cursus)"),
        queryset=Contract.objects.none(),
        required=False,
        empty_label=_("Geen contract"),
    )
    reden = forms.CharField(
        label=_("Reden"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Waarom deze kosten, bijvoorbeeld het factuurnummer of de opdracht. Geen namen of "
            "andere persoonsgegevens: de boeking blijft bestaan als het dossier is vernietigd."
        ),
    )

    def __init__(self, *args, contracten, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contract"].queryset = contracten
        self.fields["contract"].choices = [("", _("Geen contract"))] + [
            (c.pk, c.kenmerk) for c in contracten
        ]


class CorrectieForm(NldsFormMixin, forms.Form):
    reden = forms.CharField(
        label=_("Reden van de correctie"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Geen namen of andere persoonsgegevens."),
    )
