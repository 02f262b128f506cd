from __future__ import annotations

from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "spinewise.web.accounts"
    label = "spinewise_accounts"
    verbose_name = "Spinewise accounts"
