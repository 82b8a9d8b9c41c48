"""Errors services raise for callers to show: a Dutch message in the UI, problem+json in the API."""

from django.utils.translation import gettext_lazy as _


class Conflict(Exception):
    """Someone else changed the object since it was read (optimistic locking)."""

    def __init__(self, message=None):
        super().__init__(
            message
            or _(
                "Iemand anders heeft deze gegevens intussen gewijzigd. Laad de pagina opnieuw, "
                "bekijk de nieuwe gegevens en voer uw wijziging daarna opnieuw in."
            )
        )
        self.message = str(self.args[0])


class Geweigerd(Exception):
    """A business rule refuses the change; ``regel`` names the rule where one applies."""

    def __init__(self, message, *, regel: str = "", veld: str | None = None):
        super().__init__(message)
        self.message = str(message)
        self.regel = regel
        self.veld = veld
