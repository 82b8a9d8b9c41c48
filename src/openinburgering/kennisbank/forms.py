from django import forms
from django.utils.translation import gettext_lazy as _

from openinburgering.core.forms import NldsFormMixin, Vinkjes

from .models import Artikel
from .plaatsen import Plaats


class ArtikelForm(NldsFormMixin, forms.ModelForm):
    plaatsen = forms.MultipleChoiceField(
        label=_("Tonen bij"),
        choices=Plaats.choices,
        required=False,
        widget=Vinkjes,
    )
    regels = forms.CharField(
        label=_("Regels"),
        required=False,
        help_text=_("Ids uit de regelcatalogus, gescheiden door komma's, bijvoorbeeld R34, R35."),
    )
    bron_datum = forms.DateField(
        label=_("Datum van de bron"),
        input_formats=["%d-%m-%Y", "%Y-%m-%d"],
        help_text=_("Als dd-mm-jjjj."),
        error_messages={"invalid": _("Vul een geldige datum in, als dd-mm-jjjj.")},
    )
    versie = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Artikel
        fields = [
            "titel",
            "samenvatting",
            "tekst",
            "bron_titel",
            "bron_url",
            "bron_datum",
            "tags",
            "plaatsen",
            "regels",
            "gepubliceerd",
        ]
        widgets = {"tekst": forms.Textarea(attrs={"rows": 12})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["regels"] = ", ".join(self.instance.regels or [])
            self.initial["versie"] = self.instance.versie
            self.initial["bron_datum"] = self.instance.bron_datum.strftime("%d-%m-%Y")
        self.fields["plaatsen"].widget.attrs["class"] = (
            "utrecht-checkbox utrecht-checkbox--html-input"
        )

    def clean_regels(self):
        return [r.strip().upper() for r in self.cleaned_data["regels"].split(",") if r.strip()]

    def velden(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("versie", None)
        return data
