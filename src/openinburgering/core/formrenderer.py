"""Form widgets written out in Python instead of through Django's widget templates (ADR 0061).

A ``<select>`` of twelve statuses is thirteen template renders (the select, an include per
option, an include of the attributes in each): on a caseload page the filter form cost as much as
twenty-five rows. The markup of an ``<input>``, a ``<select>`` with its options and a
``<textarea>`` is small and fixed, so it is written here byte for byte as Django's templates write
it (a test renders every widget both ways and compares). Any other template (a radio list, a
file input, one an app overrides) goes through the templates as before.
"""

from django.forms.renderers import DjangoTemplates
from django.utils.formats import localize
from django.utils.html import conditional_escape

_WIDGETS = "django/forms/widgets/"
# Templates that are nothing but ``{% include "django/forms/widgets/input.html" %}``.
_INPUTS = frozenset(
    f"{_WIDGETS}{naam}.html"
    for naam in (
        "input", "text", "number", "email", "url", "color", "search", "tel", "password",
        "hidden", "date", "datetime", "time", "checkbox",
    )
)  # fmt: skip
_OPTION = f"{_WIDGETS}select_option.html"


def _tekst(waarde) -> str:
    # What ``{{ waarde }}`` writes: localised, then escaped unless already safe.
    return conditional_escape(localize(waarde))


def _attrs(attrs: dict) -> str:
    # attrs.html: False leaves the attribute out, True writes it bare, anything else as text.
    uit = []
    for naam, waarde in attrs.items():
        if waarde is False:
            continue
        if waarde is True:
            uit.append(f" {_tekst(naam)}")
        else:
            uit.append(f' {_tekst(naam)}="{conditional_escape(str(waarde))}"')
    return "".join(uit)


def _input(widget: dict) -> str:
    waarde = widget["value"]
    tekst = "" if waarde is None else f' value="{conditional_escape(str(waarde))}"'
    return (
        f'<input type="{_tekst(widget["type"])}" name="{_tekst(widget["name"])}"'
        f"{tekst}{_attrs(widget['attrs'])}>"
    )


def _option(optie: dict) -> str:
    return (
        f'<option value="{conditional_escape(str(optie["value"]))}"{_attrs(optie["attrs"])}>'
        f"{_tekst(optie['label'])}</option>\n"
    )


def _select(widget: dict) -> str | None:
    delen = [f'<select name="{_tekst(widget["name"])}"{_attrs(widget["attrs"])}>']
    for groep, opties, _index in widget["optgroups"]:
        if groep:
            delen.append(f'\n  <optgroup label="{_tekst(groep)}">')
        for optie in opties:
            if optie["template_name"] != _OPTION:
                return None
            delen.append("\n  " + _option(optie))
        if groep:
            delen.append("\n  </optgroup>")
    delen.append("\n</select>")
    return "".join(delen)


def _textarea(widget: dict) -> str:
    waarde = widget["value"]
    return (
        f'<textarea name="{_tekst(widget["name"])}"{_attrs(widget["attrs"])}>\n'
        f"{_tekst(waarde) if waarde else ''}</textarea>"
    )


class PythonWidgetRenderer(DjangoTemplates):
    """Django's default form renderer, with the common widgets written out in Python."""

    def render(self, template_name, context, request=None):
        widget = context.get("widget") if isinstance(context, dict) else None
        if widget is not None:
            html = None
            if template_name in _INPUTS:
                html = _input(widget)
            elif template_name == f"{_WIDGETS}select.html":
                html = _select(widget)
            elif template_name == f"{_WIDGETS}textarea.html":
                html = _textarea(widget)
            if html is not None:
                return html.strip()
        return super().render(template_name, context, request=request)
