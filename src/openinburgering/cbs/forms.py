from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from openinburgering.core.forms import NldsFormMixin, Vinkjes
from openinburgering.gemeenten.models import Gemeente


class AanvraagForm(NldsFormMixin, forms.Form):
    kwartaal = forms.ChoiceField(label=_("Kwartaal"))
    gemeenten = forms.ModelMultipleChoiceField(
        label=_("Gemeenten in het bestand"),
        queryset=Gemeente.objects.none(),
        widget=Vinkjes,
        help_text=_("Levert u als berichtgever voor meer gemeenten, dan komen zij in één bestand."),
        error_messages={"required": _("Kies ten minste één gemeente.")},
    )

    def __init__(self, *args, kwartalen, gemeenten, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kwartaal"].choices = [
            (f"{j}-{k}", _("Kwartaal %(k)s van %(j)s") % {"k": k, "j": j}) for j, k in kwartalen
        ]
        self.fields["gemeenten"].queryset = gemeenten
        # The form mixin fixed the (then empty) choices as a list; give the boxes their gemeenten.
        self.fields["gemeenten"].choices = [(g.pk, f"{g.naam} ({g.code})") for g in gemeenten]
        self.fields["gemeenten"].widget.attrs["class"] = (
            "utrecht-checkbox utrecht-checkbox--html-input"
        )

    def jaar_kwartaal(self) -> tuple[int, int]:
        jaar, kwartaal = self.cleaned_data["kwartaal"].split("-")
        return int(jaar), int(kwartaal)


class AangeleverdForm(NldsFormMixin, forms.Form):
    aangeleverd_op = forms.DateTimeField(
        label=_("Aangeleverd op"),
        help_text=_(
            "Datum en tijd van de upload in het portaal van het CBS, als dd-mm-jjjj uu:mm."
        ),
        input_formats=["%d-%m-%Y %H:%M", "%Y-%m-%dT%H:%M", "%d-%m-%Y"],
        error_messages={"invalid": _("Vul datum en tijd in als dd-mm-jjjj uu:mm.")},
    )
    kenmerk_cbs = forms.CharField(
        label=_("Kenmerk of bevestiging van het CBS"), max_length=100, required=False
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault(
            "initial", {"aangeleverd_op": timezone.localtime().strftime("%d-%m-%Y %H:%M")}
        )
        super().__init__(*args, **kwargs)
