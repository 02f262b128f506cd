"""Values every template may use."""

from __future__ import annotations

from functools import cache

from django.conf import settings
from django.http import HttpRequest
from django.urls import get_script_prefix, reverse

from spinewise.core.content_loader import content_version

NAV_URLS = (
    "site:guide_list",
    "site:exercise_list",
    "programmes:current",
    "journal:dashboard",
    "accounts:account",
    "accounts:logout",
    "accounts:login",
    "accounts:signup",
    "site:about",
    "site:manifest",
    "site:service_worker",
)


@cache
def nav_links(prefix: str) -> dict[str, str]:
    """The links in every page's header and footer, under this script prefix."""
    # Reversed once per script prefix: every page's header links to the same places.
    urls = {name.replace(":", "_"): reverse(name) for name in NAV_URLS}
    urls["help"] = reverse("site:guide_detail", args=["when-to-get-help"])
    return urls


def spinewise(request: HttpRequest) -> dict[str, object]:
    return {
        "NAV": nav_links(get_script_prefix()),
        "EMERGENCY_NUMBER": settings.SPINEWISE_EMERGENCY_NUMBER,
        # Part of the key of every cached page fragment built from content.
        "CONTENT_VERSION": content_version(),
    }
