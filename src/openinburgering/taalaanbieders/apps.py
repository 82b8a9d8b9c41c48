from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TaalaanbiedersConfig(AppConfig):
    name = "openinburgering.taalaanbieders"
    label = "taalaanbieders"
    verbose_name = _("Taalaanbieders")
