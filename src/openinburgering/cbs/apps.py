from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CbsConfig(AppConfig):
    name = "openinburgering.cbs"
    verbose_name = _("CBS-levering (Statistiek Wet Inburgering)")
