"""Values every template may use."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def spinewise(request: HttpRequest) -> dict[str, str]:
    return {"EMERGENCY_NUMBER": settings.SPINEWISE_EMERGENCY_NUMBER}
