from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KennisbankConfig(AppConfig):
    name = "openinburgering.kennisbank"
    verbose_name = _("Kennisbank")
