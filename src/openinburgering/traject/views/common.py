from django.core.exceptions import ValidationError

from openinburgering.core.exceptions import Geweigerd


def fouten_naar_form(form, exc) -> None:
    """A service's ValidationError (with rule id and article) or Geweigerd onto the form."""
    if isinstance(exc, Geweigerd):
        form.add_error(exc.veld if exc.veld in form.fields else None, exc.message)
        return
    if isinstance(exc, ValidationError) and hasattr(exc, "error_dict"):
        for veld, fouten in exc.error_dict.items():
            form.add_error(veld if veld in form.fields else None, fouten)
    else:
        form.add_error(None, exc)
