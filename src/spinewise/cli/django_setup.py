"""Starts Django for CLI commands that use the shared store (the web app's database)."""

from __future__ import annotations

import os

SETTINGS_MODULE = "spinewise.web.settings"


def setup_django(migrate: bool = False) -> None:
    """Configures Django once; with ``migrate`` the database schema is brought up to date."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS_MODULE)
    import django
    from django.apps import apps

    if not apps.ready:
        django.setup()
    if migrate:
        from django.core.management import call_command

        call_command("migrate", interactive=False, verbosity=0)
