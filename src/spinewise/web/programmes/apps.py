from __future__ import annotations

from django.apps import AppConfig


class ProgrammesConfig(AppConfig):
    name = "spinewise.web.programmes"
    label = "programmes"
    verbose_name = "Programmes"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Connects the sign-in hook that builds a plan chosen before the account existed.
        from spinewise.web.programmes import pending  # noqa: F401
