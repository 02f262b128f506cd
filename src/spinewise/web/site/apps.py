from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.db.backends.signals import connection_created


def _private_database(sender: Any, **kwargs: Any) -> None:
    from spinewise.web.storage import secure_database_files

    secure_database_files()


class SiteConfig(AppConfig):
    name = "spinewise.web.site"
    label = "spinewise_site"
    verbose_name = "Spinewise public pages"

    def ready(self) -> None:
        # SQLite creates its file with the umask's mode: make it owner-only at once.
        connection_created.connect(_private_database, dispatch_uid="spinewise-private-db")
