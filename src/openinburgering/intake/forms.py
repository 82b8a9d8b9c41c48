from datetime import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from openinburgering.core.forms import DatumVeld, NldsFormMixin

from .models import MET_AFSPRAAK, BredeIntake, StapSoort
from .services import LBT_VELDEN, SECTIES


class IntakeForm(NldsFormMixin, forms.ModelForm):
    lbt_examennummer_aangevraagd_op = DatumVeld(
        label=_("Examennummer LBT aangevraagd bij DUO op"), required=False
    )
    lbt_afgenomen_op = DatumVeld(label=_("LBT afgenomen op"), required=False)
    lbt_behaalde_score = forms.DecimalField(
        label=_("Behaalde score"),
        required=False,
        localize=True,
        max_digits=5,
        decimal_places=2,
        help_text=_("Zoals DUO hem geeft, bijvoorbeeld 29,00."),
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )
    lbt_benodigde_score = forms.DecimalField(
        label=_("Benodigde score (van DUO)"),
        required=False,
        localize=True,
        max_digits=5,
        decimal_places=2,
        help_text=_("DUO geeft de benodigde score bij elke uitslag (R28)."),
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )
    versie = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = BredeIntake
        fields = [*SECTIES, *LBT_VELDEN]
        widgets = {veld: forms.Textarea(attrs={"rows": 3}) for veld in SECTIES}

    def __init__(self, *args, mag_gezondheid: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not mag_gezondheid:
            del self.fields["gezondheid"]


class GesprekForm(NldsFormMixin, forms.Form):
    id_voorvoegsel = "gesprek"
    datum = DatumVeld(label=_("Datum van het gesprek"))
    tolk_gebruikt = forms.BooleanField(label=_("Er was een tolk"), required=False)
    tolk_taal = forms.CharField(label=_("Taal van de tolk"), max_length=60, required=False)
    verslag = forms.CharField(
        label=_("Kort verslag"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def clean(self):
        data = super().clean()
        if data.get("tolk_gebruikt") and not (data.get("tolk_taal") or "").strip():
            self.add_error("tolk_taal", _("Vul in in welke taal de tolk vertaalde."))
        return data


class StapForm(NldsFormMixin, forms.Form):
    """A step of non-cooperation with its letter. A fine is not a step: see "Handhaving starten"."""

    id_voorvoegsel = "stap"

    soort = forms.ChoiceField(label=_("Stap"), choices=StapSoort.choices)
    datum = DatumVeld(label=_("Datum van de brief"))
    afspraak_datum = DatumVeld(
        label=_("Datum van het intakegesprek"),
        required=False,
        help_text=_("Bij een uitnodiging of herinnering."),
    )
    afspraak_tijd = forms.TimeField(
        label=_("Tijd van het intakegesprek"),
        required=False,
        input_formats=["%H:%M", "%H.%M"],
        help_text=_("Bijvoorbeeld 14:30."),
        widget=forms.TimeInput(attrs={"inputmode": "numeric"}, format="%H:%M"),
    )
    afspraak_plaats = forms.CharField(
        label=_("Plaats van het intakegesprek"),
        max_length=200,
        required=False,
        help_text=_("Bijvoorbeeld: Stadhuis, Markt 1, kamer 2.04."),
    )
    genegeerd = forms.BooleanField(
        label=_("De persoon kwam niet en meldde zich niet af"),
        required=False,
        help_text=_("Alleen als het gesprek al voorbij is. Telt mee voor de volgende stap (R31)."),
    )
    toelichting = forms.CharField(
        label=_("Toelichting"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def clean(self):
        data = super().clean()
        if data.get("soort") in MET_AFSPRAAK:
            for veld, melding in (
                ("afspraak_datum", _("Vul de datum van het intakegesprek in.")),
                ("afspraak_tijd", _("Vul de tijd van het intakegesprek in.")),
                ("afspraak_plaats", _("Vul de plaats van het intakegesprek in.")),
            ):
                if not data.get(veld) and veld not in self.errors:
                    self.add_error(veld, melding)
        return data

    def service_kwargs(self) -> dict:
        data = dict(self.cleaned_data)
        dag, tijd = data.pop("afspraak_datum", None), data.pop("afspraak_tijd", None)
        data["afspraak_op"] = (
            timezone.make_aware(datetime.combine(dag, tijd)) if dag and tijd else None
        )
        return data
