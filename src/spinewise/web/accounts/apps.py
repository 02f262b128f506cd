from __future__ import annotations

from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "spinewise.web.accounts"
    label = "spinewise_accounts"
    verbose_name = "Spinewise accounts"

    def ready(self) -> None:
        from spinewise.web.accounts import signals  # noqa: F401  (connects the receivers)
