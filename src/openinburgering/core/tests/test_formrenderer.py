"""The Python widget renderer writes exactly what Django's widget templates write (ADR 0061)."""

import datetime

from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy

import pytest

from openinburgering.core.formrenderer import PythonWidgetRenderer
from openinburgering.core.forms import NldsFormMixin


class AlleWidgets(NldsFormMixin, forms.Form):
    tekst = forms.CharField(label="Tekst", help_text="Uitleg", max_length=20)
    getal = forms.IntegerField(min_value=0, max_value=99999)
    bedrag = forms.DecimalField(max_digits=8, decimal_places=2)
    datum = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))
    tijd = forms.TimeField()
    moment = forms.DateTimeField()
    email = forms.EmailField()
    url = forms.URLField()
    geheim = forms.CharField(widget=forms.PasswordInput(render_value=True))
    verborgen = forms.CharField(widget=forms.HiddenInput)
    vink = forms.BooleanField(required=False)
    janee = forms.NullBooleanField()
    keuze = forms.ChoiceField(
        choices=[("", "---------"), ("a", "A & B"), ("b", gettext_lazy("Status"))]
    )
    groepen = forms.ChoiceField(
        choices=[("Groep <1>", [("x", "X"), ("y", "Y")]), ("z", "Z"), (3, 1234)]
    )
    meer = forms.MultipleChoiceField(choices=[("p", "P"), ("q", "Q"), ("r", '"R"')])
    lang = forms.CharField(widget=forms.Textarea(attrs={"rows": 3, "disabled": True, "x": False}))
    tel = forms.CharField(widget=forms.TextInput(attrs={"type": "tel", "inputmode": "numeric"}))
    keuzerondje = forms.ChoiceField(widget=forms.RadioSelect, choices=[("1", "Een"), ("2", "Twee")])


WAARDEN = [
    {},
    {
        "tekst": "<script>\"x\" & 'y'</script>",
        "getal": "12345",
        "bedrag": "1234.5",
        "datum": "2026-12-07",
        "tijd": "09:30",
        "moment": "2026-12-07 09:30",
        "email": "niet-geldig",
        "url": "https://example.org/?a=1&b=2",
        "geheim": "ge<heim",
        "verborgen": "7",
        "vink": "on",
        "janee": "true",
        "keuze": "a",
        "groepen": "y",
        "meer": ["p", "r"],
        "lang": "regel 1\nregel <2>",
        "tel": "0612345678",
        "keuzerondje": "2",
    },
]


@pytest.mark.parametrize("data", WAARDEN)
@pytest.mark.parametrize("taal", ["nl", "en"])
def test_elk_widget_gelijk_aan_de_templates(data, taal, monkeypatch):
    from django.utils import translation

    with translation.override(taal):
        form = AlleWidgets(data or None)
        form.is_valid()  # errors set aria-invalid and aria-describedby: attributes to write
        renderer = PythonWidgetRenderer()
        via_sjabloon = []
        monkeypatch.setattr(
            DjangoTemplates,
            "get_template",
            lambda self, naam: (
                via_sjabloon.append(naam) or DjangoTemplates.engine.func(self).get_template(naam)
            ),
        )
        for veld in form:
            attrs = {"id": veld.auto_id}
            sjablonen = veld.field.widget.render(
                veld.html_name, veld.value(), attrs=attrs, renderer=DjangoTemplates()
            )
            via_sjabloon.clear()
            python = veld.field.widget.render(
                veld.html_name, veld.value(), attrs=attrs, renderer=renderer
            )
            assert python == sjablonen, veld.name
            # Only the radio list is left to the templates.
            assert bool(via_sjabloon) == (veld.name == "keuzerondje"), (veld.name, via_sjabloon)


def test_een_veilige_waarde_wordt_niet_dubbel_ge_escaped():
    widget = forms.TextInput()
    waarde = mark_safe("a &amp; b")
    assert widget.render("x", waarde, renderer=PythonWidgetRenderer()) == widget.render(
        "x", waarde, renderer=DjangoTemplates()
    )


def test_een_datum_als_waarde_en_een_getal_als_label():
    widget = forms.Select(choices=[(datetime.date(2026, 1, 2), 1234567)])
    for waarde in (datetime.date(2026, 1, 2), None):
        assert widget.render("x", waarde, renderer=PythonWidgetRenderer()) == widget.render(
            "x", waarde, renderer=DjangoTemplates()
        )


def test_de_site_gebruikt_de_python_renderer():
    from django.forms.renderers import get_default_renderer

    assert isinstance(get_default_renderer(), PythonWidgetRenderer)
