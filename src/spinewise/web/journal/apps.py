from __future__ import annotations

from django.apps import AppConfig


class JournalConfig(AppConfig):
    name = "spinewise.web.journal"
    label = "journal"
    verbose_name = "Journal"
    default_auto_field = "django.db.models.BigAutoField"
