"""The one check-in model, the PSFS rating and the one date rule every face uses."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from spinewise.core.journal import (
    BACKFILL_DAYS,
    EARLIEST_DAY,
    PAIN,
    PROGRAMME_LEAD_DAYS,
    SESSIONS,
    JournalError,
    PsfsRating,
    activities_to_rate,
    journal_window,
    parse_checkin,
    parse_rating,
    programme_start_window,
)

TODAY = date(2026, 5, 6)  # a Wednesday
WINDOW = journal_window(TODAY)


def _problems(data: dict[str, Any], today: date = TODAY) -> list[tuple[str, str]]:
    with pytest.raises(JournalError) as error:
        parse_checkin(data, window=journal_window(today))
    return error.value.problems


def test_today_and_a_missed_day_are_fine() -> None:
    for day in (TODAY, TODAY - timedelta(days=1), TODAY - timedelta(days=BACKFILL_DAYS)):
        assert parse_checkin({"day": day.isoformat(), "pain": 4}, window=WINDOW).day == day


@pytest.mark.parametrize("day", ["0001-01-01", "1999-12-31", "2099-01-01", "9999-12-31"])
def test_days_out_of_range_are_refused_with_the_reason(day: str) -> None:
    [(field, message)] = _problems({"day": day, "pain": 4})
    assert field == "day"
    assert "has not happened yet" in message or "on or after" in message


def test_tomorrow_has_not_happened_yet_in_the_persons_own_time_zone() -> None:
    # The web used to allow the server's UTC date plus one; the rule is the person's today.
    [(field, message)] = _problems({"day": (TODAY + timedelta(days=1)).isoformat(), "pain": 4})
    assert field == "day" and "has not happened yet" in message


def test_the_programme_start_extends_the_window_back() -> None:
    start = TODAY - timedelta(days=BACKFILL_DAYS + 100)
    window = journal_window(TODAY, programme_start=start)
    assert window.earliest == start
    assert journal_window(TODAY, programme_start=date(1, 1, 1)).earliest == EARLIEST_DAY


def test_programmes_start_between_the_floor_and_a_year_ahead() -> None:
    window = programme_start_window(TODAY)
    assert window.earliest == EARLIEST_DAY
    assert window.latest == TODAY + timedelta(days=PROGRAMME_LEAD_DAYS)
    assert date(9999, 12, 31) not in window and date(1, 1, 1) not in window


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"pain": True}, "pain"),
        ({"pain": "4"}, "pain"),
        ({"pain": PAIN.high + 1}, "pain"),
        ({"worst": False}, "worst"),
        ({"sessions_done": SESSIONS.high + 1}, "sessions_done"),
        ({"sitting_hours": True}, "sitting_hours"),
        ({"flare_up": 1}, "flare_up"),
        ({"day": 1_700_000_000}, "day"),
        ({"day": "6 May 2026"}, "day"),
        ({"note": "a\u0000b"}, "note"),
        ({"new_red_flags": ["sore_toe"]}, "new_red_flags"),
        ({"new_red_flags": ["fever", "fever"]}, "new_red_flags"),
        ({"mood": 3}, "mood"),
    ],
)
def test_loose_types_and_bad_values_are_named(change: dict[str, Any], field: str) -> None:
    problems = _problems({"day": TODAY.isoformat(), "pain": 4, **change})
    assert [name for name, _ in problems] == [field]


def test_ratings_are_for_a_week_that_has_started() -> None:
    monday = date(2026, 5, 4)
    activities = [{"name": "Sitting", "score": 4}]
    assert parse_rating({"week_start": str(monday), "activities": activities}, window=WINDOW)
    for bad in ("9999-12-27", "0001-01-01", "2026-05-11", "1999-12-27"):
        with pytest.raises(JournalError) as error:
            parse_rating({"week_start": bad, "activities": activities}, window=WINDOW)
        assert error.value.problems[0][0] == "week_start"


def _rating(week: int, *names: str) -> PsfsRating:
    return PsfsRating.model_validate(
        {"week": week, "activities": [{"name": name, "score": 5} for name in names]}
    )


def test_a_new_psfs_week_starts_from_the_newest_ratings_activities() -> None:
    ratings = [_rating(1, "gardening"), _rating(2, "lifting the baby", "driving")]
    names = [a.name for a in activities_to_rate(None, ratings)]
    assert names == ["lifting the baby", "driving"]


def test_a_rated_psfs_week_is_edited_with_its_own_activities() -> None:
    ratings = [_rating(1, "gardening"), _rating(2, "driving")]
    this_week = _rating(1, "gardening")
    assert [a.name for a in activities_to_rate(this_week, ratings)] == ["gardening"]


def test_the_first_psfs_week_starts_empty() -> None:
    assert activities_to_rate(None, []) == []
