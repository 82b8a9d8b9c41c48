from django import forms
from django.utils.translation import gettext_lazy as _

from openinburgering.core import bsn as bsn_tools
from openinburgering.core.forms import DatumVeld, NldsFormMixin

from .models import Activiteit


class LogboekFilterForm(NldsFormMixin, forms.Form):
    """Filters; a BSN is sent by POST and turned into the pseudonym, never stored or shown."""

    bsn = forms.CharField(
        label=_("BSN van de betrokkene"),
        max_length=11,
        required=False,
        validators=[bsn_tools.valideer_bsn],
    )
    activiteit = forms.ChoiceField(
        label=_("Activiteit"),
        choices=[("", _("Alle activiteiten")), *Activiteit.choices],
        required=False,
    )
    van = DatumVeld(label=_("Vanaf"), required=False)
    tot = DatumVeld(label=_("Tot en met"), required=False)

    def clean(self):
        data = super().clean()
        if data.get("van") and data.get("tot") and data["van"] > data["tot"]:
            self.add_error("tot", _("De einddatum ligt vóór de begindatum."))
        return data
