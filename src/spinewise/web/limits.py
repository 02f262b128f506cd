"""Per-person write limits: nobody stores hundreds of programmes a minute.

Counting the person's own rows of the last hour needs no extra storage and holds across
every app server sharing the database. ``SPINEWISE_WRITES_PER_HOUR`` sets the limit for
each kind of record (saved assessments, programmes, API tokens).
"""

from __future__ import annotations

from datetime import timedelta
from math import ceil

from django.conf import settings
from django.contrib.auth.models import User
from django.db import models
from django.utils import timezone

WINDOW = timedelta(hours=1)


class WriteLimitReached(Exception):
    """Too many new records of one kind in the last hour; ``retry_after`` is in seconds."""

    def __init__(self, what: str, retry_after: int) -> None:
        self.retry_after = retry_after
        super().__init__(
            f"too many new {what} in the last hour: try again in {retry_after} seconds"
        )


def check_write_limit(
    user: User, model: type[models.Model], what: str, field: str = "created"
) -> None:
    """Raises WriteLimitReached when ``user`` made the hour's limit of ``model`` rows."""
    limit: int = settings.SPINEWISE_WRITES_PER_HOUR
    since = timezone.now() - WINDOW
    recent = model._default_manager.filter(user=user, **{f"{field}__gte": since})
    if recent.count() < limit:
        return
    oldest = recent.order_by(field).values_list(field, flat=True).first()
    wait = (oldest + WINDOW - timezone.now()).total_seconds() if oldest else WINDOW.seconds
    raise WriteLimitReached(what, max(1, ceil(wait)))
