from __future__ import annotations

from django.apps import AppConfig


class SiteConfig(AppConfig):
    name = "spinewise.web.site"
    label = "spinewise_site"
    verbose_name = "Spinewise public pages"
