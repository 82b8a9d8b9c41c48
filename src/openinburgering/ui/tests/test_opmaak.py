"""``{% veld %}`` writes what ``ui/_veld.html`` writes; ``{% statisch %}`` what ``{% static %}``
writes (ADR 0061)."""

from django import forms
from django.template import Context, Template
from django.test import override_settings
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy

import pytest

from openinburgering.core.forms import NldsFormMixin
from openinburgering.inburgeraars.forms import BsnZoekForm, InburgeraarForm, ZoekForm


class Velden(NldsFormMixin, forms.Form):
    naam = forms.CharField(label='Naam <en> "toenaam"', help_text="Zoals in de BRP & bij DUO")
    lui = forms.CharField(label=gettext_lazy("Status"), required=False)
    veilig = forms.CharField(
        label=mark_safe("<abbr>BSN</abbr>"), help_text=mark_safe("<em>11</em>")
    )
    getal = forms.IntegerField(min_value=1, required=False, help_text=gettext_lazy("Status"))
    keuze = forms.ChoiceField(choices=[("a", "A & B"), ("b", "B")])
    tekst = forms.CharField(widget=forms.Textarea, required=False)
    vink = forms.BooleanField(required=False)
    rondje = forms.ChoiceField(widget=forms.RadioSelect, choices=[("1", "Een"), ("2", "Twee")])

    def clean(self):
        raise forms.ValidationError("Het geheel klopt niet.")


def _formulieren():
    yield Velden()
    yield Velden({"naam": "", "getal": "nul <0>", "keuze": "x", "tekst": "<b>", "rondje": "3"})
    yield Velden({"naam": "Amina", "veilig": "1", "keuze": "a", "rondje": "1"})
    yield BsnZoekForm()
    yield BsnZoekForm({"bsn": "123"})
    yield ZoekForm({"status": "onbekend", "zoek": "<script>"}, gemeenten=[])
    yield InburgeraarForm()
    yield InburgeraarForm({"geboortedatum": "32-13-2020", "voornamen": "x" * 500})


SJABLOON = Template(
    '{% include "ui/_veld.html" with veld=veld %}|'
    '{% include "ui/_veld.html" with veld=veld zonder_optioneel=True %}'
)
TAG = Template("{% load opmaak %}{% veld veld %}|{% veld veld zonder_optioneel=True %}")


@pytest.mark.parametrize("taal", ["nl", "en"])
def test_veld_writes_what_the_partial_writes_for_every_kind_of_field(taal):
    gezien = 0
    with translation.override(taal):
        for form in _formulieren():
            form.is_valid() if form.is_bound else None
            for veld in form:
                context = Context({"veld": veld})
                assert TAG.render(context) == SJABLOON.render(context), (type(form), veld.name)
                gezien += 1
    assert gezien > 20


def test_veld_escapes_what_it_did_not_make_and_keeps_what_is_safe():
    form = Velden({"naam": ""})
    form.is_valid()
    html = TAG.render(Context({"veld": form["naam"]}))
    assert "Naam &lt;en&gt; &quot;toenaam&quot;" in html
    assert "Zoals in de BRP &amp; bij DUO" in html
    assert "utrecht-form-field--invalid" in html
    assert TAG.render(Context({"veld": form["veilig"]})).count("<abbr>BSN</abbr>") == 2


def test_statisch_is_static_and_follows_a_changed_static_url():
    tag = Template("{% load opmaak static %}{% statisch 'ui/app.css' %}|{% static 'ui/app.css' %}")
    eerst, tweede = tag.render(Context()).split("|")
    assert eerst == tweede
    with override_settings(STATIC_URL="/elders/"):
        eerst, tweede = tag.render(Context()).split("|")
        assert eerst == tweede
        assert eerst.startswith("/elders/")
