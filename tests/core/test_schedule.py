"""Where a day falls in a programme, and what "today" is for someone in another time zone."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from spinewise.core.assessment import assess
from spinewise.core.intake import load_intake
from spinewise.core.plan import (
    Preferences,
    Programme,
    build_programme,
    current_week,
    finished_weeks,
    next_session,
    session_on,
    today_in,
    week_number_on,
)

START = date(2025, 3, 3)  # a Monday
VIGNETTES = Path(__file__).parents[1] / "vignettes"


def _programme() -> Programme:
    intake = load_intake(VIGNETTES / "P01.json")
    return build_programme(assess(intake), intake, Preferences(days_per_week=3), START)


def test_today_is_the_date_where_the_person_lives() -> None:
    late_evening_utc = datetime(2025, 3, 3, 23, 30, tzinfo=UTC)
    assert today_in("Europe/London", lambda: late_evening_utc) == date(2025, 3, 3)
    assert today_in("Asia/Tokyo", lambda: late_evening_utc) == date(2025, 3, 4)
    assert today_in("America/New_York", lambda: late_evening_utc) == date(2025, 3, 3)


def test_weeks_run_back_to_back_from_the_start() -> None:
    assert week_number_on(START, 6, START - timedelta(days=1)) is None
    assert week_number_on(START, 6, START) == 1
    assert week_number_on(START, 6, START + timedelta(days=6)) == 1
    assert week_number_on(START, 6, START + timedelta(days=7)) == 2
    assert week_number_on(START, 6, START + timedelta(days=41)) == 6
    assert week_number_on(START, 6, START + timedelta(days=42)) is None


def test_the_current_week_is_the_first_before_the_start_and_the_last_after_the_end() -> None:
    programme = _programme()
    assert current_week(programme, START - timedelta(days=3)).number == 1
    assert current_week(programme, START + timedelta(days=15)).number == 3
    assert current_week(programme, START + timedelta(days=100)).number == 6


def test_a_week_is_due_for_review_once_its_last_day_has_passed() -> None:
    assert finished_weeks(START, 6, START + timedelta(days=6)) == []
    assert finished_weeks(START, 6, START + timedelta(days=7)) == [1]
    assert finished_weeks(START, 6, START + timedelta(days=60)) == [1, 2, 3, 4, 5, 6]


def test_sessions_fall_on_the_chosen_days_and_the_next_one_is_found() -> None:
    programme = _programme()
    monday, tuesday = START, START + timedelta(days=1)
    assert session_on(programme, monday) is not None
    assert session_on(programme, tuesday) is None  # 3 days a week: Mon, Wed, Fri
    upcoming = next_session(programme, tuesday)
    assert upcoming is not None and upcoming.date == START + timedelta(days=2)
    assert next_session(programme, START + timedelta(days=100)) is None
