"""The form field and the static assets of every page, written out in Python (ADR 0061).

``{% veld form.x %}`` writes the same markup as ``ui/_veld.html`` (label, "niet verplicht",
help text, errors, widget), byte for byte (a test renders both for every kind of field). An
include of that partial cost ~0.2 ms per field, four of them on the caseload alone, and it is
used on every form page. ``{% statisch 'ui/app.css' %}`` is ``{% static %}`` read once per
process: the asset URLs of the page head do not change while it runs.
"""

from functools import lru_cache

from django import template
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.templatetags.static import static
from django.urls import get_script_prefix
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

register = template.Library()


def _t(waarde) -> str:
    # What ``{{ waarde }}`` writes for a text: escaped unless it is already safe.
    return conditional_escape(waarde)


@register.simple_tag
def veld(veld, zonder_optioneel: bool = False) -> SafeString:
    """One form field in the NL Design System's form-field markup (``ui/_veld.html``)."""
    id_ = _t(veld.id_for_label)
    fouten = veld.errors
    optioneel = (
        f' <span class="oi-optioneel">({_t(gettext("niet verplicht"))})</span>'
        if not veld.field.required and not zonder_optioneel
        else ""
    )
    hulp = (
        f'<div class="utrecht-form-field-description" id="{id_}_hulp">{_t(veld.help_text)}</div>'
        if veld.help_text
        else ""
    )
    foutteksten = "".join(
        f'<div class="utrecht-form-field-error-message" id="{id_}_fout">{_t(fout)}</div>'
        for fout in fouten
    )
    return mark_safe(  # noqa: S308 - every value above is escaped, the widget is Django's own
        f'<div class="utrecht-form-field utrecht-form-field--text'
        f'{" utrecht-form-field--invalid" if fouten else ""}">\n'
        f'  <div class="utrecht-form-field__label">\n'
        f'    <label class="utrecht-form-label" for="{id_}">{_t(veld.label)}{optioneel}</label>\n'
        f"  </div>\n"
        f"  {hulp}\n"
        f"  {foutteksten}\n"
        f'  <div class="utrecht-form-field__input">{_t(str(veld))}</div>\n'
        f"</div>\n"
    )


@lru_cache(maxsize=256)
def _statisch(pad: str, prefix: str) -> str:
    return static(pad)


@register.simple_tag
def statisch(pad: str) -> str:
    """``{% static pad %}``, looked up once per process."""
    # A relative STATIC_URL starts with the request's script prefix: part of the key.
    return _statisch(pad, get_script_prefix())


@receiver(setting_changed)
def _vergeet_statisch(*, setting: str, **kwargs) -> None:
    # A test that changes where static files live gets the new URLs.
    if setting in {"STATIC_URL", "STORAGES", "STATIC_ROOT", "FORCE_SCRIPT_NAME"}:
        _statisch.cache_clear()
