"""Values every template may use."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest

from spinewise.core.content_loader import content_version


def spinewise(request: HttpRequest) -> dict[str, str]:
    return {
        "EMERGENCY_NUMBER": settings.SPINEWISE_EMERGENCY_NUMBER,
        # Part of the key of every cached page fragment built from content.
        "CONTENT_VERSION": content_version(),
    }
