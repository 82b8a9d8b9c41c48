from django import forms
from django.utils.translation import gettext_lazy as _

from openinburgering.core.forms import NldsFormMixin

from .models import Gemeente


class GemeenteInstellingenForm(NldsFormMixin, forms.ModelForm):
    """Naam, DUO koppeling and contact details; code and OIN are shown, never posted."""

    versie = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = Gemeente
        fields = ["naam", "koppeling", "adres", "bezwaar_adres", "telefoonnummer", "email"]
        labels = {
            "naam": _("Naam van de gemeente"),
            "koppeling": _("Koppeling met DUO"),
            "adres": _("Bezoekadres"),
            "bezwaar_adres": _("Adres voor bezwaarschriften"),
            "telefoonnummer": _("Telefoonnummer"),
            "email": _("E-mailadres"),
        }
        help_texts = {
            "naam": _("Zo staat de gemeente op brieven en in het scherm: ‘Gemeente …’."),
            "koppeling": _(
                "Geldt voor berichten aan DUO die vanaf nu ontstaan. Berichten die al klaarstaan, "
                "houden hun route."
            ),
            "adres": _("Op één regel, bijvoorbeeld Stadhuisplein 1, 9001 AA Demodam."),
            "bezwaar_adres": _(
                "Staat in elk besluit bij ‘Bent u het niet eens met dit besluit?’, bijvoorbeeld "
                "Postbus 100, 9000 AA Demodam. Leeg: het bezoekadres."
            ),
            "telefoonnummer": _("Bijvoorbeeld 14 030 of 030 286 00 00."),
            "email": _("Bijvoorbeeld inburgering@gemeente.nl."),
        }
        error_messages = {
            "naam": {"required": _("Vul de naam van de gemeente in.")},
            "koppeling": {"required": _("Kies hoe de gemeente met DUO gegevens uitwisselt.")},
            "email": {
                "invalid": _("Vul een geldig e-mailadres in, bijvoorbeeld inburgering@gemeente.nl.")
            },
        }
        widgets = {
            "telefoonnummer": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "adres": forms.TextInput(attrs={"autocomplete": "street-address"}),
            "bezwaar_adres": forms.TextInput(attrs={"autocomplete": "off"}),
        }


class LogoForm(NldsFormMixin, forms.Form):
    logo = forms.FileField(
        label=_("Logo"),
        help_text=_("PNG of JPEG, hoogstens 2 MB. Het logo staat linksboven op elke brief."),
        widget=forms.FileInput(attrs={"accept": "image/png,image/jpeg"}),
        error_messages={"required": _("Kies een bestand met het logo.")},
    )


def _bereik_veld():
    from openinburgering.accounts.bereiken import keuzes

    return forms.MultipleChoiceField(
        label=_("Bereik"),
        choices=keuzes(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Kies alleen wat het systeem nodig heeft: per onderdeel lezen en/of schrijven. "
            "Een datawarehouse krijgt bijvoorbeeld alleen ‘Cijfers en gepseudonimiseerde feiten’."
        ),
    )


class ApiTokenAanmakenForm(NldsFormMixin, forms.Form):
    naam = forms.CharField(
        label=_("Naam van het systeem"),
        max_length=100,
        help_text=_("Bijvoorbeeld: zaaksysteem, datawarehouse, W&I-systeem."),
    )
    bereiken = _bereik_veld()


class ApiTokenWijzigenForm(NldsFormMixin, forms.Form):
    bereiken = _bereik_veld()
    actief = forms.BooleanField(
        label=_("Het token werkt"),
        required=False,
        help_text=_("Zet uit om het token direct in te trekken."),
    )
    versie = forms.IntegerField(widget=forms.HiddenInput)
