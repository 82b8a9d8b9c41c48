"""Where the box "Uit de kennisbank" appears: the registry of places (ADR 0071).

A page shows the box with ``{% load kennisbank %}{% kennisbank_kader "intake" %}``; the place
must be one of these. Adding a place is adding a line here and the tag on the page.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Plaats(models.TextChoices):
    INTAKE = "intake", _("Brede intake")
    PIP = "pip", _("PIP")
    PVT = "pvt", _("PVT-planning")
    HANDHAVING = "handhaving", _("Handhaving")
