"""Forms render NL Design System markup: component classes and ARIA on every widget."""

from django import forms
from django.utils.translation import gettext_lazy as _


class NldsFormMixin:
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
            elif isinstance(widget, forms.CheckboxInput):
                klasse = "utrecht-checkbox utrecht-checkbox--html-input"
            else:
                klasse = "utrecht-textbox utrecht-textbox--html-input"
            widget.attrs["class"] = klasse
            if isinstance(veld, forms.ChoiceField):
                # Django's blank choice reads "---------" (or English); say it in plain Dutch.
                veld.choices = [
                    (
                        waarde,
                        _("Maak een keuze")
                        if waarde == "" and str(label).startswith(("-", "—"))
                        else label,
                    )
                    for waarde, label in veld.choices
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
