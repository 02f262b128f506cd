"""``{% static %}`` with each asset's URL worked out once per process.

Django's own tag asks the app registry whether staticfiles is installed and the storage
for the URL on every use; a page uses it three to five times, which was a tenth of a
signed-in page's time. Templates ``{% load cached_static %}`` and use ``{% static %}`` as
Django documents it. A change of the static settings (only tests do that) empties the
cache.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, cast

from django import template
from django.core.signals import setting_changed
from django.templatetags.static import StaticNode

register = template.Library()


@lru_cache(maxsize=512)
def static_url(path: str) -> str:
    """The URL of one static file, as Django's ``static`` tag would give it."""
    return str(StaticNode.handle_simple(path))


class CachedStaticNode(StaticNode):
    @classmethod
    def handle_simple(cls, path: str) -> str:
        return static_url(path)


@register.tag("static")
def do_static(parser: template.base.Parser, token: template.base.Token) -> CachedStaticNode:
    """``{% static "path" %}`` or ``{% static "path" as name %}``."""
    # handle_token builds ``cls(...)``: a CachedStaticNode, whatever the stubs say.
    return cast(CachedStaticNode, CachedStaticNode.handle_token(parser, token))


def _forget(*, setting: str, **_: Any) -> None:
    if setting in {"STATIC_URL", "STORAGES", "STATIC_ROOT", "INSTALLED_APPS"}:
        static_url.cache_clear()


setting_changed.connect(_forget)
