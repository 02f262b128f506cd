"""Where a day falls in a programme: today's date for a person, the week, the session.

Weeks run back to back from the programme's start (week ``n`` covers days
``7(n-1)`` to ``7n-1``), so a stored programme's start and length are enough to place a
day without reading the weeks themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from spinewise.core.plan.models import Programme, Session, Week

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


def today_in(timezone: str, clock: Clock = utc_now) -> date:
    """The date it is now where the person lives (an IANA time zone name)."""
    return clock().astimezone(ZoneInfo(timezone)).date()


def week_number_on(start: date, weeks: int, day: date) -> int | None:
    """The programme week that ``day`` falls in, or None before the start or after the end."""
    offset = (day - start).days
    if offset < 0 or offset >= 7 * weeks:
        return None
    return offset // 7 + 1


def current_week_number(start: date, weeks: int, today: date) -> int:
    """The week to show today: week 1 before the start, the last week after the end."""
    found = week_number_on(start, weeks, today)
    if found is not None:
        return found
    return 1 if today < start else weeks


def week_end(start: date, number: int) -> date:
    return start + timedelta(days=7 * number - 1)


def finished_weeks(start: date, weeks: int, today: date) -> list[int]:
    """Weeks whose last day is before ``today`` (ready for a weekly review)."""
    return [number for number in range(1, weeks + 1) if week_end(start, number) < today]


def current_week(programme: Programme, today: date) -> Week:
    return programme.week(current_week_number(programme.start, len(programme.weeks), today))


def session_on(programme: Programme, day: date) -> Session | None:
    """The session planned for ``day``, if there is one."""
    number = week_number_on(programme.start, len(programme.weeks), day)
    if number is None:
        return None
    return next((s for s in programme.week(number).sessions if s.date == day), None)


def next_session(programme: Programme, today: date) -> Session | None:
    """The first session on or after ``today``."""
    return next((s for w in programme.weeks for s in w.sessions if s.date >= today), None)
