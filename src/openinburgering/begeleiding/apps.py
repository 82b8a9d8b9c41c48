from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BegeleidingConfig(AppConfig):
    name = "openinburgering.begeleiding"
    label = "begeleiding"
    verbose_name = _("Maatschappelijke begeleiding")
