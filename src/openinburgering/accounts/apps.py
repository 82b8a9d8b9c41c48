from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "openinburgering.accounts"
    label = "accounts"

    def ready(self):
        from .toegang import signalen_verbinden

        signalen_verbinden()
