from django import forms
from django.utils.translation import gettext_lazy as _

from openinburgering.core.forms import NldsFormMixin


class InlogForm(NldsFormMixin, forms.Form):
    username = forms.CharField(
        label=_("Gebruikersnaam"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "username", "autofocus": True}),
    )
    password = forms.CharField(
        label=_("Wachtwoord"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )


class CodeForm(NldsFormMixin, forms.Form):
    code = forms.CharField(
        label=_("Code uit uw authenticator-app"),
        max_length=8,
        help_text=_("Zes cijfers, bijvoorbeeld 123456."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )


class TweedeStapForm(NldsFormMixin, forms.Form):
    """The second step of signing in: a code from the app, or one of the recovery codes."""

    code = forms.CharField(
        label=_("Code uit uw authenticator-app"),
        max_length=16,
        help_text=_(
            "Zes cijfers, bijvoorbeeld 123456. Heeft u uw telefoon niet bij de hand? Vul dan een "
            "van uw herstelcodes in, bijvoorbeeld abcde-fghjk."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True}),
    )
