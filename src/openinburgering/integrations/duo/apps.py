from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DuoConfig(AppConfig):
    name = "openinburgering.integrations.duo"
    label = "duo"
    verbose_name = _("Koppeling met DUO")
    default_auto_field = "django.db.models.BigAutoField"
