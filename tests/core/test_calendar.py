"""The programme as an .ics file that calendar apps accept and update in place."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from spinewise.core.assessment import assess
from spinewise.core.calendar import programme_to_ics
from spinewise.core.intake import load_intake
from spinewise.core.plan import Preferences, Programme, build_programme

VIGNETTES = Path(__file__).parents[1] / "vignettes"
START = date(2025, 3, 3)


def _programme(vignette: str, prefs: Preferences) -> Programme:
    intake = load_intake(VIGNETTES / f"{vignette}.json")
    return build_programme(assess(intake), intake, prefs, START)


@pytest.fixture(scope="module")
def p01() -> tuple[Programme, Preferences, Calendar]:
    prefs = Preferences()
    programme = _programme("P01", prefs)
    return programme, prefs, Calendar.from_ical(programme_to_ics(programme, prefs))


def _summaries(calendar: Calendar, prefix: str) -> list[object]:
    return [e for e in calendar.walk("VEVENT") if str(e["SUMMARY"]).startswith(prefix)]


def test_the_file_parses_back_with_calendar_headers(
    p01: tuple[Programme, Preferences, Calendar],
) -> None:
    _, _, calendar = p01
    assert calendar["VERSION"] == "2.0"
    assert "Spinewise" in str(calendar["PRODID"])
    assert str(calendar["X-WR-CALNAME"]) == "Spinewise: six-week back programme"
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/London"]


def test_each_session_is_an_event_at_the_chosen_time_with_an_alarm(
    p01: tuple[Programme, Preferences, Calendar],
) -> None:
    programme, _, calendar = p01
    sessions = _summaries(calendar, "Back exercises")
    assert len(sessions) == sum(len(week.sessions) for week in programme.weeks) == 30
    first = sessions[0]
    start = first["DTSTART"].dt  # type: ignore[index]
    assert start == datetime(2025, 3, 3, 18, 0, tzinfo=ZoneInfo("Europe/London"))
    assert first["DTSTART"].params["TZID"] == "Europe/London"  # type: ignore[index]
    alarms = first.walk("VALARM")  # type: ignore[attr-defined]
    assert len(alarms) == 1
    assert alarms[0]["ACTION"] == "DISPLAY"
    assert alarms[0]["TRIGGER"].dt == timedelta(minutes=-10)
    description = str(first["DESCRIPTION"])  # type: ignore[index]
    for item in programme.weeks[0].sessions[0].exercises:
        assert f"{item.name}: {item.dosage}" in description
    assert "This week's read: What back pain is" in description


def test_weeks_not_yet_set_by_a_review_are_tentative_and_say_so(
    p01: tuple[Programme, Preferences, Calendar],
) -> None:
    programme, _, calendar = p01
    sessions = _summaries(calendar, "Back exercises")
    first_week = len(programme.weeks[0].sessions)
    for event in sessions[:first_week]:
        assert str(event["STATUS"]) == "CONFIRMED"  # type: ignore[index]
        assert "(planned)" not in str(event["SUMMARY"])  # type: ignore[index]
        assert "Planned, not promised" not in str(event["DESCRIPTION"])  # type: ignore[index]
    for event in sessions[first_week:]:
        assert str(event["STATUS"]) == "TENTATIVE"  # type: ignore[index]
        assert str(event["SUMMARY"]).startswith("Back exercises (planned)")  # type: ignore[index]
        assert "Planned, not promised" in str(event["DESCRIPTION"])  # type: ignore[index]


def test_every_event_has_an_alarm(p01: tuple[Programme, Preferences, Calendar]) -> None:
    _, _, calendar = p01
    events = calendar.walk("VEVENT")
    assert all(len(event.walk("VALARM")) == 1 for event in events)


def test_a_weekly_review_event_each_week(p01: tuple[Programme, Preferences, Calendar]) -> None:
    programme, _, calendar = p01
    reviews = _summaries(calendar, "Spinewise check-in")
    assert len(reviews) == 6
    days = [event["DTSTART"].dt.date() for event in reviews]  # type: ignore[index]
    assert days == [week.end for week in programme.weeks]


def test_movement_breaks_recur_on_workdays_when_sitting_long(
    p01: tuple[Programme, Preferences, Calendar],
) -> None:
    programme, _, calendar = p01
    breaks = _summaries(calendar, "Move for a minute")
    assert 1 <= len(breaks) <= 8  # a few recurring events keep the file small
    for event in breaks:
        rule = event["RRULE"]  # type: ignore[index]
        assert rule["FREQ"] == ["WEEKLY"]
        assert rule["BYDAY"] == ["MO", "TU", "WE", "TH", "FR"]
        assert rule["UNTIL"][0].date() >= programme.end - timedelta(days=1)
        start = event["DTSTART"].dt  # type: ignore[index]
        assert time(9, 0) <= start.time() <= time(17, 0)


def test_no_movement_breaks_for_someone_who_sits_little() -> None:
    prefs = Preferences()
    calendar = Calendar.from_ical(programme_to_ics(_programme("P02", prefs), prefs))
    assert _summaries(calendar, "Move for a minute") == []


def test_two_exports_have_identical_uids_and_bytes(
    p01: tuple[Programme, Preferences, Calendar],
) -> None:
    programme, prefs, calendar = p01
    again = _programme("P01", prefs)
    first, second = programme_to_ics(programme, prefs), programme_to_ics(again, prefs)
    assert first == second
    uids = [str(event["UID"]) for event in calendar.walk("VEVENT")]
    assert len(uids) == len(set(uids))
    assert all(uid.startswith(programme.id) for uid in uids)
    other = Calendar.from_ical(programme_to_ics(_programme("P05", prefs), prefs))
    assert not set(uids) & {str(event["UID"]) for event in other.walk("VEVENT")}


def test_the_persons_time_zone_and_session_time_are_used() -> None:
    prefs = Preferences(timezone="America/New_York", session_time="07:30", days_per_week=3)
    programme = _programme("P04", prefs)
    calendar = Calendar.from_ical(programme_to_ics(programme, prefs))
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["America/New_York"]
    first = _summaries(calendar, "Back exercises")[0]
    start = first["DTSTART"].dt  # type: ignore[index]
    assert start == datetime(2025, 3, 3, 7, 30, tzinfo=ZoneInfo("America/New_York"))
    assert len(_summaries(calendar, "Back exercises")) == 18


def test_a_plan_from_year_one_still_exports() -> None:
    # Stored before the date rule existed: the calendar and its feed must not break.
    from spinewise.core.assessment import assess
    from spinewise.core.calendar import programme_to_ics
    from spinewise.core.intake import load_intake
    from spinewise.core.plan import Preferences, build_programme

    intake = load_intake(Path(__file__).parents[1] / "vignettes" / "P01.json")
    prefs = Preferences(timezone="UTC")
    programme = build_programme(assess(intake), intake, prefs, date(1, 1, 1))
    assert programme_to_ics(programme, prefs).startswith(b"BEGIN:VCALENDAR")
