"""Reads about a person's programme that every face shares (web views, the API, the CLI).

"Today" for a person is the date in their programme's time zone (the site's time zone
until they have a programme): every page, endpoint and command asks ``today_for``.
"""

from __future__ import annotations

from datetime import date
from functools import cache

from django.conf import settings
from django.contrib.auth.models import User

from spinewise.core.plan import Clock, today_in, utc_now
from spinewise.web.prepared_reads import PreparedRead
from spinewise.web.programmes.models import HEAVY_FIELDS, NEWEST_FIRST, SavedProgramme


@cache
def _newest() -> PreparedRead[SavedProgramme]:
    return PreparedRead(
        SavedProgramme, where=[("user", "=")], order_by=NEWEST_FIRST, defer=HEAVY_FIELDS
    )


@cache
def _newest_zone() -> PreparedRead[SavedProgramme]:
    return PreparedRead(
        SavedProgramme,
        where=[("user", "=")],
        columns=["timezone"],
        order_by=NEWEST_FIRST,
    )


def latest_programme(user: User) -> SavedProgramme | None:
    """The person's newest programme: the one their pages, reviews and reminders follow.

    Read on every programme page, so by a prepared statement; like
    ``SavedProgramme.objects.light()``, the plan's JSON is loaded only when used."""
    return _newest().instance(user.pk)


def timezone_of(user: User) -> str:
    """The person's time zone: their latest programme's, or the site's."""
    found = _newest_zone().first(user.pk)
    return str(found[0]) if found and found[0] else str(settings.TIME_ZONE)


def today_for(user: User, clock: Clock = utc_now) -> date:
    """The date it is now for this person."""
    return today_in(timezone_of(user), clock)


def latest_programme_and_today(
    user: User, clock: Clock = utc_now
) -> tuple[SavedProgramme | None, date]:
    """``latest_programme`` and ``today_for`` together, from one query."""
    saved = latest_programme(user)
    zone = saved.timezone if saved is not None else str(settings.TIME_ZONE)
    return saved, today_in(zone, clock)
