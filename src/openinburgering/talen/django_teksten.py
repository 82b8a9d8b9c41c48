"""Django's own texts that portal pages show, as msgids of the portal catalogues (ADR 0090).

Django ships no Tigrinya or Somali; without these entries a form error or a month name would
appear in English on a Tigrinya page. Listed here (``gettext_noop``: marked, never called), they
are extracted into every portal catalogue and translated like the portal's own texts, in plain
wording; Django's own catalogues (Arabic, Persian, Turkish, Ukrainian) are overridden by ours.
"""

from django.utils.translation import gettext_noop, ngettext_lazy

FORMULIEREN = (
    gettext_noop("This field is required."),
    gettext_noop("The submitted file is empty."),
    gettext_noop("No file was submitted. Check the encoding type on the form."),
    gettext_noop("No file was submitted."),
    gettext_noop("Select a valid choice. %(value)s is not one of the available choices."),
    gettext_noop("Enter a valid date."),
)
TE_LANG = ngettext_lazy(
    "Ensure this value has at most %(limit_value)d character (it has %(show_value)d).",
    "Ensure this value has at most %(limit_value)d characters (it has %(show_value)d).",
    "limit_value",
)

#: ``|date:"j F Y"`` and ``"l"``: the full names. The portal always writes a month after its day,
#: so languages that inflect it there translate the form that follows a number (Ukrainian
#: "7 грудня", not "грудень").
MAANDEN = (
    gettext_noop("January"),
    gettext_noop("February"),
    gettext_noop("March"),
    gettext_noop("April"),
    gettext_noop("May"),
    gettext_noop("June"),
    gettext_noop("July"),
    gettext_noop("August"),
    gettext_noop("September"),
    gettext_noop("October"),
    gettext_noop("November"),
    gettext_noop("December"),
)
DAGEN = (
    gettext_noop("Monday"),
    gettext_noop("Tuesday"),
    gettext_noop("Wednesday"),
    gettext_noop("Thursday"),
    gettext_noop("Friday"),
    gettext_noop("Saturday"),
    gettext_noop("Sunday"),
)
