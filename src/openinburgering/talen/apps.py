from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TalenConfig(AppConfig):
    name = "openinburgering.talen"
    verbose_name = _("Talen van het portaal")
