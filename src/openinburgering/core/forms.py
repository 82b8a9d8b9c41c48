"""The form scaffolding every app builds on, the foundation's own apps included.

Forms render NL Design System markup (component classes and ARIA on every widget), dates are
typed the Dutch way, and :func:`fouten_naar_form` is the one way a view puts a service's refusal
on its form.
"""

from typing import TYPE_CHECKING

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from openinburgering.core.exceptions import Conflict, Geweigerd, RegelsGeschonden

DATUM_FOUT = _("Vul een geldige datum in, bijvoorbeeld 31-12-1990.")


class DatumVeld(forms.DateField):
    """A date as Dutch people write it (31-12-1990); ISO and slashes are accepted too."""

    widget = forms.DateInput(
        attrs={"placeholder": "dd-mm-jjjj", "inputmode": "numeric"}, format="%d-%m-%Y"
    )
    default_error_messages = {"invalid": DATUM_FOUT}

    def __init__(self, **kwargs):
        kwargs.setdefault("input_formats", ["%d-%m-%Y", "%Y-%m-%d", "%d/%m/%Y"])
        super().__init__(**kwargs)


def fouten_naar_form(form: forms.BaseForm, exc: Exception) -> None:
    """Put a service's refusal on the form, each error on its field where the form has it.

    A rule refusal (:class:`RegelsGeschonden`) shows every violation with rule id and article
    (the error's ``code`` is the rule id); a :class:`Geweigerd` or :class:`Conflict` its message;
    a ``ValidationError`` its messages per field. Errors for a field the form does not have go
    on the form as a whole.
    """

    def veld_of_geheel(veld: str | None) -> str | None:
        return veld if veld in form.fields else None

    if isinstance(exc, RegelsGeschonden):
        for veld, tekst, schending in exc.fouten():
            form.add_error(veld_of_geheel(veld), ValidationError(tekst, code=schending.regel.id))
    elif isinstance(exc, Geweigerd):
        form.add_error(veld_of_geheel(exc.veld), exc.message)
    elif isinstance(exc, Conflict):
        form.add_error(None, exc.message)
    elif isinstance(exc, ValidationError) and hasattr(exc, "error_dict"):
        for veld, fouten in exc.error_dict.items():
            form.add_error(veld_of_geheel(veld), fouten)
    elif isinstance(exc, ValidationError):
        form.add_error(None, exc)
    else:
        raise TypeError(f"fouten_naar_form cannot show a {type(exc).__name__}.")


if TYPE_CHECKING:
    # For the type checker the mixin is a form (it only ever mixes into one); at run time it is
    # a plain class, so the form's own base class keeps its place in the MRO.
    _FormBasis = forms.BaseForm
else:
    _FormBasis = object


class NldsFormMixin(_FormBasis):
    # Forms shown together on one page set this so their fields get unique ids: two fields
    # named "datum" would otherwise both be "id_datum" (WCAG 4.1.1, and a label pointing at the
    # wrong field). The field names, and so the POST data, stay the same.
    id_voorvoegsel = ""

    def __init__(self, *args, **kwargs):
        if self.id_voorvoegsel:
            kwargs.setdefault("auto_id", f"id_{self.id_voorvoegsel}_%s")
        super().__init__(*args, **kwargs)
        for naam, veld in self.fields.items():
            widget = veld.widget
            if isinstance(widget, forms.Select):
                klasse = "utrecht-select utrecht-select--html-select"
            elif isinstance(widget, forms.Textarea):
                klasse = "utrecht-textarea utrecht-textarea--html-textarea"
            elif isinstance(widget, forms.CheckboxInput | forms.CheckboxSelectMultiple):
                klasse = "utrecht-checkbox utrecht-checkbox--html-input"
            else:
                klasse = "utrecht-textbox utrecht-textbox--html-input"
            widget.attrs["class"] = klasse
            if isinstance(veld, forms.ChoiceField):
                # Django's blank choice reads "---------" (or English); say it in plain Dutch.
                veld.choices = [  # type: ignore[misc]
                    (
                        waarde,
                        _("Maak een keuze")
                        if waarde == "" and str(label).startswith(("-", "—"))
                        else label,
                    )
                    for waarde, label in veld.choices  # type: ignore[union-attr]
                ]
            if veld.help_text:
                widget.attrs["aria-describedby"] = f"id_{self.add_prefix(naam)}_hulp"

    def full_clean(self):
        super().full_clean()
        for naam in self.errors:
            if naam in self.fields:
                widget = self.fields[naam].widget
                widget.attrs["aria-invalid"] = "true"
                beschreven = widget.attrs.get("aria-describedby", "")
                widget.attrs["aria-describedby"] = (
                    f"{beschreven} id_{self.add_prefix(naam)}_fout".strip()
                )
                klasse = widget.attrs.get("class", "")
                if "--invalid" not in klasse:
                    basis = klasse.split()[0] if klasse else ""
                    widget.attrs["class"] = f"{klasse} {basis}--invalid".strip()


class Vinkjes(forms.CheckboxSelectMultiple):
    """Checkboxes whose field "label" is the first box, so the error summary links to it
    (Django gives a group of boxes no id to point at)."""

    def id_for_label(self, id_, index="0"):
        return super().id_for_label(id_, index)
