from django import forms
from django.utils.translation import gettext_lazy as _

from openinburgering.core.forms import DatumVeld, NldsFormMixin
from openinburgering.inburgeraars.codes import keuzes
from openinburgering.regels.codes import Verplichting


class ZaakForm(NldsFormMixin, forms.Form):
    verplichting = forms.ChoiceField(
        label=_("Welke verplichting is niet nagekomen?"),
        choices=[("", "—"), *keuzes(Verplichting)],
        help_text=_(
            "Plichten uit de Participatiewet (werk, machtiging ontzorgen) gaan naar een "
            "maatregel op de bijstand, niet naar een boete (R33)."
        ),
    )
    overtredingsdatum = DatumVeld(label=_("Datum van de overtreding"))
    omschrijving = forms.CharField(
        label=_("Wat is er gebeurd?"), widget=forms.Textarea(attrs={"rows": 3})
    )
    genegeerde_oproepen = forms.IntegerField(
        label=_("Aantal genegeerde oproepen voor de brede intake"),
        min_value=0,
        max_value=10,
        initial=0,
        required=False,
        help_text=_("Alleen bij de brede intake: bepaalt de volgende stap (R31)."),
    )


class StapForm(NldsFormMixin, forms.Form):
    datum = DatumVeld(label=_("Datum (dagtekening van de brief)"))
    toelichting = forms.CharField(
        label=_("Toelichting"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


class BedragForm(NldsFormMixin, forms.Form):
    datum = DatumVeld(label=_("Datum (dagtekening van de brief)"))
    bedrag = forms.DecimalField(
        label=_("Bedrag in euro"), max_digits=7, decimal_places=2, min_value=0
    )
    bedrag.localize = True
    matigingsreden = forms.CharField(
        label=_("Reden voor een lager bedrag"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text=_("Verplicht bij een lager bedrag (Awb 5:46 lid 3)."),
    )


class VoornemenForm(BedragForm):
    rapport = forms.CharField(
        label=_("Rapport van de overtreding"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=_("Verplicht bij een PIP-boete (art. 23, Awb 5:53)."),
    )
