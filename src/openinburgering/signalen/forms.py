from django import forms
from django.utils.translation import gettext_lazy as _

from openinburgering.core.forms import NldsFormMixin
from openinburgering.inburgeraars.codes import Doelgroep, keuzes

from .models import Soort
from .selectors import Tab


class WerklijstFilterForm(NldsFormMixin, forms.Form):
    tab = forms.ChoiceField(
        label=_("Lijst"),
        choices=[
            (Tab.MIJN, _("Mijn werk")),
            (Tab.TEAM, _("Werk van het team")),
            (Tab.NIET_TOEGEWEZEN, _("Niet toegewezen")),
        ],
        required=False,
    )
    soort = forms.ChoiceField(
        label=_("Soort"), choices=[("", _("Alle soorten")), *Soort.choices], required=False
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


class ToewijzenForm(NldsFormMixin, forms.Form):
    signalen = forms.CharField(widget=forms.MultipleHiddenInput, required=False)
    aan = forms.ChoiceField(label=_("Toewijzen aan"), required=True)

    def __init__(self, *args, medewerkers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["aan"].choices = [
            ("", _("Kies een medewerker")),
            ("niemand", _("Niemand (terug naar niet toegewezen)")),
            *[(str(m.pk), m.get_full_name() or m.username) for m in medewerkers],
        ]
