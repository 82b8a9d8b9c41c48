from django import forms
from django.utils.translation import gettext_lazy as _

from openinburgering.core.forms import DatumVeld, NldsFormMixin

from .workflow import BezwaarUitkomst


class BezwaarForm(NldsFormMixin, forms.Form):
    ontvangen_op = DatumVeld(label=_("Bezwaarschrift ontvangen op"))
    datum_ter_post = DatumVeld(
        label=_("Op de post gedaan op (als het per post kwam)"), required=False
    )
    adviescommissie = forms.BooleanField(
        label=_("De bezwaarcommissie geeft advies"), required=False
    )
    toelichting = forms.CharField(
        label=_("Toelichting"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class BezwaarBeslissenForm(NldsFormMixin, forms.Form):
    # No outcome preselected: the caseworker chooses one on purpose.
    uitkomst = forms.ChoiceField(
        label=_("Uitkomst"),
        choices=[
            ("", _("Kies een uitkomst")),
            *[c for c in BezwaarUitkomst.choices if c[0] != "open"],
        ],
        error_messages={"required": _("Kies een uitkomst.")},
    )
    beslist_op = DatumVeld(label=_("Beslist op"))
    toelichting = forms.CharField(
        label=_("Toelichting"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
