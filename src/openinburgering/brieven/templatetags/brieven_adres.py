"""``{% adres_in_onderzoek inburgeraar %}``: the warning a caseworker sees before making a letter
to an address the BRP has under investigation (ADR 0062). Empty when there is no BRP link or
nothing to warn about."""

from django import template
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext as _

from openinburgering.core import brp

register = template.Library()


@register.simple_tag
def adres_in_onderzoek(inburgeraar) -> str:
    stand = brp.brp().stand(inburgeraar) if brp.aan() else None
    if stand is None or not stand.adres_in_onderzoek:
        return ""
    if stand.adres_in_onderzoek_sinds:
        tekst = _(
            "De BRP onderzoekt sinds %(datum)s of deze persoon nog op dit adres woont. Een brief "
            "naar dit adres komt mogelijk niet aan: controleer het adres voordat u de brief maakt "
            "en verstuurt."
        ) % {"datum": date_format(stand.adres_in_onderzoek_sinds, "d-m-Y")}
    else:
        tekst = _(
            "De BRP onderzoekt of deze persoon nog op dit adres woont. Een brief naar dit adres "
            "komt mogelijk niet aan: controleer het adres voordat u de brief maakt en verstuurt."
        )
    return format_html(
        '<div class="utrecht-alert utrecht-alert--warning" role="alert">'
        '<div class="utrecht-alert__content"><p class="utrecht-paragraph">'
        "<strong>{}</strong> {}</p></div></div>",
        _("Adres in onderzoek."),
        tekst,
    )


@register.simple_tag
def adres_bevestigen(inburgeraar, sleutel: str = "") -> str:
    """Inside a form that makes a letter: the checkbox the caseworker ticks to make the letter to
    an address under investigation anyway (R74). Empty when there is nothing to confirm.
    ``sleutel`` keeps the ids apart when one page has several letter forms."""
    from openinburgering.brieven import ADRES_BEVESTIGD

    id_ = f"{ADRES_BEVESTIGD}-{sleutel}" if sleutel else ADRES_BEVESTIGD

    stand = brp.brp().stand(inburgeraar) if brp.aan() else None
    if stand is None or not stand.adres_in_onderzoek:
        return ""
    return format_html(
        '<div class="utrecht-form-field utrecht-form-field--checkbox oi-adres-bevestigen">'
        '<div class="utrecht-form-field__input">'
        '<input type="checkbox" class="utrecht-checkbox utrecht-checkbox--html-input" '
        'name="{}" id="{}" value="1" aria-describedby="{}-uitleg"></div>'
        '<div class="utrecht-form-field__label utrecht-form-field__label--checkbox">'
        '<label class="utrecht-form-label utrecht-form-label--checkbox" for="{}">{}</label></div>'
        '<div class="utrecht-form-field-description" id="{}-uitleg">{}</div></div>',
        ADRES_BEVESTIGD,
        id_,
        id_,
        id_,
        _(
            "Het adres is in onderzoek bij de BRP. Ik heb het adres gecontroleerd en maak de "
            "brief toch naar dit adres."
        ),
        id_,
        _("Zonder dit vinkje wordt de brief niet gemaakt (R74)."),
    )
